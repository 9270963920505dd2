using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>activity_exemptions.csv: exemptions from the activity duty (§ 20a), dated by the decision, with KOSTRA VEDTAK grounds.</summary>
internal static class ActivityExemptionsFile
{
    private static readonly string[] Grounds = [.. ConditionCodes.ExemptionGrounds.Select(c => c.Code)];

    public static List<ExemptionRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<ExemptionRecord>();
        using var table = batch.Open(CaptureFiles.ActivityExemptions, content, ["decided_date", "grounds"], []);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var decidedDate = table.Column("decided_date");
        var grounds = table.Column("grounds");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var decided = row.Date(decidedDate, required: true);
            if (decided is { } day) batch.CheckInPeriod(row, decidedDate, day);
            var set = CodeCells.Read(row, grounds, required: true, Grounds, "VEDTAK-kode (unntaksgrunn) fra KOSTRA 11F");
            if (row.Failed || key is null || decided is null) continue;
            records.Add(new ExemptionRecord(key, decided.Value, set));
        }
        return records;
    }
}
