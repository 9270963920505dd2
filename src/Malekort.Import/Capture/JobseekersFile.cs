using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>jobseekers.csv (Arena): job seeker registrations.</summary>
internal static class JobseekersFile
{
    private static readonly Choices<JobseekerGroup> Groups = new([.. CaptureCodes.JobseekerGroups]);

    public static List<JobseekerRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<JobseekerRecord>();
        using var table = batch.Open(CaptureFiles.Jobseekers, content, ["group", "registered_from"], ["registered_to"]);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var group = table.Column("group");
        var registeredFrom = table.Column("registered_from");
        var registeredTo = table.Column("registered_to");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var kind = row.Choice(group, required: true, Groups);
            var from = row.Date(registeredFrom, required: true);
            var to = row.Date(registeredTo, required: false);
            row.InOrder(registeredFrom, from, registeredTo, to);
            if (row.Failed || key is null || kind is null || from is null) continue;
            records.Add(new JobseekerRecord(key, kind.Value, from.Value, to));
        }
        return records;
    }
}
