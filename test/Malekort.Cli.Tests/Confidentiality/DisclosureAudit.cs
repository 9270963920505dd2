using System.Globalization;
using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Cli.Confidentiality;

/// <summary>
/// A reader outside: takes what <see cref="Malekort.Confidentiality.ShownResults"/> shows one viewer and tries to work out
/// what it hides, with relations built here from the rules themselves (not from the product's list), and reports every
/// hidden count it recovers exactly or to within an interval narrower than the protection (3).
/// </summary>
/// <remarks>
/// <para>Two attacks: every relation and nested pair alone (a hidden cell that is the only unknown, or hidden cells worth less
/// than 3 together), and relations chained (a cell worked out in one is known in the others).</para>
/// <para>The reader knows its own units' counts, so it knows each cell's own part (an aggregate's own units, a remainder's
/// own whole less own subset) and subtracts it: what it may not learn is the others' part. A relation is a rule about
/// persons, so it holds for the own persons and the others' apart; one the own part breaks (KVP ended 1 with 2 situations)
/// adds up, where it does, only by chance, and the reader cannot know where without the hidden numbers: it is not used. A
/// hidden cell worked out whose others' part is 0 is all the reader's own and gives nothing away; widths are of the others'
/// parts.</para>
/// </remarks>
internal sealed class DisclosureAudit
{
    private const long Protection = 3;

    // The reader's nested pairs, written from the definitions in docs/indicators.md.
    private static readonly (string Whole, bool WholeDenominator, string Subset, bool SubsetDenominator)[] NestedPairs =
    [
        ("BL151", false, "BL153", false),
        ("BL151", false, "BL166", false),
        ("BL152", false, "BL154", false),
        ("BL152", false, "BL174", false),
        ("B51", false, "B.151", false),
        ("B.104", true, "B.104", false),
        ("B10", true, "B10", false),
        ("V.101", true, "V.101", false),
        ("V.102", true, "V.102", false),
        ("BL151", false, "V.101", true),
        ("V.101", true, "V.103", false),
        ("KOBLET.ARBEIDSSOKER", true, "KOBLET.ARBEIDSSOKER", false),
        ("KOBLET.OPPFOLGING", true, "KOBLET.OPPFOLGING", false),
        ("KOBLET.ARBEIDSSOKER", false, "KOBLET.OPPFOLGING", false),
        ("B10", true, "KOBLET.ARBEIDSSOKER", false),
        ("B10", false, "KOBLET.OPPFOLGING", false),
        .. KvpSituation.All.Select(s => ("KVP.AVSLUTTET", false, KvpSituation.IndicatorPrefix + s.Code, false)),
    ];

    // Numbers that are the same number as another: shown only together.
    private static readonly (string A, bool ADenominator, string B, bool BDenominator)[] SameNumbers =
    [
        ("B.101", false, "BL151", false),
        ("B.102", false, "BL152", false),
        ("B.103", false, "BL153", false),
        ("PL151", false, "PL151", true),
        .. KvpSituation.All.Select(s => (KvpSituation.IndicatorPrefix + s.Code, true, "KVP.AVSLUTTET", false)),
    ];

    private readonly IndicatorResults truth;
    private readonly Malekort.Confidentiality.ShownResults shown;
    private readonly Malekort.Confidentiality.ViewerScope scope;
    private readonly List<(string Indicator, bool Denominator)> columns;
    private readonly Dictionary<(string, bool), int> columnIndex;
    private readonly IReadOnlyList<UnitCode> units;
    private readonly int months;
    private readonly List<long> value = [];
    private readonly List<bool> known = [];
    private readonly List<bool> hidden = [];
    private readonly List<bool> sensitive = [];
    private readonly List<long> ownPart = [];
    private readonly List<string> names = [];
    private readonly Dictionary<(int Unit, int Month, int Column), int> cells = [];
    private readonly List<(int Total, int[] Parts)> relations = [];
    private readonly List<(int Unit, int Month, int Column)> cellKeys = [];
    private readonly List<Periods.Month> monthList;

