using Malekort.Capture;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>livelihood.csv: the history of a person's main livelihood (KOSTRA VKLO codes).</summary>
internal static class LivelihoodFile
{
    public static List<LivelihoodRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<LivelihoodRecord>();
        using var table = batch.Open(CaptureFiles.Livelihood, content, ["valid_from", "source"], []);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var validFrom = table.Column("valid_from");
        var source = table.Column("source");
        var firstLine = new Dictionary<(string, DateOnly), int>();
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var from = row.Date(validFrom, required: true);
            var code = row.Integer(source, required: true, 1, 9);
            // Two values from the same day leave the person's livelihood that day undecided.
            if (key is not null && from is { } day && !firstLine.TryAdd((key, day), row.Line))
                row.Error(validFrom.Name,
                    Invariant($"Personen har allerede en rad med valid_from {CellValues.Text(day)} (linje {firstLine[(key, day)]}); ")
                    + "to rader for samme person og dag gjør historikken tvetydig.");
            if (row.Failed || key is null || from is null || code is null) continue;
            records.Add(new LivelihoodRecord(key, from.Value, null, code.Value));
        }
        return records;
    }
}
