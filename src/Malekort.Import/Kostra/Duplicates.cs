using static System.FormattableString;

namespace Malekort.Import.Kostra;

/// <summary>Rules 005A and 005B: a key (fødselsnummer, journal number) that more than one record holds.</summary>
internal static class Duplicates
{
    // A message names at most this many of the other records, so a file of one line repeated stays linear to report.
    private const int NamedOthers = 5;

    /// <summary>Reports each record whose key another record shares, in line order, naming the others by line and journal number.</summary>
    public static void Report(IReadOnlyList<KostraRecord> records, RuleReport report, KostraRule rule, string column,
        Func<KostraRecord, string?> keyOf, string lead)
    {
        var keys = new string?[records.Count];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if ((keys[i] = keyOf(records[i])) is not { } key) continue;
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }
        for (var i = 0; i < records.Count; i++)
        {
            if (keys[i] is not { } key || byKey[key] is not { Count: > 1 } list) continue;
            var others = list.Where(o => o != i).Take(NamedOthers)
                .Select(o => Invariant($"linje {records[o].LineNumber} (journalnummer {JournalOf(records[o])})"));
            var more = list.Count - 1 > NamedOthers ? Invariant($" og {list.Count - 1 - NamedOthers} poster til") : "";
            report.Add(rule, records[i].LineNumber, column, $"{lead} {string.Join(", ", others)}{more}; hver skal bare stå én gang.");
        }
    }

    /// <summary>Rule 005B, the same in both skjema: a journal number more than one record holds; blank ones are not compared.</summary>
    public static void ReportJournalNumbers(IReadOnlyList<KostraRecord> records, RuleReport report, KostraRule rule) =>
        Report(records, report, rule, "PERSON_JOURNALNR",
            r => r.IsBlank((int)CommonField.PersonJournalnr) ? null : r[CommonField.PersonJournalnr].ToString(),
            "Journalnummeret står også i");

    private static string JournalOf(in KostraRecord r) => PersonNumbers.Shown(r[CommonField.PersonJournalnr].Trim(' '));
}
