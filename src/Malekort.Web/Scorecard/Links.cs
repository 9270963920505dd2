using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;

namespace Malekort.Web.Scorecard;

/// <summary>The addresses of the pages that read a value in context: its history, its comparison, a unit broken down.</summary>
internal static class Links
{
    public const string HistoryPath = "/historikk";
    public const string BreakdownPath = "/nedbrytning";
    public const string ComparisonPath = "/sammenlign";

    /// <summary><c>/historikk?indikator=B.101&amp;enhet=3107&amp;maned=2024-12</c>.</summary>
    public static string History(UnitCode unit, IndicatorDefinition definition, Month month) =>
        new Selection(unit, month).Link(HistoryPath, $"indikator={Uri.EscapeDataString(definition.Code)}");

    /// <summary><c>/sammenlign?indikator=B.101&amp;enhet=3107&amp;maned=2024-12</c>: the unit is the one highlighted.</summary>
    public static string Comparison(IndicatorDefinition definition, Month month, UnitCode? unit) =>
        new Selection(unit, month).Link(ComparisonPath, $"indikator={Uri.EscapeDataString(definition.Code)}");

    /// <summary><c>/sammenlign?gruppe=Nedre%20Glomma&amp;indikator=B.101&amp;maned=2024-12</c>: a saved group's comparison.</summary>
    public static string Group(string name, IndicatorDefinition? definition, Month? month) =>
        new Selection(null, month).Link(ComparisonPath,
            $"gruppe={Uri.EscapeDataString(name)}" + (definition is null ? "" : $"&indikator={Uri.EscapeDataString(definition.Code)}"));

    /// <summary><c>/nedbrytning?enhet=NAV-0106&amp;maned=2024-12</c>.</summary>
    public static string Breakdown(UnitCode unit, Month month) => new Selection(unit, month).Link(BreakdownPath);
}
