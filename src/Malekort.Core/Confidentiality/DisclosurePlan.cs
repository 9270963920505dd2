using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// Which numbers one viewer scope may not see (spec "Values, aggregation and display", Confidentiality): outside its own
/// units, counts of 1–2 (the primary rule), then what <see cref="ComplementarySuppression"/> hides to protect them.
/// </summary>
/// <remarks>
/// <para>What a cell protects is its other units' persons: the viewer knows its own units' counts, so it knows each cell's own
/// part (an aggregate's own units, a remainder's own whole less own subset) and can take it off. The suppression therefore
/// works on each cell's others' part: a county whose only small count is the viewer's own is not hidden, a protection
/// interval is measured in others' persons, and a cell whose others' part is 0 gives nothing away when worked out.</para>
/// <para>A relation is a rule about persons (each person counted in a part is counted in the total), so where it is one it
/// holds for the viewer's own persons and the others' apart. One that adds up but not for the viewer's own part (KVP ended
/// 1 with 2 situations after it, a person with two) adds up elsewhere only by chance, and whether it does depends on the
/// hidden numbers themselves: the viewer cannot use it, so it is left out for that viewer (docs/decisions.md).</para>
/// </remarks>
internal sealed class DisclosurePlan
{
    private readonly DisclosureModel model;
    private readonly bool[] own;
    // What serving needs of the suppression, one bit per cell: the plan is kept per scope as long as the results are.
    private readonly System.Collections.BitArray hidden;
    private readonly Month first;

    public DisclosurePlan(DisclosureModel model, ViewerScope scope)
    {
        this.model = model;
        own = model.Units.Select(scope.SeesInFull).ToArray();
        first = model.FirstMonth;
        var table = BuildTable();
        var run = ComplementarySuppression.Run(table);
        hidden = new System.Collections.BitArray(run.Hidden);
        Unprotected = run.Unprotected;
    }

    /// <summary>How many relations the suppression gave up because nothing was left to hide in them.</summary>
    public int Unprotected { get; }

    public IndicatorValue Shown(UnitCode unit, Month month, string indicator, IndicatorValue value)
    {
        if (model.IndexOf(unit) is not { } u || own[u] || month < first || month - first >= model.Months) return value;
        var t = month - first;
        var i = IndicatorCatalog.IndexOf(indicator);
        var numeratorHidden = value.Numerator is not null && IsHidden(u, t, model.ColumnOf(i, ValuePart.Numerator));
        var denominatorHidden = value.Denominator is not null && IsHidden(u, t, model.ColumnOf(i, ValuePart.Denominator));
        return SmallCounts.Hide(value, numeratorHidden, denominatorHidden);
    }

    private bool IsHidden(int unit, int month, int column) => column >= 0 && hidden[model.Cell(unit, month, column)];

    private SuppressionTable BuildTable()
    {
        var values = model.Values;
        var known = OwnKnown();
        var states = new CellState[values.Length];
        var sensitive = new bool[values.Length];
        var others = new long[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] == DisclosureModel.Absent || own[model.UnitOf(c)])
            {
                states[c] = CellState.Known;
                continue;
            }
            states[c] = model.ColumnOf(c) < model.PublishedColumns ? CellState.Hideable : CellState.Unpublished;
            others[c] = values[c] - known[c];
            sensitive[c] = SmallCounts.MustSuppress(others[c]);
        }
        return new SuppressionTable(model.Graph, others, states, sensitive) { Unusable = Unusable(known, others) };
    }

    /// <summary>
    /// The relations that add up but not for the viewer's own part (so not for the others' either), and those with a cell
    /// whose others' part is negative (a nesting the own persons break): no rule the viewer can use.
    /// </summary>
    private bool[] Unusable(long[] known, long[] others)
    {
        var graph = model.Graph;
        var values = model.Values;
        var unusable = new bool[graph.RelationCount];
        for (var r = 0; r < graph.RelationCount; r++)
        {
            var total = graph.RelationCells[graph.RelationStart[r]];
            long ownSum = 0;
            var negative = others[total] < 0;
            for (var i = graph.RelationStart[r] + 1; i < graph.RelationStart[r + 1]; i++)
            {
                var part = graph.RelationCells[i];
                ownSum += OwnPart(part);
                negative |= others[part] < 0;
            }
            unusable[r] = negative || ownSum != OwnPart(total);
        }
        foreach (var c in Enumerable.Range(0, others.Length).Where(c => others[c] < 0)) others[c] = 0;
        return unusable;

        // A cell of the viewer's own units is all its own; any other, the own units within it.
        long OwnPart(int cell) => own[model.UnitOf(cell)] ? values[cell] : known[cell];
    }

    /// <summary>Per cell, how much of it the viewer's own units make up.</summary>
    private long[] OwnKnown()
    {
        var values = model.Values;
        var known = new long[values.Length];
        var (units, columns) = (model.Units.Count, model.PublishedColumns);
        for (var t = 0; t < model.Months; t++)
        {
            for (var u = 0; u < units; u++)
            {
                if (!own[u]) continue;
                for (var k = 0; k < columns; k++)
                {
                    var cell = model.Cell(u, t, k);
                    if (values[cell] != DisclosureModel.Absent) known[cell] = values[cell];
                }
            }
            foreach (var (total, members) in model.Aggregates)
            {
                if (own[total]) continue;
                for (var k = 0; k < columns; k++)
                {
                    long sum = 0;
                    foreach (var m in members)
                    {
                        var cell = model.Cell(m, t, k);
                        if (model.IsSummed(cell)) sum += known[cell];
                    }
                    known[model.Cell(total, t, k)] = sum;
                }
            }
            for (var u = 0; u < units; u++)
            {
                for (var k = columns; k < model.Columns; k++)
                {
                    var cell = model.Cell(u, t, k);
                    if (own[u]) known[cell] = Math.Max(0, values[cell]);
                    else if (model.RemainderParts(cell) is { } parts) known[cell] = known[parts.Whole] - known[parts.Subset];
                }
            }
        }
        return known;
    }
}
