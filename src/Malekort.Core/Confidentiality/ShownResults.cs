using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// Indicator results as a viewer may see them (spec "Values, aggregation and display", Confidentiality). The local
/// operator's full rights see everything; any other viewer sees its own units in full (<see cref="ViewerScope"/>) and
/// every other unit and aggregate with small counts suppressed: the hidden parts are null and the value carries
/// <see cref="ValueNotes.Suppressed"/>, so no hidden number leaves this type.
/// </summary>
public sealed class ShownResults
{
    private readonly IndicatorResults results;
    private readonly ViewerScope? scope;
    private readonly DisclosurePlan? plan;

    private ShownResults(IndicatorResults results, Viewer viewer, ViewerScope? scope, DisclosurePlan? plan)
    {
        this.results = results;
        this.scope = scope;
        this.plan = plan;
        Viewer = viewer;
        Notes = scope is null ? results.Notes : results.Notes.Where(n => scope.SeesInFull(n.Unit)).ToList();
    }

    /// <summary>Everything shown: the local operator's full rights.</summary>
    public static ShownResults Unrestricted(IndicatorResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new ShownResults(results, Viewer.Operator, null, null);
    }

    /// <summary>The results as <paramref name="viewer"/> may see them; <see cref="ShownResultsCache"/> keeps them per scope.</summary>
    public static ShownResults For(IndicatorResults results, Viewer viewer, UnitRegister units, OfficeRegister offices)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.HasFullRights) return Unrestricted(results);
        var scope = viewer.Scope(units, offices);
        return For(results, viewer, scope, new DisclosurePlan(new DisclosureModel(results, units, offices), scope));
    }

    /// <summary>With a plan already made for the viewer's scope.</summary>
    internal static ShownResults For(IndicatorResults results, Viewer viewer, ViewerScope scope, DisclosurePlan plan) =>
        new(results, viewer, scope, plan);

    /// <summary>How many relations the suppression gave up because nothing was left to hide in them (0 for the operator);
    /// for measurements, since a cell a given-up relation pins may still be protected through another.</summary>
    public int Unprotected => plan?.Unprotected ?? 0;

    /// <summary>Who these results are shown to.</summary>
    public Viewer Viewer { get; }

    /// <summary>The months computed.</summary>
    public MonthRange Months => results.Months;

    /// <summary>The units with results, in report order.</summary>
    public IReadOnlyList<UnitCode> Units => results.Units;

    /// <summary>The computation notes the viewer may see: only those about units it sees in full.</summary>
    public IReadOnlyList<ComputationNote> Notes { get; }

    /// <summary>Whether the unit has results.</summary>
    public bool Has(UnitCode unit) => results.Has(unit);

    /// <summary>
    /// The conditions follow-up of a unit or office in a month (<see cref="IndicatorResults.FollowUp"/>): the office's own view,
    /// so only for a unit the viewer sees in full; empty otherwise.
    /// </summary>
    public ReadOnlySpan<long?> FollowUp(UnitCode unit, Month month) => IsRestricted(unit) ? [] : results.FollowUp(unit, month);

    /// <summary>Whether small counts of the unit are suppressed for this viewer.</summary>
    public bool IsRestricted(UnitCode unit) => scope is not null && !scope.SeesInFull(unit);

    /// <summary>
    /// Whether the indicator's denominator can be suppressed: it counts persons or cases. A count's denominator (1) and a
    /// population from SSB, which is published, never are.
    /// </summary>
    public static bool CanSuppressDenominator(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return CountRelations.CanHide(definition, ValuePart.Denominator);
    }

    /// <summary>One value as the viewer may see it.</summary>
    public IndicatorValue Get(UnitCode unit, Month month, string indicator)
    {
        var value = results.Get(unit, month, indicator);
        if (plan is null) return value;
        return IndicatorCatalog.Find(indicator) is null && results.Find(indicator)?.Formula is { } formula
            ? Shown(unit, month, formula, value)
            : plan.Shown(unit, month, indicator, value);
    }

    /// <summary>The own indicators computed with these results (issue 11 item 6); whom each is shown to is the page's business.</summary>
    public IReadOnlyList<IndicatorDefinition> OwnDefinitions => results.OwnDefinitions;

    /// <summary>The national or own indicator with this code, if any.</summary>
    public IndicatorDefinition? Find(string code) => results.Find(code);

    /// <summary>
    /// An own indicator's value as the viewer may see it: a side is hidden when any count it reads is hidden for this viewer, and
    /// the value with it (<c>docs/decisions.md</c>, «Egne indikatorer»). What is shown then follows from numbers the viewer sees
    /// anyway, so a formula never gives a hidden count away; its own small results need no rule of their own.
    /// </summary>
    private IndicatorValue Shown(UnitCode unit, Month month, IndicatorFormula formula, IndicatorValue value)
    {
        var numeratorHidden = value.Numerator is not null && formula.NumeratorInputs.Any(i => Hidden(unit, month, formula.Inputs[i]));
        var denominatorHidden = value.Denominator is not null && formula.DenominatorInputs.Any(i => Hidden(unit, month, formula.Inputs[i]));
        return SmallCounts.Hide(value, numeratorHidden, denominatorHidden);
    }

    private bool Hidden(UnitCode unit, Month month, CountOf count)
    {
        var shown = plan!.Shown(unit, month, count.Indicator, results.Get(unit, month, count.Indicator));
        return shown.Notes.HasFlag(ValueNotes.Suppressed) && (count.Part == ValuePart.Numerator ? shown.Numerator : shown.Denominator) is null;
    }
}