    public DisclosureAudit(IndicatorResults truth, Malekort.Confidentiality.ShownResults shown, OfficeRegister offices)
    {
        this.truth = truth;
        this.shown = shown;
        scope = shown.Viewer.Scope(UnitRegister.Default, offices);
        units = truth.Units;
        months = truth.Months.Count;
        monthList = [.. truth.Months.Months()];
        // Every count of persons or cases shown: counts, shares' numerators and counted denominators; not the numbers that
        // are another's (SameNumbers), nor PL151's days.
        columns = [];
        foreach (var d in IndicatorCatalog.All)
        {
            var sameAsAnother = SameNumbers.Any(s => s.A == d.Code && !s.ADenominator);
            if (!sameAsAnother) columns.Add((d.Code, false));
            if (d.Kind != ValueKind.Count && d.Code is not ("B.101" or "B.102" or "B.103") && !SameNumbers.Any(s => s.A == d.Code && s.ADenominator))
                columns.Add((d.Code, true));
        }
        columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        BuildCells();
        BuildRelations(offices);
    }

    /// <summary>Relations of the aggregation whose numbers did not add up (none expected: checks this audit).</summary>
    public List<string> BrokenSums { get; } = [];

    /// <summary>Nested pairs whose subset was larger than the whole (none expected: checks the pairs).</summary>
    public List<string> BrokenNesting { get; } = [];

    /// <summary>How many cells are hidden, and how many of them the primary rule hid.</summary>
    public (int Hidden, int Sensitive) Counts => (hidden.Count(h => h), hidden.Where((h, i) => h && sensitive[i]).Count());

    /// <summary>The number of relations the reader uses.</summary>
    public int RelationCount => relations.Count;

    /// <summary>The relations that add up but not for the viewer's own part, so the reader cannot use them.</summary>
    public int BrokenByOwnPart { get; private set; }

    /// <summary>Shown numbers that give away hidden ones directly: a ratio shown with a hidden part, a same number shown.</summary>
    public List<string> Leaks()
    {
        var leaks = new List<string>();
        foreach (var unit in units)
        {
            foreach (var month in truth.Months.Months())
            {
                foreach (var d in IndicatorCatalog.All)
                {
                    var v = shown.Get(unit, month, d.Code);
                    var partHidden = (v.Numerator is null && truth.Get(unit, month, d.Code).Numerator is not null)
                        || (v.Denominator is null && truth.Get(unit, month, d.Code).Denominator is not null);
                    if (partHidden && v.Value is not null) leaks.Add($"{unit} {month} {d.Code}: verdien vises med en skjult del");
                    if (partHidden != v.Notes.HasFlag(ValueNotes.Suppressed)) leaks.Add($"{unit} {month} {d.Code}: merket skjult={v.Notes.HasFlag(ValueNotes.Suppressed)}, skjult del={partHidden}");
                }
                foreach (var (a, aDenominator, b, bDenominator) in SameNumbers)
                {
                    if (IsHidden(unit, month, a, aDenominator) != IsHidden(unit, month, b, bDenominator))
                        leaks.Add($"{unit} {month}: {a} og {b} er samme tall, men bare det ene er skjult");
                }
            }
        }
        return leaks;
    }

    /// <summary>The brief's search: every relation and nested pair alone.</summary>
    public List<string> RecoveredFromOneRelation()
    {
        var findings = new List<string>();
        foreach (var (total, parts) in relations)
        {
            var unknown = parts.Prepend(total).Where(c => !known[c]).ToList();
            if (unknown.Count == 1)
            {
                var x = unknown[0];
                if (GivesAway(x)) findings.Add($"{Describe(x)} = {value[x]} følger av {Relation(total, parts)}");
                continue;
            }
            if (unknown.Count < 2 || !known[total]) continue;
            var worth = unknown.Sum(Other);
            if (worth < Protection && unknown.Any(c => sensitive[c]))
                findings.Add($"{string.Join(" + ", unknown.Select(Describe))}: de andres del {worth} (under {Protection}) i {Relation(total, parts)}");
        }
        return findings;
    }

