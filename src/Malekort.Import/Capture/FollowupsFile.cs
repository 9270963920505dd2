using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>followups.csv (Arena): one row per follow-up contact, dated inside the batch period.</summary>
internal static class FollowupsFile
{
    public static List<FollowupRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<FollowupRecord>();
        using var table = batch.Open(CaptureFiles.Followups, content, ["date"], []);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var date = table.Column("date");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var on = row.Date(date, required: true);
            if (on is { } day) batch.CheckInPeriod(row, date, day);
            if (row.Failed || key is null || on is null) continue;
            records.Add(new FollowupRecord(key, on.Value));
        }
        return records;
    }
}
