using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.AspNetCore.Components;

namespace Malekort.Web.Scorecard;

/// <summary>The unit and month picker: the unit chosen, the list of every unit to type among, and the months with one chosen.</summary>
/// <param name="Unit">The unit chosen: the input's value.</param>
/// <param name="Units">The rendered <c>UnitList</c>, the same for every page of the snapshot.</param>
/// <param name="Months">The rendered <c>MonthOptions</c> with the month chosen.</param>
public sealed record UnitPickerView(UnitChoice Unit, MarkupString Units, MarkupString Months)
{
    /// <summary>The picker for the unit and month, with the parts the snapshot keeps.</summary>
    internal static async Task<UnitPickerView> Of(ScorecardSnapshot snapshot, UnitChoice unit, Month month) => new(unit,
        await snapshot.Parts.Get<UnitList, IReadOnlyList<UnitChoice>>(null, () => snapshot.Units),
        await MonthChoices.Options(snapshot, month));
}

/// <summary>The months to choose among, newest first, and the one chosen.</summary>
public sealed record MonthChoices(IReadOnlyList<Month> Months, Month Chosen)
{
    /// <summary>The rendered <c>MonthOptions</c> of the snapshot's months with <paramref name="chosen"/> chosen.</summary>
    internal static Task<MarkupString> Options(ScorecardSnapshot snapshot, Month chosen) =>
        snapshot.Parts.Get<MonthOptions, MonthChoices>(chosen, () => new MonthChoices(snapshot.Months, chosen));
}

/// <summary>The scorecard's indicators under one of the unit's own headings (null: no heading, as in the national set).</summary>
public sealed record IndicatorGroup(string? Heading, IReadOnlyList<IndicatorRow> Rows);

/// <summary>
/// The scorecard's indicators for one unit and month: the 14 agreed indicators and V.101–V.104 in catalogue order, or the unit's
/// own choice of them in its order under its headings (<see cref="Groups"/>), then the supplementary measures, each an
/// <see cref="IndicatorRow"/>.
/// </summary>
public sealed record IndicatorTablesView(UnitCode Unit, string UnitName, Month Month, IReadOnlyList<IndicatorRow> Core,
    IReadOnlyList<IndicatorRow> Supplementary, string? CoverageLine)
{
    /// <summary>The indicators of <see cref="Core"/> as shown: one group without a heading, or the unit's own groups.</summary>
    public IReadOnlyList<IndicatorGroup> Groups { get; init; } = [];

    /// <summary>Whether the unit has chosen its own indicators, and whether they are what is shown (else the national set is).</summary>
    public (bool Chosen, bool Shown) Choice { get; init; }

    /// <summary>The scorecard with the unit's own choice (<paramref name="all"/> false) or the whole national set.</summary>
    public string ChoiceLink(bool all) => Selection.Scorecard(Unit, Month) + (all ? "&alle=ja" : "");

    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>The indicator's history for this unit, up to this month.</summary>
    public string HistoryLink(IndicatorDefinition definition) => Links.History(Unit, definition, Month);

    /// <summary>The indicator in this month for every unit, with this unit highlighted.</summary>
    public string ComparisonLink(IndicatorDefinition definition) => Links.Comparison(definition, Month, Unit);

    /// <summary>The heading of the own indicators' group on the scorecard.</summary>
    public const string OwnHeading = "Egne indikatorer";

    /// <summary>The scorecard in one line: «2 grønne, 5 gule, 0 røde», then how many have no threshold, no data or are suppressed.</summary>
    public string Summary => Texts.StatusSummary(Core.Select(r => r.Status));

    /// <summary>Whether any number in the tables, trends included, is shown as «:», so the legend explains it.</summary>
    public bool AnySuppressed => Core.Concat(Supplementary)
        .Any(r => r.IsSuppressed || r.Trend.Any(p => p.Value.Notes.HasFlag(ValueNotes.Suppressed)));

    internal static IndicatorTablesView Of(ScorecardSnapshot snapshot, ShownResults results, UnitChoice unit, Month month, bool all = false)
    {
        var choice = snapshot.ChoiceOf(unit.Code);
        var groups = choice is null || all
            ? [new IndicatorGroup(null, ScorecardModel.Rows(snapshot, results, unit.Code, month, snapshot.NationalCore))]
            : choice.Groups().Select(g => new IndicatorGroup(g.Heading, ScorecardModel.Rows(snapshot, results, unit.Code, month, g.Definitions.Where(d => d.IsCore))))
                .Where(g => g.Rows.Count > 0).ToList();
        var core = groups.SelectMany(g => g.Rows).ToList();
        // Own indicators (issue 11 item 6) the viewer may see, under their own heading; the summary and coverage line stay national.
        var own = ScorecardModel.Rows(snapshot, results, unit.Code, month, snapshot.OwnShown);
        return new(unit.Code, unit.Name, month, core, ScorecardModel.Rows(snapshot, results, unit.Code, month, snapshot.National.Where(d => !d.IsCore)),
            Coverage.Line(unit.Code, core))
        {
            Groups = own.Count == 0 ? groups : [.. groups, new IndicatorGroup(OwnHeading, own)],
            Choice = (choice is not null, choice is not null && !all),
        };
    }
}

