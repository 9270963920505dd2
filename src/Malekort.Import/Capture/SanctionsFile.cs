using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>sanctions.csv: consequences of broken conditions, dated, of a KOSTRA SANKSJON kind.</summary>
internal static class SanctionsFile
{
    private static readonly Choices<int> Kinds =
        new([.. ConditionCodes.SanctionKinds.Select((k, i) => (k.Code, i))]);

    public static List<SanctionRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<SanctionRecord>();
        using var table = batch.Open(CaptureFiles.Sanctions, content, ["date", "kind"], []);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var date = table.Column("date");
        var kind = table.Column("kind");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var on = row.Date(date, required: true);
            if (on is { } day) batch.CheckInPeriod(row, date, day);
            var index = row.Choice(kind, required: true, Kinds);
            if (row.Failed || key is null || on is null || index is null) continue;
            records.Add(new SanctionRecord(key, on.Value.Year, on.Value, ConditionCodes.SanctionKinds[index.Value].Code));
        }
        return records;
    }
}
