namespace Malekort.Confidentiality;

/// <summary>
/// The incremental <see cref="ComplementarySuppression"/> (issue 14) keeps what earlier months settled; it must hide exactly
/// what the plain run from month 0 hides (<see cref="PlainComplementarySuppression"/>), on tables shaped like the national
/// one: municipalities in counties in a country, a count with a narrower count inside it and an unpublished remainder, and a
/// stock flow (last month's count = outflow + those in both months = this month's count − inflow) tying the months.
/// </summary>
public sealed class IncrementalSuppressionTests
{
    // Per unit and month: the count, a narrower count, the remainder, inflow, outflow, those in both months.
    private const int Count = 0, Narrower = 1, Remainder = 2, Inflow = 3, Outflow = 4, Both = 5, Columns = 6;

    [Theory]
    [InlineData(3, 2, 3)]
    [InlineData(6, 3, 3)]
    [InlineData(8, 3, 4)]
    [InlineData(12, 2, 4)]
    public void The_incremental_run_hides_the_same_cells_as_the_plain_run_from_month_zero(int months, int counties, int municipalities)
    {
        var suppressed = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var table = Generate(new Random(seed * 1000 + months), months, counties, municipalities);
            var plain = PlainComplementarySuppression.Run(table);
            var incremental = ComplementarySuppression.Run(table);
            Assert.True(plain.Hidden.SequenceEqual(incremental.Hidden), $"Frø {seed}: skjulte celler er ulike.");
            Assert.Equal(plain.Unprotected, incremental.Unprotected);
            Assert.Equal(plain.Work, incremental.Work);
            suppressed += plain.Work.Secondary;
        }
        // The tables are small-count heavy, so the comparison covers many cells hidden to protect others.
        Assert.True(suppressed > 100, $"Bare {suppressed} celler skjult for å beskytte andre.");
    }

    private static SuppressionTable Generate(Random random, int months, int counties, int municipalities)
    {
        var units = 1 + counties + counties * municipalities;
        var perMonth = units * Columns;
        var stageStart = Enumerable.Range(0, months + 1).Select(t => t * perMonth).ToArray();
        var values = new long[stageStart[^1]];
        int Cell(int month, int unit, int column) => (month * units + unit) * Columns + column;
        IEnumerable<int> MunicipalitiesOf(int county) => Enumerable.Range(0, municipalities).Select(m => 1 + counties + county * municipalities + m);

        for (var t = 0; t < months; t++)
        {
            foreach (var u in Enumerable.Range(1 + counties, counties * municipalities))
            {
                var before = t == 0 ? random.Next(0, 6) : values[Cell(t - 1, u, Count)];
                var both = random.Next(0, (int)before + 1);
                var inflow = random.Next(0, 4);
                var count = inflow + both;
                var narrower = random.Next(0, (int)count + 1);
                (values[Cell(t, u, Count)], values[Cell(t, u, Narrower)], values[Cell(t, u, Remainder)]) = (count, narrower, count - narrower);
                (values[Cell(t, u, Inflow)], values[Cell(t, u, Outflow)], values[Cell(t, u, Both)]) = (inflow, before - both, both);
            }
            for (var k = 0; k < Columns; k++)
            {
                for (var c = 0; c < counties; c++) values[Cell(t, 1 + c, k)] = MunicipalitiesOf(c).Sum(m => values[Cell(t, m, k)]);
                values[Cell(t, 0, k)] = Enumerable.Range(1, counties).Sum(c => values[Cell(t, c, k)]);
            }
        }

        var graph = new RelationGraph(stageStart);
        for (var t = 0; t < months; t++)
        {
            for (var k = 0; k < Columns; k++)
            {
                for (var c = 0; c < counties; c++) graph.Add(Cell(t, 1 + c, k), [.. MunicipalitiesOf(c).Select(m => Cell(t, m, k))]);
                graph.Add(Cell(t, 0, k), [.. Enumerable.Range(1, counties).Select(c => Cell(t, c, k))]);
            }
            for (var u = 0; u < units; u++)
            {
                graph.Add(Cell(t, u, Count), [Cell(t, u, Narrower), Cell(t, u, Remainder)]);
                graph.Add(Cell(t, u, Count), [Cell(t, u, Inflow), Cell(t, u, Both)]);
                if (t > 0) graph.Add(Cell(t - 1, u, Count), [Cell(t, u, Outflow), Cell(t, u, Both)]);
            }
        }
        graph.Seal();

        // The viewer's own: a municipality or two, seen in full; the remainders and those in both months are never published.
        var own = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(1 + counties, units)).ToHashSet();
        var states = new CellState[values.Length];
        var sensitive = new bool[values.Length];
        for (var cell = 0; cell < values.Length; cell++)
        {
            var (unit, column) = (cell / Columns % units, cell % Columns);
            states[cell] = own.Contains(unit) ? CellState.Known : column is Remainder or Both ? CellState.Unpublished : CellState.Hideable;
            sensitive[cell] = states[cell] != CellState.Known && SmallCounts.MustSuppress(values[cell]);
        }
        // A few relations the viewer cannot use (DisclosurePlan.Unusable).
        var unusable = Enumerable.Range(0, graph.RelationCount).Select(_ => random.Next(20) == 0).ToArray();
        return new SuppressionTable(graph, values, states, sensitive) { Unusable = unusable };
    }
}