/// <summary>
/// What the scorecard of one unit and month shows: the picker, the publication of the unit's office, whether the viewer sees the
/// unit from outside, and the indicator tables.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Month">The month.</param>
/// <param name="Picker">The unit and month picker, with these chosen.</param>
/// <param name="Publication">The publication of the unit's office; null for a county or the country.</param>
/// <param name="Restricted">Whether the viewer sees the unit from outside its office (small numbers suppressed).</param>
/// <param name="Indicators">The indicator tables.</param>
/// <param name="FollowUp">The office's follow-up of conditions, for a unit or office the viewer sees in full; else null.</param>
/// <param name="Previous">The month before, if it was computed.</param>
/// <param name="Next">The month after, if it was computed.</param>
/// <param name="PartsName">What the unit's parts are called, when it has parts with data to break it down into; else null.</param>
/// <param name="Footer">The page's footer.</param>
public sealed record ScorecardView(
    UnitChoice Unit,
    Month Month,
    UnitPickerView Picker,
    PublicationBannerView? Publication,
    bool Restricted,
    IndicatorTablesView Indicators,
    ConditionFollowUpView? FollowUp,
    Month? Previous,
    Month? Next,
    string? PartsName,
    PageFooter Footer)
{
    /// <summary>On a central instance, which offices delivered the month and which revision it holds (docs/federation.md).</summary>
    public Federation.DeliveryBannerView? Delivery { get; init; }

    /// <summary>The unit broken down one level, when it has parts with data (<see cref="PartsName"/> names them).</summary>
    public string BreakdownLink => Links.Breakdown(Unit.Code, Month);

    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>The unit and month, for the menu's links.</summary>
    public Selection Selection => new(Unit.Code, Month);

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
        UnitPickerView picker, PublicationBannerView? publication, bool all = false) => new(
        unit, month, picker, publication, results.IsRestricted(unit.Code), IndicatorTablesView.Of(snapshot, results, unit, month, all),
        ConditionFollowUpView.Of(results, unit.Code, unit.Name, month),
        results.Months.Contains(month.Plus(-1)) ? month.Plus(-1) : null, results.Months.Contains(month.Plus(1)) ? month.Plus(1) : null,
        UnitFamily.PartsOf(snapshot, unit.Code).Count > 0 ? UnitFamily.PartsName(unit.Code) : null, PageFooter.Of(snapshot))
    {
        MayExplain = Access.Scopes.MayExplain(snapshot.Viewer, unit.Code, snapshot.Offices),
        MayEnterManual = Access.Scopes.MayEnterManual(snapshot.Viewer, unit.Code, snapshot.Offices),
        MayChooseIndicators = Access.Scopes.MayChooseIndicators(snapshot.Viewer, unit.Code, snapshot.Offices),
        MayDefineIndicators = Access.Scopes.MayDefineIndicators(snapshot.Viewer),
    };

    /// <summary>Whether the viewer may define own indicators by formula (<c>/egne-indikatorer</c>).</summary>
    public bool MayDefineIndicators { get; init; }

    /// <summary>Whether the viewer may choose the unit's indicators, their order and headings (<c>/indikatorvalg</c>).</summary>
    public bool MayChooseIndicators { get; init; }

    /// <summary>Whether the viewer may type the unit's numbers for months without captured data (<c>/manuelt</c>).</summary>
    public bool MayEnterManual { get; init; }

    /// <summary>Whether the viewer may open who was counted (Explain/): the office's own users, for its municipalities and districts.</summary>
    public bool MayExplain { get; init; }
}
