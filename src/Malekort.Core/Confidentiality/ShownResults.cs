using System.Collections.Frozen;
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
        return For(results, viewer, scope, new DisclosurePlan(results, units, offices, scope));
    }

    /// <summary>With a plan already made for the viewer's scope.</summary>
    internal static ShownResults For(IndicatorResults results, Viewer viewer, ViewerScope scope, DisclosurePlan plan) =>
        new(results, viewer, scope, plan);

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
        return DisclosurePlan.HasCountDenominator(definition);
    }

    /// <summary>One value as the viewer may see it.</summary>
    public IndicatorValue Get(UnitCode unit, Month month, string indicator)
    {
        var value = results.Get(unit, month, indicator);
        return plan is null ? value : plan.Shown(unit, month, indicator, value);
    }
}

/// <summary>Which cells a viewer may not see: the primary rule, then complementary suppression.</summary>
internal sealed class DisclosurePlan
{
    private const int Numerator = 0;
    private const int Denominator = 1;

    // SSB population is published (spec "Population"), so a share's population denominator is never hidden.
    private static readonly FrozenSet<string> PopulationDenominators = IndicatorCatalog.PopulationDenominators;

    // A share of a population whose numerator is another indicator's count (B.101–B.103 of BL151–BL153) shows the same
    // number: they are hidden together. Read from the declarations (IndicatorDefinition.Rule).
    private static readonly (string Share, string Count)[] SameNumerator =
    [
        .. from share in IndicatorCatalog.All
           where share.Rule.Per.Kind == PerKind.Population
           from count in IndicatorCatalog.All
           where count.Rule.Per.Kind == PerKind.One && count.Rule.Counts == share.Rule.Counts
           select (share.Code, count.Code),
    ];

    // Shares whose denominator is BL151's counter (recipients in M) over the units whose numerator is captured.
    private static readonly string[] RecipientDenominators =
        [.. IndicatorCatalog.All.Where(d => d.Rule.Per is { Kind: PerKind.Counter, Counts: Counter.BL151 }).Select(d => d.Code)];

    private readonly IndicatorResults results;
    private readonly UnitRegister register;
    private readonly IReadOnlyList<UnitCode> units;
    private readonly Dictionary<UnitCode, int> unitIndex;
    private readonly bool[] own;
    // Per unit index: its values. Complementary suppression reads cells by index many times over.
    private readonly ReadOnlyMemory<IndicatorValue>[] unitValues;
    private readonly int monthCount;
    private readonly int indicatorCount = IndicatorCatalog.All.Count;
    private readonly Dictionary<int, int> parent = [];
    private readonly HashSet<int> hidden = [];

    public DisclosurePlan(IndicatorResults results, UnitRegister register, OfficeRegister offices, ViewerScope scope)
    {
        this.results = results;
        this.register = register;
        units = results.Units;
        unitIndex = units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        unitValues = units.Select(results.ValuesOf).ToArray();
        monthCount = results.Months.Count;
        own = units.Select(scope.SeesInFull).ToArray();

        LinkSameNumbers();
        HideSmallCounts();
        ComplementarySuppression.Apply(Relations(offices), hidden, ValueOfGroup, CanHide);
    }

    public IndicatorValue Shown(UnitCode unit, Month month, string indicator, IndicatorValue value)
    {
        if (!unitIndex.TryGetValue(unit, out var u) || own[u] || !results.Months.Contains(month)) return value;
        var definition = IndicatorCatalog.Get(indicator);
        var t = month - results.Months.First;
        var i = IndicatorCatalog.IndexOf(indicator);
        var numeratorHidden = value.Numerator is not null && hidden.Contains(Find(Cell(u, t, i, Numerator)));
        var denominatorHidden = HasCountDenominator(definition) && value.Denominator is not null
            && hidden.Contains(Find(Cell(u, t, i, Denominator)));
        if (!numeratorHidden && !denominatorHidden) return value;
        // A value is hidden with either part: from a shown value and a shown part the hidden part follows.
        return value with
        {
            Numerator = numeratorHidden ? null : value.Numerator,
            Denominator = denominatorHidden ? null : value.Denominator,
            Value = null,
            Notes = value.Notes | ValueNotes.Suppressed,
        };
    }

    /// <summary>Whether a share's denominator counts persons or cases (and so is hidden like a count).</summary>
    internal static bool HasCountDenominator(IndicatorDefinition definition) =>
        definition.Kind != ValueKind.Count && !PopulationDenominators.Contains(definition.Code);

    /// <summary>PL151's numerator is a sum of days, not a count; it is hidden with its number of cases.</summary>
    private static bool IsCountNumerator(IndicatorDefinition definition) => definition.Kind != ValueKind.Mean;

    private int Cell(int unit, int month, int indicator, int part) => checked(((unit * monthCount + month) * indicatorCount + indicator) * 2 + part);