    /// <summary>
    /// Relations chained: a cell that one relation pins is worked out and known from then on, in every relation (an office
    /// total from its county, then a unit from the office), until nothing more follows; then the sums again. Every hidden
    /// cell worked out, and every small count left in too narrow an interval, is a finding.
    /// </summary>
    public List<string> RecoveredThroughChains()
    {
        var knownNow = known.ToArray();
        var byCell = new List<int>[value.Count];
        var unknownCount = new int[relations.Count];
        var queue = new Queue<int>();
        for (var r = 0; r < relations.Count; r++)
        {
            foreach (var c in relations[r].Parts.Prepend(relations[r].Total)) (byCell[c] ??= []).Add(r);
            unknownCount[r] = relations[r].Parts.Prepend(relations[r].Total).Count(c => !knownNow[c]);
            if (unknownCount[r] == 1) queue.Enqueue(r);
        }
        var findings = new List<string>();
        while (queue.TryDequeue(out var r))
        {
            var (total, parts) = relations[r];
            if (unknownCount[r] != 1) continue;
            var x = parts.Prepend(total).First(c => !knownNow[c]);
            knownNow[x] = true;
            if (GivesAway(x)) findings.Add($"{Describe(x)} = {value[x]} følger av {Relation(total, parts)}");
            foreach (var other in byCell[x]) if (--unknownCount[other] == 1) queue.Enqueue(other);
        }
        foreach (var (total, parts) in relations)
        {
            var unknown = parts.Where(c => !knownNow[c]).ToList();
            if (!knownNow[total] || unknown.Count < 2) continue;
            var worth = unknown.Sum(Other);
            if (worth < Protection && unknown.Any(c => sensitive[c]))
                findings.Add($"{string.Join(" + ", unknown.Select(Describe))}: de andres del {worth} (under {Protection}) i {Relation(total, parts)}");
        }
        return findings;
    }

    /// <summary>
    /// Every relation at once, as bounds (issue 10 item 4): each unknown cell's others' part starts at [0, ∞), and each
    /// relation (total = Σ parts) narrows its cells from the others' bounds, again and again until nothing changes. Sound
    /// (every value consistent with what is shown lies within the bounds) but weaker than a linear program over the whole
    /// table, which can combine relations more tightly. Pinned: every hidden cell pinned exactly, and every cell outside its
    /// own bounds (the audit is wrong); narrow: every small count left in an interval narrower than 3.
    /// </summary>
    public (List<string> Pinned, List<string> Narrow) NarrowedByBounds()
    {
        const long Unbounded = long.MaxValue / 4;
        var n = value.Count;
        var (low, high) = (new long[n], new long[n]);
        for (var c = 0; c < n; c++) (low[c], high[c]) = known[c] ? (Other(c), Other(c)) : (0, Unbounded);
        var byCell = new List<int>[n];
        for (var r = 0; r < relations.Count; r++)
        {
            foreach (var c in relations[r].Parts.Prepend(relations[r].Total)) (byCell[c] ??= []).Add(r);
        }
        var queued = new bool[relations.Count];
        var queue = new Queue<int>(Enumerable.Range(0, relations.Count));
        Array.Fill(queued, true);
        var changed = new List<int>();
        while (queue.TryDequeue(out var r))
        {
            queued[r] = false;
            var (total, parts) = relations[r];
            changed.Clear();
            // The parts' bounds summed, counting the unbounded ones apart so "all but one" stays exact.
            long sumLow = 0, sumHigh = 0;
            var unboundedParts = 0;
            foreach (var p in parts)
            {
                sumLow += low[p];
                if (high[p] >= Unbounded) unboundedParts++;
                else sumHigh += high[p];
            }
            Narrow(total, sumLow, unboundedParts > 0 ? Unbounded : sumHigh);
            foreach (var p in parts)
            {
                var othersUnbounded = unboundedParts - (high[p] >= Unbounded ? 1 : 0) > 0;
                var othersHigh = othersUnbounded ? Unbounded : sumHigh - (high[p] >= Unbounded ? 0 : high[p]);
                Narrow(p, othersUnbounded ? 0 : low[total] - othersHigh, high[total] >= Unbounded ? Unbounded : high[total] - (sumLow - low[p]));
            }
            foreach (var c in changed)
            {
                foreach (var other in byCell[c])
                {
                    if (queued[other]) continue;
                    queued[other] = true;
                    queue.Enqueue(other);
                }
            }
        }
        var (pinned, narrow) = (new List<string>(), new List<string>());
        for (var c = 0; c < n; c++)
        {
            if (known[c]) continue;
            if (low[c] > Other(c) || high[c] < Other(c)) pinned.Add($"{Describe(c)}: de andres del {Other(c)} ligger utenfor grensene [{low[c]}, {high[c]}]: revisjonen er feil");
            else if (GivesAway(c) && low[c] == high[c]) pinned.Add($"{Describe(c)} = {value[c]} følger av grensene");
            else if (sensitive[c] && high[c] - low[c] < Protection) narrow.Add($"{Describe(c)}: de andres del {Other(c)} ligger i [{low[c]}, {high[c]}] (under {Protection} bredt)");
        }
        return (pinned, narrow);

        void Narrow(int cell, long atLeast, long atMost)
        {
            var moved = false;
            if (atLeast > low[cell])
            {
                low[cell] = atLeast;
                moved = true;
            }
            if (atMost < high[cell])
            {
                high[cell] = atMost;
                moved = true;
            }
            if (moved) changed.Add(cell);
        }
    }

