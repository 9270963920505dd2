using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.Scorecard;

/// <summary>One code's counts in the months shown: the number, and its share of the group's whole where the group has one.</summary>
public sealed record FollowUpCell(long? Count, double? Share)
{
    /// <summary>As the table shows it: <c>2 (40,0 %)</c>, <c>1</c>, or «Ingen verdi» where not captured.</summary>
    public string Text => Count is not { } count ? Texts.NoValue
        : Share is { } share ? $"{NorwegianFormat.Count(count)} ({NorwegianFormat.Percent(share)})"
        : NorwegianFormat.Count(count);
}

/// <summary>A code of a follow-up group and its cells, oldest month first.</summary>
public sealed record FollowUpRow(string Code, string Name, IReadOnlyList<FollowUpCell> Cells);

/// <summary>A group of the follow-up: heading, what its numbers count, and its rows.</summary>
public sealed record FollowUpTable(FollowUpGroup Group, string Heading, string Counts, IReadOnlyList<FollowUpRow> Rows);

/// <summary>
/// The office's follow-up of conditions and the activity duty (<see cref="ConditionFollowUp"/>) for a unit or office it sees in
/// full, in the chosen month and the five before it: aggregates only; who is counted is for the explanation of a count.
/// </summary>
public sealed record ConditionFollowUpView(string UnitName, IReadOnlyList<Month> Months, IReadOnlyList<FollowUpTable> Tables)
{
    /// <summary>How many months the follow-up shows, the chosen one last.</summary>
    public const int MonthsShown = 6;

    /// <summary>The follow-up, or null where the viewer does not see the unit in full or nothing about conditions is captured.</summary>
    internal static ConditionFollowUpView? Of(ShownResults results, UnitCode unit, string unitName, Month month)
    {
        var first = Month.FromIndex(Math.Max(month.Index - MonthsShown + 1, results.Months.First.Index));
        var months = new MonthRange(first, month).Months().ToList();
        var counts = months.Select(m => results.FollowUp(unit, m).ToArray()).ToList();
        if (counts.All(c => c.Length == 0 || c.All(n => n is null))) return null;
        // The wholes the shares are of: recipients 18–29 (V.101's denominator) and all recipients (BL151).
        var young = months.Select(m => results.Get(unit, m, "V.101").Denominator).ToList();
        var all = months.Select(m => results.Get(unit, m, "BL151").Numerator).ToList();
        var tables = ConditionFollowUp.Lines.GroupBy(l => l.Group).Select(group => new FollowUpTable(group.Key,
            ConditionFollowUp.Heading(group.Key), ConditionFollowUp.Counts(group.Key),
            [.. group.Select(line => new FollowUpRow(line.Code.Code, line.Code.Name, [.. months.Select((_, t) =>
            {
                var count = counts[t].Length == 0 ? null : counts[t][line.Slot];
                var whole = group.Key switch
                {
                    FollowUpGroup.ConditionsAged18To29 => young[t],
                    FollowUpGroup.ConditionsAll => all[t],
                    _ => null,
                };
                return new FollowUpCell(count, count is { } n && whole is > 0 ? 100.0 * n / whole.Value : null);
            })]))])).ToList();
        return new ConditionFollowUpView(unitName, months, tables);
    }
}
