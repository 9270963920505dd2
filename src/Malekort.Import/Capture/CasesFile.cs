using Malekort.Capture;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>cases.csv: saker, with their category resolved from case_types.csv.</summary>
internal static class CasesFile
{
    public static List<CaseRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<CaseRecord>();
        using var table = batch.Open(CaptureFiles.Cases, content, ["case_id", "case_type"], ["received_date", "approved_date"]);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var caseId = table.Column("case_id");
        var caseType = table.Column("case_type");
        var receivedDate = table.Column("received_date");
        var approvedDate = table.Column("approved_date");
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table)
        {
            var id = row.Text(caseId, required: true);
            if (id is not null && !firstLine.TryAdd(id, row.Line))
                row.Error(caseId.Name,
                    Invariant($"case_id {FindingLog.Shown(id)} står også på linje {firstLine[id]}; ")
                    + "hver sak må ha en unik case_id i batchen.");
            var key = person.Reference(row);
            var type = batch.CaseTypes.Resolve(row, caseType);
            var received = row.Date(receivedDate, required: false);
            var approved = row.Date(approvedDate, required: false);
            row.InOrder(receivedDate, received, approvedDate, approved);
            // A case is dated by its received_date, or its approved_date when it has none (spec "Cross-file rules").
            if (received is { } on) batch.CheckInPeriod(row, receivedDate, on);
            else if (approved is { } approvedOn && row[receivedDate].IsEmpty) batch.CheckInPeriod(row, approvedDate, approvedOn);
            else if (row[receivedDate].IsEmpty && row[approvedDate].IsEmpty)
                row.Error(receivedDate.Name,
                    "Saken mangler både received_date og approved_date; en av dem må være fylt ut for å datere den.");
            if (row.Failed || id is null || key is null || type is null) continue;
            records.Add(new CaseRecord(batch.Persons.Identifier(id), key, type.Code, type.Category, received, approved));
        }
        return records;
    }
}
