using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// Which numbers one viewer scope may not see (spec "Values, aggregation and display", Confidentiality): outside its own
/// units, counts of 1–2 (the primary rule), then what <see cref="ComplementarySuppression"/> hides to protect them.
/// </summary>
/// <remarks>
/// What an aggregate protects is its other units' persons: the viewer's own units, which it sees anyway, are taken off
/// before the primary rule, so a county whose only small count is the viewer's own is not hidden.
/// </remarks>
internal sealed class DisclosurePlan
{
    private readonly DisclosureModel model;
    private readonly bool[] own;
    private readonly bool[] hidden;
    private readonly Month first;

    public DisclosurePlan(DisclosureModel model, ViewerScope scope)
    {
        this.model = model;
        own = model.Units.Select(scope.SeesInFull).ToArray();
        first = model.FirstMonth;
        var table = BuildTable();
        var run = ComplementarySuppression.Run(table);
        hidden = run.Hidden;
        Unprotected = run.Unprotected;
    }

    /// <summary>How many cells are left less protected than the rule asks, because everything around them is the viewer's own.</summary>
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
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] == DisclosureModel.Absent || own[model.UnitOf(c)])
            {
                states[c] = CellState.Known;
                continue;
            }
            states[c] = model.ColumnOf(c) < model.PublishedColumns ? CellState.Hideable : CellState.Unpublished;
            sensitive[c] = SmallCounts.MustSuppress(values[c] - known[c]);
        }
        return new SuppressionTable(model.Graph, values, states, sensitive);
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
