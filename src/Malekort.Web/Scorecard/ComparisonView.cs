using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Scorecard;

/// <summary>One unit's row in the comparison: its value and status, and the value's bar as a share of the largest.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Row">Its value of the indicator in the month.</param>
/// <param name="BarPercent">The bar's width in per cent of the column; null for no value.</param>
/// <param name="IsOwn">Whether it is the unit the user came from, highlighted.</param>
public sealed record ComparisonRow(UnitChoice Unit, IndicatorRow Row, double? BarPercent, bool IsOwn);

/// <summary>
/// One indicator for the units of one level, or of a saved comparison group, in one month (<c>/sammenlign</c>), sorted as chosen,
/// with the unit the user came from highlighted and its county and the country as reference lines above them; the user's saved
/// groups, and the form that saves one.
/// </summary>
public sealed record ComparisonView(IndicatorDefinition Definition, Month Month, IReadOnlyList<Month> Months, ComparisonLevel Level,
    ComparisonOrder Order, UnitCode? Own, IReadOnlyList<ComparisonRow> References, IReadOnlyList<ComparisonRow> Rows, string? CoverageLine,
    Selection Selection, PageFooter Footer, Storage.ComparisonGroup? Group, IReadOnlyList<Storage.ComparisonGroup> Groups, AntiforgeryTokenSet Form)
{
    /// <summary>The indicators to choose among: the national ones with their versions, then the viewer's own (issue 11 items 6 and 7).</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = IndicatorCatalog.All;

    /// <summary>What is compared: the group's name, or the level's.</summary>
    public string Compared => Group is { } group ? $"Gruppen «{group.Name}»" : LevelLabel;

    public string GroupLink(Storage.ComparisonGroup group) => Links.Group(group.Name, Definition, Month);

    public string MonthName => NorwegianFormat.Month(Month);

    public bool AnySuppressed => Rows.Concat(References).Any(r => r.Row.IsSuppressed);

    public string LevelLabel => ComparisonChoices.Levels.Single(l => l.Level == Level).Label;

    /// <summary>This comparison sorted otherwise: the column headings' links.</summary>
    public string SortedBy(ComparisonOrder order) => Selection.Link(Links.ComparisonPath,
        $"indikator={Uri.EscapeDataString(Definition.Code)}" +
        (Group is { } group ? $"&gruppe={Uri.EscapeDataString(group.Name)}" : $"&niva={ComparisonChoices.Word(Level)}") + $"&sorter={ComparisonChoices.Word(order)}");

    internal static ComparisonView Of(ScorecardSnapshot snapshot, ShownResults results, IndicatorDefinition definition, Month month,
        ComparisonLevel? level, ComparisonOrder order, Selection selection, Storage.ComparisonGroup? group, IReadOnlyList<Storage.ComparisonGroup> groups,
        AntiforgeryTokenSet form)
    {
        // The unit the user came from, else the viewer's own office or municipality.
        var own = selection.Unit ?? (snapshot.Viewer.Unit is { } viewerUnit && snapshot.Find(viewerUnit) is not null ? viewerUnit : null);
        var chosen = level ?? ComparisonChoices.LevelOf(own);
        ComparisonRow RowOf(UnitChoice unit) =>
            new(unit, ScorecardModel.Row(snapshot, results, unit.Code, month, definition, withTrend: false), null, unit.Code == own);

        // The county of the unit and the country stand above the others as reference lines, and only there.
        var references = new[] { own is { } o ? UnitFamily.CountyOf(snapshot, o) : null, UnitCode.Country }
            .OfType<UnitCode>()
            .Select(snapshot.Find)
            .OfType<UnitChoice>()
            .Select(RowOf)
            .ToList();
        var rows = (group is null
                ? snapshot.Units.Where(u => ComparisonChoices.Includes(chosen, u.Code.Kind) && !references.Any(r => r.Unit == u))
                : group.Units.Select(snapshot.Find).OfType<UnitChoice>())
            .Select(RowOf)
            // A value not computed for short history is listed, grey and without a bar, never left out as if there were no unit.
            .Where(r => r.Row.Value.IsCaptured || r.Row.IsSuppressed || r.Row.Value.Reason == NoValueReason.ShortHistory)
            .ToList();
        var largest = rows.Select(r => r.Row.Value.Value ?? 0).DefaultIfEmpty(0).Max();
        rows = Sorted(rows, order)
            .Select(r => r with { BarPercent = r.Row.Value.Value is { } v ? (largest > 0 ? Math.Max(0, v / largest * 100) : 0) : null })
            .ToList();

        return new(definition, month, snapshot.Months, chosen, order, own, references, rows,
            Coverage.ComparisonLine(results.Get(UnitCode.Country, month, definition.Code)), selection, PageFooter.Of(snapshot), group, groups, form)
        {
            Indicators = [.. snapshot.National, .. snapshot.OwnShown],
        };
    }

    private static readonly StringComparer Names = StringComparer.Create(NorwegianFormat.Culture, ignoreCase: true);

    private static IEnumerable<ComparisonRow> Sorted(IEnumerable<ComparisonRow> rows, ComparisonOrder order) => order switch
    {
        ComparisonOrder.HighestFirst => rows.OrderBy(r => r.Row.Value.Value is null).ThenByDescending(r => r.Row.Value.Value).ThenBy(r => r.Unit.Name, Names),
        ComparisonOrder.LowestFirst => rows.OrderBy(r => r.Row.Value.Value is null).ThenBy(r => r.Row.Value.Value).ThenBy(r => r.Unit.Name, Names),
        _ => rows.OrderBy(r => r.Unit.Name, Names).ThenBy(r => r.Unit.Code.Value, StringComparer.Ordinal),
    };
}