    /// <summary>The others' part of a cell: what the reader does not know of it.</summary>
    private long Other(int cell) => value[cell] - ownPart[cell];

    /// <summary>Whether working the cell out tells the reader something about persons outside its own units.</summary>
    private bool GivesAway(int cell) => (hidden[cell] || sensitive[cell]) && Other(cell) > 0;

    private bool IsHidden(UnitCode unit, Periods.Month month, string indicator, bool denominator)
    {
        var (t, s) = (truth.Get(unit, month, indicator), shown.Get(unit, month, indicator));
        return denominator ? t.Denominator is not null && s.Denominator is null : t.Numerator is not null && s.Numerator is null;
    }

    private void BuildCells()
    {
        var allMonths = truth.Months.Months().ToList();
        for (var u = 0; u < units.Count; u++)
        {
            var own = scope.SeesInFull(units[u]);
            for (var t = 0; t < months; t++)
            {
                for (var k = 0; k < columns.Count; k++)
                {
                    var (indicator, denominator) = columns[k];
                    var (full, seen) = (truth.Get(units[u], allMonths[t], indicator), shown.Get(units[u], allMonths[t], indicator));
                    var number = denominator ? full.Denominator : full.Numerator;
                    if (number is not { } n) continue;
                    var isHidden = (denominator ? seen.Denominator : seen.Numerator) is null;
                    Add((u, t, k), n, known: !isHidden, isHidden, $"{units[u]} {allMonths[t]} {indicator}{(denominator ? " nevner" : "")}");
                }
            }
        }
    }

    private int Add((int, int, int) key, long number, bool known, bool isHidden, string name)
    {
        var index = value.Count;
        value.Add(number);
        this.known.Add(known);
        hidden.Add(isHidden);
        sensitive.Add(false);
        ownPart.Add(0);
        names.Add(name);
        cellKeys.Add(key);
        cells[key] = index;
        return index;
    }

    private int? Cell(int unit, int month, string indicator, bool denominator) =>
        month >= 0 && cells.TryGetValue((unit, month, columnIndex[(indicator, denominator)]), out var c) ? c : null;

