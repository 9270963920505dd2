using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// Every number of one computation that suppression decides about, and how they are tied, whoever looks: one cell per
/// unit, month and column (a count, a share's numerator or denominator, or an unpublished remainder of
/// <see cref="CountRelations.Nested"/>), and the relations between them. Built once per <see cref="IndicatorResults"/>.
/// </summary>
/// <remarks>
/// Relations are taken from the aggregation rules (an office is the sum of its units, Oslo of its districts when it has
/// no data of its own, a county and the country of their municipalities, the country of the counties, a county or Oslo
/// of the offices within it and the units no such office serves) and from <see cref="CountRelations"/>. A relation is
/// only kept where the numbers bear it out (an aggregate sums only the units whose numerator was captured, so a
/// remainder of counts captured for different units is no sum of the units' remainders).
/// </remarks>
internal sealed class DisclosureModel
{
    /// <summary>A cell without a value.</summary>
    public const long Absent = -1;

    private static readonly UnitCode Oslo = UnitCode.Parse("0301");

    private readonly IndicatorResults results;
    private readonly Dictionary<UnitCode, int> unitIndex;
    // Per indicator and part (indicator * 2 + part): its column, or -1 when the number is never hidden.
    private readonly int[] columnOf;
    // Per published column: the column whose cell must have a value for a unit to be summed (a denominator's numerator), or -1.
    private readonly int[] inclusion;
    // Per remainder column: the cells its value is the difference of, as month offsets and columns.
    private readonly (int WholeBack, int WholeColumn, int SubsetColumn)[] remainderOf;

    public DisclosureModel(IndicatorResults results, UnitRegister register, OfficeRegister offices)
    {
        this.results = results;
        Units = results.Units;
        unitIndex = Units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        Months = results.Months.Count;
        var indicators = IndicatorCatalog.All;

        // Columns: every number that can be hidden and is not another's follower, then the remainders.
        columnOf = new int[indicators.Count * 2];
        var columns = new List<(int Indicator, ValuePart Part)>();
        var followers = CountRelations.Same.Where(s => !s.WhenEqual).ToDictionary(s => Key(s.Follower), s => Key(s.Leader));
        for (var i = 0; i < indicators.Count; i++)
        {
            foreach (var part in new[] { ValuePart.Numerator, ValuePart.Denominator })
            {
                var key = i * 2 + (int)part;
                columnOf[key] = -1;
                if (!CountRelations.CanHide(indicators[i], part) || followers.ContainsKey(key)) continue;
                columnOf[key] = columns.Count;
                columns.Add((i, part));
            }
        }
        foreach (var (follower, leader) in followers) columnOf[follower] = columnOf[Resolve(leader, followers)];
        PublishedColumns = columns.Count;
        var remainders = CountRelations.Nested.Select(n => n.Remainder).Distinct().ToList();
        ColumnNames = [.. columns.Select(c => indicators[c.Indicator].Code + (c.Part == ValuePart.Denominator ? " nevner" : "")), .. remainders];
        Columns = PublishedColumns + remainders.Count;
        var remainderColumn = remainders.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => PublishedColumns + x.i);

        var stageStart = Enumerable.Range(0, Months + 1).Select(t => t * Units.Count * Columns).ToArray();
        Values = new long[stageStart[^1]];
        Array.Fill(Values, Absent);
        FillPublished(columns);
        FillRemainders(remainderColumn);

