using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Parameters;
using Malekort.Web.State;

namespace Malekort.Web.Pages;

/// <summary>
/// The unit and month the user has chosen, carried in the query string (<c>enhet</c>, <c>maned</c>) by every menu link and page
/// link, so moving between pages keeps them. Either may be absent.
/// </summary>
public sealed record Selection(UnitCode? Unit, Month? Month)
{
    /// <summary>Nothing chosen.</summary>
    public static Selection None { get; } = new(null, null);

    /// <summary>The scorecard of the unit in the month: <c>/malekort?enhet=3107&amp;maned=2024-12</c>.</summary>
    public static string Scorecard(UnitCode unit, Month month) => new Selection(unit, month).Link("/malekort");

    /// <summary><paramref name="path"/> with the chosen unit and month; <paramref name="query"/> (already escaped) goes first.</summary>
    public string Link(string path, string? query = null)
    {
        var link = query is null ? path : $"{path}?{query}";
        if (Unit is { } unit) link += $"{(link.Contains('?', StringComparison.Ordinal) ? '&' : '?')}enhet={Uri.EscapeDataString(unit.Value)}";
        if (Month is { } month) link += $"{(link.Contains('?', StringComparison.Ordinal) ? '&' : '?')}maned={month}";
        return link;
    }

    /// <summary>What a page was asked to carry, keeping only a unit with results and a month that was computed.</summary>
    internal static Selection Of(ScorecardSnapshot snapshot, UnitCode? unit, Month? month) => new(
        unit is { } u && snapshot.Find(u) is not null ? u : null,
        month is { } m && snapshot.Results is { } results && results.Months.Contains(m) ? m : null);

    /// <summary>The same from a page's query parameters <c>enhet</c> and <c>maned</c>.</summary>
    internal static Selection Of(ScorecardSnapshot snapshot, Query<UnitCode> unit, Query<Month> month) =>
        Of(snapshot, unit.HasValue ? unit.Value : null, month.HasValue ? month.Value : null);
}
