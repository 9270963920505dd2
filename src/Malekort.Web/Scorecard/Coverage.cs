using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Web.Scorecard;

/// <summary>
/// Coverage before colour (spec "Values, aggregation and display"): the one line at the top of an office's, county's or the
/// country's scorecard, and of the comparison, that says how many of its units have data when its sums lack some. Those sums
/// are shown, marked incomplete, and never coloured.
/// </summary>
internal static class Coverage
{
    /// <summary>The line for an aggregate's indicators, or null when every sum has all its units (or the unit is no sum).</summary>
    public static string? Line(UnitCode unit, IReadOnlyList<IndicatorRow> rows)
    {
        if (unit.IsCaptureUnit) return null;
        var incomplete = rows.Where(r => r.Value.IsIncomplete).ToList();
        if (incomplete.Count == 0) return null;
        var members = MemberWord(unit);
        var groups = incomplete.GroupBy(r => (r.Value.UnitsIncluded, r.Value.UnitsTotal)).OrderByDescending(g => g.Key.UnitsIncluded).ToList();
        var verdict = "tall som mangler enheter er merket ufullstendige og får ingen farge.";
        if (groups.Count == 1 && incomplete.Count == rows.Count(r => r.Value.IsCaptured))
            return $"{Of(groups[0].Key, members)} har data; {verdict}";
        var parts = groups.Select(g => $"{Of(g.Key, members)} for {string.Join(", ", g.Select(r => r.Definition.Code))}");
        return $"Ikke alle {members} har data: {string.Join("; ", parts)}. Disse {verdict}";
    }

    /// <summary>The comparison's line: how many municipalities the country's sum has, when it lacks some.</summary>
    public static string? ComparisonLine(IndicatorValue country) => country.IsIncomplete
        ? $"{Of((country.UnitsIncluded, country.UnitsTotal), "kommuner")} har data; summene for NAV-kontorer, fylker og landet som mangler "
          + "enheter er merket ufullstendige og får ingen farge."
        : null;

    private static string Of((int Included, int Total) coverage, string members) =>
        $"{NorwegianFormat.Count(coverage.Included)} av {NorwegianFormat.Count(coverage.Total)} {members}";

    // An office serves municipalities, Oslo's districts or both; counties and the country sum municipalities.
    private static string MemberWord(UnitCode unit) => unit.Kind == UnitKind.Office ? "kommuner og bydeler kontoret betjener" : "kommuner";
}
