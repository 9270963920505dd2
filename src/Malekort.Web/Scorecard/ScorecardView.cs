using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.AspNetCore.Components;

namespace Malekort.Web.Scorecard;

/// <summary>The unit and month picker: every unit with results in its group, every month computed, and the ones chosen.</summary>
public sealed record UnitPickerView(IReadOnlyList<UnitGroupChoice> Groups, IReadOnlyList<Month> Months, UnitCode Unit, Month Month);

/// <summary>
/// The scorecard's indicators for one unit and month: the 14 agreed indicators and V.101–V.104 in catalogue order, then the
/// supplementary measures, each an <see cref="IndicatorRow"/>.
/// </summary>
public sealed record IndicatorTablesView(string UnitName, string MonthName, IReadOnlyList<IndicatorRow> Core, IReadOnlyList<IndicatorRow> Supplementary)
{
    private static readonly IndicatorDefinition[] SupplementaryDefinitions = [.. IndicatorCatalog.All.Where(d => !d.IsCore)];

    /// <summary>Whether any number in the tables, trends included, is shown as «:», so the legend explains it.</summary>
    public bool AnySuppressed => Core.Concat(Supplementary)
        .Any(r => r.IsSuppressed || r.Trend.Any(p => p.Value.Notes.HasFlag(ValueNotes.Suppressed)));

    internal static IndicatorTablesView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month) => new(
        unit.Name, NorwegianFormat.Month(month),
        ScorecardModel.Rows(snapshot, results, unit.Code, month, IndicatorCatalog.Core),
        ScorecardModel.Rows(snapshot, results, unit.Code, month, SupplementaryDefinitions));
}

/// <summary>
/// What the scorecard of one unit and month shows: the picker, the publication of the unit's office, whether the viewer sees the
/// unit from outside, and the indicator tables (<see cref="IndicatorTablesView"/>, rendered apart and kept per unit and month).
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Month">The month.</param>
/// <param name="Picker">The unit and month picker, with these chosen.</param>
/// <param name="Publication">The publication of the unit's office; null for a county or the country.</param>
/// <param name="Restricted">Whether the viewer sees the unit from outside its office (small numbers suppressed).</param>
/// <param name="Indicators">The rendered <c>IndicatorTables</c>.</param>
/// <param name="FollowUp">The office's follow-up of conditions, for a unit or office the viewer sees in full; else null.</param>
/// <param name="Footer">The page's footer.</param>
public sealed record ScorecardView(
    UnitChoice Unit,
    Month Month,
    UnitPickerView Picker,
    PublicationBannerView? Publication,
    bool Restricted,
    MarkupString Indicators,
    ConditionFollowUpView? FollowUp,
    PageFooter Footer)
{
    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>What kind of unit it is, and what its numbers are the sum of.</summary>
    public string Kind => Unit.Code.Kind switch
    {
        UnitKind.Office => "NAV-kontor (summen av kommunene og bydelene kontoret betjener)",
        UnitKind.Municipality => $"kommune {Unit.Code.Value}",
        UnitKind.District => $"bydel {Unit.Code.Value}",
        UnitKind.County => $"fylke {Unit.Code.Value} (summen av kommunene)",
        _ => "hele landet (summen av kommunene)",
    };

    internal static ScorecardView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month,
        PublicationBannerView? publication, string indicators) => new(
        unit, month, new UnitPickerView(snapshot.UnitGroups, snapshot.Months, unit.Code, month), publication, results.IsRestricted(unit.Code),
        new MarkupString(indicators), ConditionFollowUpView.Of(results, unit.Code, unit.Name, month), PageFooter.Of(snapshot));
}
