using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>conditions.csv: conditions (vilkår) set with a payment decision, dated by the decision, with KOSTRA VILKAR codes.</summary>
internal static class ConditionsFile
{
    private static readonly string[] Codes = [.. ConditionCodes.Conditions.Select(c => c.Code)];

    public static List<ConditionRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<ConditionRecord>();
        using var table = batch.Open(CaptureFiles.Conditions, content, ["decided_date", "valid_from", "valid_to", "codes"], []);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var decidedDate = table.Column("decided_date");
        var validFrom = table.Column("valid_from");
        var validTo = table.Column("valid_to");
        var codes = table.Column("codes");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var decided = row.Date(decidedDate, required: true);
            if (decided is { } day) batch.CheckInPeriod(row, decidedDate, day);
            var from = row.Date(validFrom, required: true);
            var to = row.Date(validTo, required: true);
            row.InOrder(validFrom, from, validTo, to);
            var set = CodeCells.Read(row, codes, required: true, Codes, "VILKAR-kode fra KOSTRA 11F");
            if (row.Failed || key is null || decided is null || from is null || to is null) continue;
            records.Add(new ConditionRecord(key, decided.Value, from.Value, to.Value, set));
        }
        return records;
    }
}
