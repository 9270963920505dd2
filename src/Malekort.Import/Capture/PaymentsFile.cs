using Malekort.Capture;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>payments.csv: utbetalinger, the largest file of a batch, so this loop avoids allocating beyond the record.</summary>
internal static class PaymentsFile
{
    private static readonly Choices<PaymentStatus> Statuses = new([.. CaptureCodes.PaymentStatuses]);

    public static List<PaymentRecord> Read(BatchContext batch, BatchFile content)
    {
        using var table = batch.Open(CaptureFiles.Payments, content,
            ["payment_id", "benefit_type", "amount", "status"], ["payment_date", "period_from", "period_to", "case_id"]);
        if (table is null) return [];
        var records = new List<PaymentRecord>(table.EstimatedRows);
        var person = batch.Persons.Resolve(table);
        var paymentId = table.Column("payment_id");
        var benefitType = table.Column("benefit_type");
        var amount = table.Column("amount");
        var status = table.Column("status");
        var paymentDate = table.Column("payment_date");
        var periodFrom = table.Column("period_from");
        var periodTo = table.Column("period_to");
        var caseId = table.Column("case_id");
        var firstLine = new Dictionary<string, int>(table.EstimatedRows, StringComparer.Ordinal);
        var caseIds = new IdPool();
        foreach (var row in table)
        {
            var id = row.Text(paymentId, required: true);
            if (id is not null && !firstLine.TryAdd(id, row.Line))
                row.Error(paymentId.Name, Invariant($"payment_id {FindingLog.Shown(id)} står også på linje {firstLine[id]}; ")
                    + "hver utbetaling må ha en unik payment_id i batchen.");
            var key = person.Reference(row);
            var type = batch.BenefitTypes.Resolve(row, benefitType);
            var sum = row.Decimal(amount, required: true);
            if (sum <= 0m) row.Error(amount.Name, $"amount {FindingLog.Shown(row[amount])} må være større enn 0.");
            var state = row.Choice(status, required: true, Statuses);
            var paid = row.Date(paymentDate, required: false);
            var from = row.Date(periodFrom, required: false);
            var to = row.Date(periodTo, required: false);
            // Empty, not unparsable, cells decide the presence rules, so a bad date is reported once, as a bad date.
            var noPaymentDate = row[paymentDate].IsEmpty;
            var noPeriodFrom = row[periodFrom].IsEmpty;
            if (state == PaymentStatus.Utbetalt && noPaymentDate)
                row.Error(paymentDate.Name, "payment_date mangler; den er påkrevd når status er UTBETALT.");
            if (noPeriodFrom != row[periodTo].IsEmpty)
            {
                var (given, missing) = noPeriodFrom ? (periodTo, periodFrom) : (periodFrom, periodTo);
                row.Error(missing.Name, $"{missing.Name} mangler mens {given.Name} er fylt ut; "
                    + "period_from og period_to må være fylt ut begge eller ingen av dem.");
            }
            row.InOrder(periodFrom, from, periodTo, to);
            // The payment is dated by its payment_date, or its period_from when it has none (spec "Cross-file rules").
            if (paid is { } paidOn) batch.CheckInPeriod(row, paymentDate, paidOn);
            else if (from is { } fromDate && noPaymentDate) batch.CheckInPeriod(row, periodFrom, fromDate);
            else if (noPaymentDate && noPeriodFrom && state != PaymentStatus.Utbetalt)
                row.Error(paymentDate.Name,
                    "Utbetalingen mangler både payment_date og period_from; en av dem må være fylt ut for å datere den.");
            var caseText = row.TryValue(caseId, required: false, out var caseCell) ? caseIds.Get(caseCell) : null;
            if (row.Failed || id is null || key is null || type is null || sum is null || state is null) continue;
            records.Add(new PaymentRecord(batch.Persons.Identifier(id), key, type.Code, type.Category, sum.Value, state.Value, paid, from, to,
                caseText is null ? null : batch.Persons.Identifier(caseText)));
        }
        return records;
    }
}