    private void BuildRelations(OfficeRegister offices)
    {
        var index = units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        int[] Present(IEnumerable<UnitCode> codes) => [.. codes.Where(index.ContainsKey).Select(c => index[c])];
        var register = UnitRegister.Default;
        var oslo = UnitCode.Parse("0301");
        var osloFromDistricts = index.ContainsKey(oslo) && truth.Get(oslo, truth.Months.First, "BL151").UnitsTotal > 1;
        var sums = new List<(UnitCode Total, int[] Members)>();
        var officeSums = offices.Offices.Where(o => index.ContainsKey(o.Code)).Select(o => (o.Code, Present(o.Units))).ToList();
        sums.AddRange(officeSums);
        if (osloFromDistricts) sums.Add((oslo, Present(register.DistrictsOf(oslo).Select(d => d.Code))));
        foreach (var county in register.Counties.Where(c => index.ContainsKey(c.Code)))
            sums.Add((county.Code, Present(register.Municipalities.Where(m => m.Code.County == county.Code).Select(m => m.Code))));
        if (index.ContainsKey(UnitCode.Country))
        {
            sums.Add((UnitCode.Country, Present(register.Municipalities.Select(m => m.Code))));
            sums.Add((UnitCode.Country, Present(register.Counties.Select(c => c.Code))));
        }
        // An aggregate is also the sum of the offices wholly within it and its other members.
        foreach (var (total, members) in sums.Where(s => s.Total.Kind is UnitKind.County or UnitKind.Municipality).ToList())
        {
            var set = members.ToHashSet();
            var within = officeSums.Where(o => o.Item2.Length > 0 && o.Item2.All(set.Contains)).ToList();
            if (!within.Any(o => o.Item2.Length > 1)) continue;
            var covered = within.SelectMany(o => o.Item2).ToHashSet();
            sums.Add((total, [.. within.Select(o => index[o.Code]), .. members.Where(m => !covered.Contains(m))]));
        }

        var allMonths = truth.Months.Months().ToList();
        for (var t = 0; t < months; t++)
        {
            foreach (var (indicator, denominator) in columns)
            {
                foreach (var (total, members) in sums)
                {
                    if (Cell(index[total], t, indicator, denominator) is not { } totalCell) continue;
                    // An aggregate sums the units whose numerator was captured, their denominators with them.
                    var parts = members.Where(m => truth.Get(units[m], allMonths[t], indicator).Numerator is not null)
                        .Select(m => Cell(m, t, indicator, denominator)).OfType<int>().ToArray();
                    if (parts.Sum(p => value[p]) == value[totalCell]) relations.Add((totalCell, parts));
                    else BrokenSums.Add($"{names[totalCell]} = {value[totalCell]}, men delene gir {parts.Sum(p => value[p])}");
                }
            }
        }
        var ownOf = OwnParts(sums, index);
        for (var c = 0; c < value.Count; c++)
        {
            var (u, _, _) = cellKeys[c];
            ownPart[c] = ownOf[c];
            sensitive[c] = !scope.SeesInFull(units[u]) && value[c] - ownOf[c] is > 0 and < Protection;
        }
        for (var u = 0; u < units.Count; u++)
        {
            var own = scope.SeesInFull(units[u]);
            for (var t = 0; t < months; t++)
            {
                foreach (var (whole, wholeDenominator, subset, subsetDenominator) in NestedPairs)
                {
                    if (Cell(u, t, whole, wholeDenominator) is not { } w || Cell(u, t, subset, subsetDenominator) is not { } s) continue;
                    Nested(u, t, w, s, $"{names[w]} − {names[s]}", own, ownOf);
                }
                // Stock flow: recipients(M) − inflow(M) and recipients(M−1) − outflow(M) are both the recipients of both months.
                if (Cell(u, t, "BL151", false) is { } now && Cell(u, t, "FLYT.TILGANG", false) is { } inflow)
                {
                    var stayers = Nested(u, t, now, inflow, $"{units[u]} {allMonths[t]} mottakere begge måneder", own, ownOf);
                    if (stayers is { } both && Cell(u, t - 1, "BL151", false) is { } before && Cell(u, t, "FLYT.AVGANG", false) is { } outflow
                        && value[before] - value[outflow] == value[both])
                        relations.Add((before, [outflow, both]));
                }
                // The shares of BL151 have BL151 as denominator where they are equal over the same units.
                foreach (var share in new[] { "B.104", "V.102", "KOBLET.ARBEIDSSOKER", "KOBLET.OPPFOLGING" })
                {
                    if (Cell(u, t, share, true) is { } den && Cell(u, t, "BL151", false) is { } recipients && value[den] == value[recipients]
                        && truth.Get(units[u], allMonths[t], share).UnitsIncluded == truth.Get(units[u], allMonths[t], "BL151").UnitsIncluded)
                        relations.Add((recipients, [den]));
                }
                // KVP ended is the sum of the situations after it.
                if (Cell(u, t, "KVP.AVSLUTTET", false) is { } ended)
                {
                    var situations = KvpSituation.All.Select(s => Cell(u, t, KvpSituation.IndicatorPrefix + s.Code, false)).OfType<int>().ToArray();
                    if (situations.Length > 0 && situations.Sum(c => value[c]) == value[ended]) relations.Add((ended, situations));
                }
            }
        }
        BrokenByOwnPart = relations.RemoveAll(r => ownPart[r.Total] != r.Parts.Sum(p => ownPart[p]));
    }

