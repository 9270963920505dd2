using Malekort.Units;

namespace Malekort.Web.Scorecard;

/// <summary>Which units the comparison lists.</summary>
public enum ComparisonLevel
{
    All,
    Offices,
    Municipalities,
    Districts,
    Counties,
}

/// <summary>The comparison's order: by name, or by value with the highest or the lowest first (units without a value last).</summary>
public enum ComparisonOrder
{
    Name,
    HighestFirst,
    LowestFirst,
}

/// <summary>
/// The comparison's choices as the address writes them (<c>niva=kommuner</c>, <c>sorter=verdi-synkende</c>) and as the form
/// labels them: declared once here, read by <see cref="Parameters.QueryParameters"/> and written by the page.
/// </summary>
internal static class ComparisonChoices
{
    public static IReadOnlyList<(ComparisonLevel Level, string Word, string Label)> Levels { get; } =
    [
        (ComparisonLevel.All, "alle", "Alle enheter"),
        (ComparisonLevel.Offices, "kontorer", "NAV-kontorer"),
        (ComparisonLevel.Municipalities, "kommuner", "Kommuner"),
        (ComparisonLevel.Districts, "bydeler", "Bydeler i Oslo"),
        (ComparisonLevel.Counties, "fylker", "Fylker"),
    ];

    public static IReadOnlyList<(ComparisonOrder Order, string Word, string Label)> Orders { get; } =
    [
        (ComparisonOrder.Name, "navn", "Navn (A–Å)"),
        (ComparisonOrder.HighestFirst, "verdi-synkende", "Høyeste verdi først"),
        (ComparisonOrder.LowestFirst, "verdi-stigende", "Laveste verdi først"),
    ];

    public static string Word(ComparisonLevel level) => Levels.Single(l => l.Level == level).Word;

    public static string Word(ComparisonOrder order) => Orders.Single(o => o.Order == order).Word;

    public static bool TryRead(string text, out ComparisonLevel level)
    {
        var found = Levels.Where(l => l.Word == text).Select(l => (ComparisonLevel?)l.Level).FirstOrDefault();
        level = found ?? default;
        return found is not null;
    }

    public static bool TryRead(string text, out ComparisonOrder order)
    {
        var found = Orders.Where(o => o.Word == text).Select(o => (ComparisonOrder?)o.Order).FirstOrDefault();
        order = found ?? default;
        return found is not null;
    }

    /// <summary>The level a unit is compared at when none is chosen: its own kind's; everything for the country.</summary>
    public static ComparisonLevel LevelOf(UnitCode? unit) => unit?.Kind switch
    {
        UnitKind.Office => ComparisonLevel.Offices,
        UnitKind.Municipality => ComparisonLevel.Municipalities,
        UnitKind.District => ComparisonLevel.Districts,
        UnitKind.County => ComparisonLevel.Counties,
        _ => ComparisonLevel.All,
    };

    public static bool Includes(ComparisonLevel level, UnitKind kind) => level switch
    {
        ComparisonLevel.Offices => kind == UnitKind.Office,
        ComparisonLevel.Municipalities => kind == UnitKind.Municipality,
        ComparisonLevel.Districts => kind == UnitKind.District,
        ComparisonLevel.Counties => kind == UnitKind.County,
        _ => kind != UnitKind.Country,
    };
}
