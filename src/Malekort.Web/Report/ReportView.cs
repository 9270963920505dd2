using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Pages;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Report;

/// <summary>One indicator on the report: its row, and its change since the month before in words.</summary>
/// <param name="Row">The indicator's value, status, threshold, target and trend.</param>
/// <param name="Change">The change since the month before, in words (<c>opp 2</c>, <c>ned 0,3 prosentpoeng</c>, <c>uendret</c>); null without both values.</param>
/// <param name="Arrow">↑, ↓ or → for the change; null without one.</param>
public sealed record ReportLine(IndicatorRow Row, string? Change, string? Arrow);

/// <summary>
/// The monthly report of one unit (<c>/rapport</c>), for the partnership meeting on one A4 page: every indicator with its
/// colour, value, change since last month, 13-month trend, target and attainment; the publication of the office's month; and
/// when it was made.
/// </summary>
public sealed record ReportView(
    UnitChoice Unit,
    Month Month,
    IReadOnlyList<ReportLine> Core,
    IReadOnlyList<ReportLine> Supplementary,
    PublicationBannerView? Publication,
    string Made,
    string Summary,
    PageFooter Footer)
{
    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>The scorecard this report is printed from.</summary>
    public string ScorecardLink => $"/malekort?enhet={Uri.EscapeDataString(Unit.Code.Value)}&maned={Month}";

    internal static ReportView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month, PublicationBannerView? publication,
        DateTimeOffset now)
    {
        ReportLine Line(IndicatorRow row) => new(row, Change(row), Arrow(row));
        var core = ScorecardModel.Rows(snapshot, results, unit.Code, month, snapshot.NationalCore).Select(Line).ToList();
        var supplementary = ScorecardModel.Rows(snapshot, results, unit.Code, month, snapshot.National.Where(d => !d.IsCore)).Select(Line).ToList();
        return new(unit, month, core, supplementary, publication, NorwegianFormat.Instant(now), SummaryOf(core), PageFooter.Of(snapshot));
    }

    /// <summary>How many of the agreed indicators have each colour: <c>2 grønne, 5 gule, 0 røde</c>.</summary>
    private static string SummaryOf(IReadOnlyList<ReportLine> lines)
    {
        int Count(ValueStatus status) => lines.Count(l => l.Row.Status == status);
        var rest = lines.Count - Count(ValueStatus.Green) - Count(ValueStatus.Yellow) - Count(ValueStatus.Red);
        return $"{Count(ValueStatus.Green)} grønne, {Count(ValueStatus.Yellow)} gule, {Count(ValueStatus.Red)} røde, {rest} uten farge";
    }

    private static double? Difference(IndicatorRow row) =>
        row.Trend.Count >= 2 && row.Trend[^1].Value.Value is { } now && row.Trend[^2].Value.Value is { } before ? now - before : null;

    private static string? Arrow(IndicatorRow row) => Difference(row) switch
    {
        null => null,
        > 0 => "↑",
        < 0 => "↓",
        _ => "→",
    };

    private static string? Change(IndicatorRow row)
    {
        if (Difference(row) is not { } d) return null;
        var size = Math.Abs(d);
        if (Math.Round(size, 1, MidpointRounding.AwayFromZero) == 0) return "uendret";
        var amount = row.Definition.Kind switch
        {
            ValueKind.Count => NorwegianFormat.Count((long)Math.Round(size)),
            ValueKind.Percent => NorwegianFormat.OneDecimal(size) + "\u00A0prosentpoeng",
            _ => NorwegianFormat.OneDecimal(size) + "\u00A0dager",
        };
        return (d > 0 ? "opp " : "ned ") + amount;
    }
}
