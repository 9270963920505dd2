using Malekort.Units;

namespace Malekort.Population;

/// <summary>
/// SSB population of a municipality or district on 1 January of <see cref="Year"/>
/// (table 07459 or 10826; Kilde: Statistisk sentralbyrå (SSB)).
/// </summary>
/// <param name="Unit">The municipality (2024 numbering) or district.</param>
/// <param name="Year">The year whose 1 January the figures describe.</param>
/// <param name="Aged18To66">Persons aged 18–66 (denominator of B.101 and B.102).</param>
/// <param name="Aged18To24">Persons aged 18–24 (denominator of B.103).</param>
/// <param name="Total">All persons.</param>
/// <param name="Source">Which table and file the figures came from.</param>
public sealed record PopulationFigure(UnitCode Unit, int Year, long Aged18To66, long Aged18To24, long Total, string Source);

/// <summary>Which population a denominator uses.</summary>
public enum AgeGroup
{
    /// <summary>18–66 years.</summary>
    Aged18To66,
    /// <summary>18–24 years.</summary>
    Aged18To24,
}

/// <summary>Population figures by unit and year, with the spec's rule for a missing year.</summary>
public sealed class PopulationTable
{
    private readonly Dictionary<UnitCode, SortedList<int, PopulationFigure>> byUnit = [];

    /// <summary>Creates a table; a later figure for the same unit and year replaces an earlier one.</summary>
    public PopulationTable(IEnumerable<PopulationFigure> figures)
    {
        foreach (var f in figures)
        {
            if (!byUnit.TryGetValue(f.Unit, out var years)) byUnit[f.Unit] = years = [];
            years[f.Year] = f;
        }
    }

    /// <summary>An empty table.</summary>
    public static PopulationTable Empty { get; } = new([]);

    /// <summary>All figures.</summary>
    public IEnumerable<PopulationFigure> Figures => byUnit.Values.SelectMany(y => y.Values);

    /// <summary>
    /// The population for a month's year: persons at 1 January of that year. When that year is missing the latest
    /// earlier year is used and <paramref name="older"/> is set (spec "Population", Choice). Null when there is none.
    /// </summary>
    public long? For(UnitCode unit, int year, AgeGroup group, out bool older)
    {
        older = false;
        if (!byUnit.TryGetValue(unit, out var years)) return null;
        PopulationFigure? found = null;
        foreach (var (y, figure) in years)
        {
            if (y > year) break;
            found = figure;
        }
        if (found is null) return null;
        older = found.Year != year;
        return group == AgeGroup.Aged18To66 ? found.Aged18To66 : found.Aged18To24;
    }
}
