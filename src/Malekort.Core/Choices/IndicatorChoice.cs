using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Choices;

/// <summary>One indicator of a unit's own choice, and the heading it starts (null: it goes under the heading before it).</summary>
public sealed record ChosenIndicator(string Indicator, string? Heading);

/// <summary>
/// The indicators a municipality, district or office has chosen for its scorecard, in its order, under its headings (issue 11
/// item 5; seed 000, «valg av indikatorer»); who chose them and when. Without one the scorecard shows the national set in the
/// catalogue's order, and the national set stays one link away for everyone.
/// </summary>
public sealed record IndicatorChoice(UnitCode Unit, IReadOnlyList<ChosenIndicator> Indicators, string ChosenBy, DateTimeOffset ChosenAt)
{
    /// <summary>
    /// The chosen indicators that <paramref name="find"/> knows (the catalogue when null; the caller's list when the choice may name own
    /// indicators and added versions, issue 11 items 6 and 7), in order, grouped by heading (the first group's heading may be null).
    /// </summary>
    public IReadOnlyList<(string? Heading, IReadOnlyList<IndicatorDefinition> Definitions)> Groups(Func<string, IndicatorDefinition?>? find = null)
    {
        find ??= IndicatorCatalog.Find;
        var groups = new List<(string?, List<IndicatorDefinition>)>();
        foreach (var chosen in Indicators)
        {
            if (find(chosen.Indicator) is not { } definition) continue;
            if (groups.Count == 0 || chosen.Heading is not null) groups.Add((chosen.Heading, []));
            groups[^1].Item2.Add(definition);
        }
        return [.. groups.Select(g => (g.Item1, (IReadOnlyList<IndicatorDefinition>)g.Item2))];
    }

    /// <summary>Records compare lists by reference; two choices of the same indicators, order and headings are equal.</summary>
    public bool Equals(IndicatorChoice? other) => other is not null && Unit == other.Unit && ChosenBy == other.ChosenBy &&
        ChosenAt == other.ChosenAt && Indicators.SequenceEqual(other.Indicators);

    public override int GetHashCode() => HashCode.Combine(Unit, ChosenBy, ChosenAt, Indicators.Count);
}