    private (int Unit, int Month, int Indicator, int Part) Decode(int cell)
    {
        var part = cell % 2;
        cell /= 2;
        var indicator = cell % indicatorCount;
        cell /= indicatorCount;
        return (cell / monthCount, cell % monthCount, indicator, part);
    }

    private long? ValueOf(int cell)
    {
        var (u, t, i, part) = Decode(cell);
        var value = unitValues[u].Span[IndicatorResults.Slot(t, i)];
        return part == Numerator ? value.Numerator : value.Denominator;
    }

    private int Find(int cell)
    {
        while (parent.TryGetValue(cell, out var up)) cell = up;
        return cell;
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb) return;
        // The smaller cell becomes the root. Every group's smallest cell is a count's numerator (BL151 before B.101 and
        // B.104 and V.102, KVP.AVSLUTTET before the situations) except PL151's, whose days come first; see ValueOfGroup.
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
    }

    private long ValueOfGroup(int root)
    {
        var (u, t, i, _) = Decode(root);
        var definition = IndicatorCatalog.All[i];
        // A group of PL151 is ranked by its number of cases, not its days.
        var cell = IsCountNumerator(definition) ? root : Cell(u, t, i, Denominator);
        return ValueOf(cell) ?? 0;
    }

    private bool CanHide(int root) => !own[Decode(root).Unit];

    private void LinkSameNumbers()
    {
        var bl151 = IndicatorCatalog.IndexOf("BL151");
        var pl151 = IndicatorCatalog.IndexOf("PL151");
        var ended = IndicatorCatalog.IndexOf("KVP.AVSLUTTET");
        var situations = KvpSituation.All.Select(s => IndicatorCatalog.IndexOf(KvpSituation.IndicatorPrefix + s.Code)).ToArray();
        var sameNumerator = SameNumerator.Select(p => (IndicatorCatalog.IndexOf(p.Share), IndicatorCatalog.IndexOf(p.Count))).ToArray();
        for (var u = 0; u < units.Count; u++)
        {
            foreach (var (month, t) in Months())
            {
                foreach (var (share, count) in sameNumerator) Union(Cell(u, t, share, Numerator), Cell(u, t, count, Numerator));
                Union(Cell(u, t, pl151, Numerator), Cell(u, t, pl151, Denominator));
                foreach (var s in situations) Union(Cell(u, t, s, Denominator), Cell(u, t, ended, Numerator));
                // B.104's and V.102's denominator is BL151 over the units with family or condition data; the same number when
                // they are the same units.
                var recipients = results.Get(units[u], month, "BL151");
                foreach (var code in RecipientDenominators)
                {
                    var share = results.Get(units[u], month, code);
                    if (share.Denominator is not null && share.UnitsIncluded == recipients.UnitsIncluded && share.Denominator == recipients.Numerator)
                        Union(Cell(u, t, IndicatorCatalog.IndexOf(code), Denominator), Cell(u, t, bl151, Numerator));
                }
            }
        }
    }

    /// <summary>
    /// The primary rule. What an aggregate protects is its other offices' persons: the viewer's own units, which it sees
    /// anyway, are taken off first, so a county whose only small count is the viewer's own is not hidden.
    /// </summary>
    private void HideSmallCounts()
    {
        var ownParts = units.Select((unit, u) => own[u] ? [] : OwnPartsOf(unit)).ToArray();
        for (var u = 0; u < units.Count; u++)
        {
            if (own[u]) continue;
            foreach (var (month, t) in Months())
            {
                for (var i = 0; i < indicatorCount; i++)
                {
                    var definition = IndicatorCatalog.All[i];
                    var value = results.Get(units[u], month, definition.Code);
                    if (IsCountNumerator(definition) && SmallCounts.MustSuppress(value.Numerator - OwnSum(ownParts[u], month, definition, Numerator)))
                        hidden.Add(Find(Cell(u, t, i, Numerator)));
                    if (HasCountDenominator(definition) && SmallCounts.MustSuppress(value.Denominator - OwnSum(ownParts[u], month, definition, Denominator)))
                        hidden.Add(Find(Cell(u, t, i, Denominator)));
                }
            }
        }
    }

    private long OwnSum(UnitCode[] ownParts, Month month, IndicatorDefinition definition, int part)
    {
        long sum = 0;
        foreach (var unit in ownParts)
        {
            var value = results.Get(unit, month, definition.Code);
            sum += (part == Numerator ? value.Numerator : value.Denominator) ?? 0;
        }
        return sum;
    }

    /// <summary>The viewer's own municipalities and districts whose numbers are summed into an aggregate (Aggregation).</summary>
    private UnitCode[] OwnPartsOf(UnitCode aggregate)
    {
        var oslo = UnitCode.Parse("0301");
        // Districts are summed only into an Oslo without data of its own; else Oslo itself is the part.
        var osloFromDistricts = unitIndex.ContainsKey(oslo) && results.Get(oslo, results.Months.First, "BL151").UnitsTotal > 1;
        bool SummedInto(UnitCode part) => aggregate.Kind switch
        {
            UnitKind.Country => true,
            UnitKind.County => part.County == aggregate,
            UnitKind.Municipality => part.Kind == UnitKind.District && part.Municipality == aggregate,
            _ => false,
        };
        return units.Where((unit, u) => own[u] && unit.IsCaptureUnit && SummedInto(unit)
                && (unit.Kind == UnitKind.Municipality ? !(unit == oslo && osloFromDistricts) : osloFromDistricts))
            .ToArray();
    }

    private IEnumerable<(Month Month, int Index)> Months() => results.Months.Months().Select((m, t) => (m, t));

    private List<AdditiveRelation> Relations(OfficeRegister offices)
    {
        // Aggregates and their parts (Aggregation): offices, Oslo from its districts, counties, the country.
        var aggregates = new List<(UnitCode Total, UnitCode[] Parts)>();
        foreach (var office in offices.Offices) aggregates.Add((office.Code, [.. office.Units]));
        var municipalities = register.Municipalities.Select(m => m.Code).ToList();
        foreach (var county in register.Counties) aggregates.Add((county.Code, [.. municipalities.Where(m => m.County == county.Code)]));
        aggregates.Add((UnitCode.Country, [.. register.Counties.Select(c => c.Code)]));
        var oslo = UnitCode.Parse("0301");
        var osloDistricts = register.DistrictsOf(oslo).Select(d => d.Code).ToArray();

        var relations = new List<AdditiveRelation>();
        foreach (var (month, t) in Months())
        {
            for (var i = 0; i < indicatorCount; i++)
            {
                var definition = IndicatorCatalog.All[i];
                // These show the same numbers as BL151–BL153 and KVP.AVSLUTTET, whose relations already cover them.
                if (SameNumerator.Any(p => p.Share == definition.Code)) continue;
                var parts = HasCountDenominator(definition) ? new[] { Numerator, Denominator } : [Numerator];
                foreach (var part in parts)
                {
                    foreach (var (total, members) in aggregates) AddRelation(relations, total, members, t, i, part);
                    // Oslo is the sum of its districts only when it has no data of its own (UnitsTotal says which).
                    if (unitIndex.ContainsKey(oslo) && results.Get(oslo, month, definition.Code).UnitsTotal > 1)
                        AddRelation(relations, oslo, osloDistricts, t, i, part);
                }
            }
            AddUnitRelations(relations, t);
        }
        return relations;
    }

    private void AddRelation(List<AdditiveRelation> relations, UnitCode total, UnitCode[] members, int t, int i, int part)
    {
        if (!unitIndex.TryGetValue(total, out var totalIndex)) return;
        var totalCell = Cell(totalIndex, t, i, part);
        if (ValueOf(totalCell) is null) return;
        var parts = new List<int>();
        foreach (var member in members)
        {
            if (!unitIndex.TryGetValue(member, out var m)) continue;
            var cell = Cell(m, t, i, part);
            if (ValueOf(cell) is not null) parts.Add(Find(cell));
        }
        if (parts.Count > 0) relations.Add(new AdditiveRelation(Find(totalCell), parts));
    }

    // Within one unit: KVP ended and the situations after it; stock flow across two months.
    private void AddUnitRelations(List<AdditiveRelation> relations, int t)
    {
        var ended = IndicatorCatalog.IndexOf("KVP.AVSLUTTET");
        var situations = KvpSituation.All.Select(s => IndicatorCatalog.IndexOf(KvpSituation.IndicatorPrefix + s.Code)).ToArray();
        var bl151 = IndicatorCatalog.IndexOf("BL151");
        var inflow = IndicatorCatalog.IndexOf("FLYT.TILGANG");
        var outflow = IndicatorCatalog.IndexOf("FLYT.AVGANG");
        for (var u = 0; u < units.Count; u++)
        {
            var total = Cell(u, t, ended, Numerator);
            if (ValueOf(total) is not null)
            {
                var parts = situations.Select(s => Cell(u, t, s, Numerator)).Where(c => ValueOf(c) is not null).Select(Find).ToList();
                if (parts.Count > 0) relations.Add(new AdditiveRelation(Find(total), parts));
            }
            if (t == 0) continue;
            // Recipients(M) = recipients(M-1) + inflow(M) − outflow(M): any one follows from the other three.
            int[] flow = [Cell(u, t, bl151, Numerator), Cell(u, t - 1, bl151, Numerator), Cell(u, t, inflow, Numerator), Cell(u, t, outflow, Numerator)];
            if (flow.All(c => ValueOf(c) is not null)) relations.Add(new AdditiveRelation(Find(flow[0]), [.. flow.Skip(1).Select(Find)]));
        }
    }
}