    private int? Nested(int unit, int month, int whole, int subset, string name, bool own, long[] ownOf)
    {
        var remainder = value[whole] - value[subset];
        if (remainder < 0)
        {
            BrokenNesting.Add($"{name} = {remainder}");
            return null;
        }
        var cell = Add((unit, month, -1 - relations.Count), remainder, known: own, isHidden: false, name);
        var ownRemainder = ownOf[whole] - ownOf[subset];
        ownPart[cell] = ownRemainder;
        sensitive[cell] = !own && remainder - ownRemainder is > 0 and < Protection;
        relations.Add((whole, [subset, cell]));
        return cell;
    }

    /// <summary>Per cell, how much of it the viewer's own units make up (what an aggregate protects is the rest).</summary>
    private long[] OwnParts(List<(UnitCode Total, int[] Members)> sums, Dictionary<UnitCode, int> index)
    {
        var own = new long[value.Count];
        var captureUnits = scope.CaptureUnits;
        for (var c = 0; c < value.Count; c++)
        {
            var (u, t, k) = cellKeys[c];
            var unit = units[u];
            if (scope.SeesInFull(unit))
            {
                own[c] = value[c];
                continue;
            }
            if (unit.IsCaptureUnit && !(unit == UnitCode.Parse("0301") && truth.Get(unit, truth.Months.First, "BL151").UnitsTotal > 1)) continue;
            long sum = 0;
            foreach (var capture in captureUnits)
            {
                if (!index.TryGetValue(capture, out var m) || !Contains(unit, capture)) continue;
                if (truth.Get(capture, monthList[t], columns[k].Indicator).Numerator is null) continue;
                if (cells.TryGetValue((m, t, k), out var part)) sum += value[part];
            }
            own[c] = sum;
        }
        return own;

        bool Contains(UnitCode aggregate, UnitCode capture) => aggregate.Kind switch
        {
            UnitKind.Country => capture.Kind == UnitKind.Municipality || !captureUnits.Contains(capture.Municipality),
            UnitKind.County => capture.County == aggregate && (capture.Kind == UnitKind.Municipality || !captureUnits.Contains(capture.Municipality)),
            UnitKind.Municipality => capture.Kind == UnitKind.District && capture.Municipality == aggregate,
            _ => sums.Any(s => s.Total == aggregate && s.Members.Contains(index[capture])),
        };
    }

    private string Describe(int cell) => names[cell] + (hidden[cell] ? " (skjult)" : known[cell] ? "" : " (ikke publisert)");

    private string Relation(int total, int[] parts) =>
        string.Create(CultureInfo.InvariantCulture, $"{names[total]} = {string.Join(" + ", parts.Select(p => names[p]))}");
}