        Aggregates = AggregatesOf(register, offices);
        Graph = new RelationGraph(stageStart);
        inclusion = columns.Select(c => c.Part == ValuePart.Denominator ? columnOf[c.Indicator * 2] : -1).ToArray();
        remainderOf = remainders.Select(r => CountRelations.Nested.First(n => n.Remainder == r))
            .Select(n => (n.Whole.MonthsBack, ColumnOf(IndicatorCatalog.IndexOf(n.Whole.Indicator), n.Whole.Part),
                ColumnOf(IndicatorCatalog.IndexOf(n.Subset.Indicator), n.Subset.Part)))
            .ToArray();
        var sums = Aggregates.Concat(ImpliedSums(Aggregates)).ToList();
        for (var t = 0; t < Months; t++) AddRelations(t, sums, remainderColumn);
        Graph.Seal();
    }

    /// <summary>The units, in the results' order; a cell's unit is its index here.</summary>
    public IReadOnlyList<UnitCode> Units { get; }

    /// <summary>The first month; a cell's month is its offset from it.</summary>
    public Month FirstMonth => results.Months.First;

    /// <summary>The number of months.</summary>
    public int Months { get; }

    /// <summary>The number of columns: published numbers first, then the remainders.</summary>
    public int Columns { get; }

    /// <summary>The number of published columns; columns from here on are remainders, never published.</summary>
    public int PublishedColumns { get; }

    /// <summary>Each column's name, for messages: the indicator (and "nevner"), or what the remainder counts.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Each cell's value, or <see cref="Absent"/>.</summary>
    public long[] Values { get; }

    /// <summary>The relations between the cells.</summary>
    public RelationGraph Graph { get; }

    /// <summary>
    /// The aggregates and the capture units (or, for a county and the country, municipalities, Oslo counted once)
    /// summed into them, in an order where every aggregate comes after those it reads (Oslo before the counties).
    /// </summary>
    public IReadOnlyList<(int Total, int[] Members)> Aggregates { get; }

    /// <summary>The cell of a unit, month and column.</summary>
    public int Cell(int unit, int month, int column) => (month * Units.Count + unit) * Columns + column;

    /// <summary>The unit of a cell.</summary>
    public int UnitOf(int cell) => cell / Columns % Units.Count;

    /// <summary>A cell as a reader names it: unit, month, column.</summary>
    public string Describe(int cell) => $"{Units[UnitOf(cell)]} {FirstMonth.Plus(cell / Columns / Units.Count)} {ColumnNames[ColumnOf(cell)]}";

    /// <summary>The column of a cell.</summary>
    public int ColumnOf(int cell) => cell % Columns;

    /// <summary>Whether the cell's value is summed into the aggregates of its unit: it has one, and for a denominator
    /// the numerator was captured too (Aggregation).</summary>
    public bool IsSummed(int cell)
    {
        if (Values[cell] == Absent) return false;
        var column = ColumnOf(cell);
        return column >= PublishedColumns || inclusion[column] < 0 || Values[cell - column + inclusion[column]] != Absent;
    }

    /// <summary>The cells a remainder's value is the difference of (whole, subset); null when a month back is before the first.</summary>
    public (int Whole, int Subset)? RemainderParts(int cell)
    {
        var (column, unit, month) = (ColumnOf(cell), UnitOf(cell), cell / Columns / Units.Count);
        var (back, whole, subset) = remainderOf[column - PublishedColumns];
        return month < back ? null : (Cell(unit, month - back, whole), Cell(unit, month, subset));
    }

    /// <summary>The unit's index, if it has results.</summary>
    public int? IndexOf(UnitCode unit) => unitIndex.TryGetValue(unit, out var u) ? u : null;

    /// <summary>The column deciding about an indicator's part, or -1 when it is never hidden.</summary>
    public int ColumnOf(int indicator, ValuePart part) => columnOf[indicator * 2 + (int)part];

    private static int Key(CountOf count) => IndicatorCatalog.IndexOf(count.Indicator) * 2 + (int)count.Part;

    private static int Resolve(int key, Dictionary<int, int> followers)
    {
        while (followers.TryGetValue(key, out var leader)) key = leader;
        return key;
    }

    private void FillPublished(List<(int Indicator, ValuePart Part)> columns)
    {
        var perMonth = IndicatorCatalog.All.Count;
        for (var u = 0; u < Units.Count; u++)
        {
            var values = results.ValuesOf(Units[u]).Span;
            for (var t = 0; t < Months; t++)
            {
                for (var k = 0; k < columns.Count; k++)
                {
                    var (i, part) = columns[k];
                    var value = values[t * perMonth + i];
                    var number = part == ValuePart.Numerator ? value.Numerator : value.Denominator;
                    if (number is { } n) Values[Cell(u, t, k)] = n;
                }
            }
        }
    }

    /// <summary>A remainder is its first pair's whole less subset, where both were captured.</summary>
    private void FillRemainders(Dictionary<string, int> remainderColumn)
    {
        foreach (var (remainder, column) in remainderColumn)
        {
            var pair = CountRelations.Nested.First(n => n.Remainder == remainder);
            for (var u = 0; u < Units.Count; u++)
            {
                for (var t = pair.Whole.MonthsBack; t < Months; t++)
                {
                    var (whole, subset) = (ValueOf(u, t, pair.Whole), ValueOf(u, t, pair.Subset));
                    if (whole >= 0 && subset >= 0 && whole >= subset) Values[Cell(u, t, column)] = whole - subset;
                }
            }
        }
    }

    private long ValueOf(int unit, int month, CountOf count)
    {
        var column = ColumnOf(IndicatorCatalog.IndexOf(count.Indicator), count.Part);
        var t = month - count.MonthsBack;
        return column < 0 || t < 0 ? Absent : Values[Cell(unit, t, column)];
    }

    private int CellOf(int unit, int month, CountOf count) =>
        Cell(unit, month - count.MonthsBack, ColumnOf(IndicatorCatalog.IndexOf(count.Indicator), count.Part));

    private List<(int Total, int[] Members)> AggregatesOf(UnitRegister register, OfficeRegister offices)
    {
        var aggregates = new List<(int, int[])>();
        int[] Present(IEnumerable<UnitCode> codes) => codes.Select(IndexOf).OfType<int>().ToArray();
        // Oslo is the sum of its districts when it has no data of its own (Aggregation): it then counts them all.
        var osloDistricts = register.DistrictsOf(Oslo).Select(d => d.Code).ToList();
        if (IndexOf(Oslo) is { } oslo && results.Get(Oslo, results.Months.First, "BL151").UnitsTotal > 1)
            aggregates.Add((oslo, Present(osloDistricts)));
        foreach (var office in offices.Offices)
        {
            if (IndexOf(office.Code) is { } o) aggregates.Add((o, Present(office.Units)));
        }
        foreach (var county in register.Counties)
        {
            if (IndexOf(county.Code) is { } c) aggregates.Add((c, Present(register.Municipalities.Where(m => m.Code.County == county.Code).Select(m => m.Code))));
        }
        if (IndexOf(UnitCode.Country) is { } country) aggregates.Add((country, Present(register.Municipalities.Select(m => m.Code))));
        return aggregates.Where(a => a.Item2.Length > 0).ToList();
    }

    /// <summary>Relations that are not how an aggregate is computed but follow from it: a reader can use them too.</summary>
    private IEnumerable<(int Total, int[] Parts)> ImpliedSums(IReadOnlyList<(int Total, int[] Members)> aggregates)
    {
        var offices = aggregates.Where(a => Units[a.Total].Kind == UnitKind.Office).ToList();
        foreach (var (total, members) in aggregates)
        {
            var kind = Units[total].Kind;
            if (kind == UnitKind.Country)
            {
                // The country is the sum of the counties.
                var counties = aggregates.Where(a => Units[a.Total].Kind == UnitKind.County).Select(a => a.Total).ToArray();
                if (counties.Length > 0) yield return (total, counties);
                continue;
            }
            if (kind is not (UnitKind.County or UnitKind.Municipality)) continue;
            // A county (or Oslo) is the sum of the offices wholly within it and the units none of them serves; it adds
            // something only where an office serves two or more of its units.
            var set = members.ToHashSet();
            var within = offices.Where(o => o.Members.All(set.Contains)).ToList();
            if (!within.Any(o => o.Members.Length > 1)) continue;
            var covered = within.SelectMany(o => o.Members).ToHashSet();
            yield return (total, [.. within.Select(o => o.Total), .. members.Where(m => !covered.Contains(m))]);
        }
    }

    private void AddRelations(int t, List<(int Total, int[] Members)> sums, Dictionary<string, int> remainderColumn)
    {
        var parts = new List<int>();
        for (var k = 0; k < Columns; k++)
        {
            foreach (var (total, members) in sums)
            {
                var totalCell = Cell(total, t, k);
                if (Values[totalCell] == Absent) continue;
                parts.Clear();
                long sum = 0;
                foreach (var m in members)
                {
                    var cell = Cell(m, t, k);
                    if (!IsSummed(cell)) continue;
                    parts.Add(cell);
                    sum += Values[cell];
                }
                if (parts.Count > 0 && sum == Values[totalCell]) Graph.Add(totalCell, [.. parts]);
            }
        }
        for (var u = 0; u < Units.Count; u++)
        {
            foreach (var pair in CountRelations.Nested)
            {
                if (t < pair.Whole.MonthsBack) continue;
                var remainder = Cell(u, t, remainderColumn[pair.Remainder]);
                var (whole, subset) = (ValueOf(u, t, pair.Whole), ValueOf(u, t, pair.Subset));
                if (Values[remainder] == Absent || whole < 0 || subset < 0 || whole - subset != Values[remainder]) continue;
                Graph.Add(CellOf(u, t, pair.Whole), [CellOf(u, t, pair.Subset), remainder]);
            }
            foreach (var sum in CountRelations.Sums)
            {
                if (ValueOf(u, t, sum.Total) < 0) continue;
                parts.Clear();
                long total = 0;
                foreach (var part in sum.Parts)
                {
                    if (ValueOf(u, t, part) is not (>= 0 and var value)) continue;
                    parts.Add(CellOf(u, t, part));
                    total += value;
                }
                if (parts.Count > 0 && total == ValueOf(u, t, sum.Total)) Graph.Add(CellOf(u, t, sum.Total), [.. parts]);
            }
            foreach (var same in CountRelations.Same)
            {
                if (!same.WhenEqual) continue;
                var (leader, follower) = (ValueOf(u, t, same.Leader), ValueOf(u, t, same.Follower));
                if (leader >= 0 && leader == follower) Graph.Add(CellOf(u, t, same.Leader), [CellOf(u, t, same.Follower)]);
            }
        }
    }
}
