using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// The engine's last step for own indicators (issue 11 item 6): each formula over every unit's national values, the aggregates'
/// included, so an office's own share is the sum of its units' numerators over the sum of their denominators, as a national share
/// is (<c>docs/decisions.md</c>, «Egne indikatorer»). A value is computed only where every count it reads is; it carries the
/// notes of what it read (incomplete sums, older population, typed values).
/// </summary>
internal static class FormulaValues
{
    // What a formula's value inherits from its inputs; suppression is the viewer's business and added later (ShownResults).
    private const ValueNotes Carried = ValueNotes.OlderPopulation | ValueNotes.ShortHistory | ValueNotes.ApproximateFamily
        | ValueNotes.PartialCoverage | ValueNotes.YearlyCount | ValueNotes.Manual | ValueNotes.ManualReplaced;

    private const ValueNotes EmptyReasons = ValueNotes.ShortHistory | ValueNotes.YearlyCount;

    public static Dictionary<UnitCode, IndicatorValue[]> Compute(Dictionary<UnitCode, IndicatorValue[]> values, MonthRange months,
        IReadOnlyList<IndicatorDefinition> own)
    {
        var result = new Dictionary<UnitCode, IndicatorValue[]>();
        if (own.Count == 0) return result;
        var columns = own.Select(d => d.Formula!.Inputs.Select(i => (IndicatorCatalog.IndexOf(i.Indicator), i.Part)).ToArray()).ToArray();
        var longest = columns.Max(c => c.Length);
        foreach (var (unit, unitValues) in values)
        {
            var computed = new IndicatorValue[months.Count * own.Count];
            var inputs = new long?[longest];
            for (var m = 0; m < months.Count; m++)
            {
                for (var d = 0; d < own.Count; d++)
                {
                    var definition = own[d];
                    if (!definition.AppliesIn(months.First.Plus(m)))
                    {
                        // A national version added in the browser, before its first month: empty, saying why, as a declared one is.
                        computed[m * own.Count + d] = IndicatorValue.NotCaptured(definition, notes: ValueNotes.NotInForce);
                        continue;
                    }
                    var notes = ValueNotes.None;
                    var (included, total) = (int.MaxValue, 1);
                    for (var i = 0; i < columns[d].Length; i++)
                    {
                        var (column, part) = columns[d][i];
                        ref readonly var v = ref unitValues[IndicatorResults.Slot(m, column)];
                        inputs[i] = v.Notes.HasFlag(ValueNotes.NotInForce) ? null : part == ValuePart.Numerator ? v.Numerator : v.Denominator;
                        notes |= v.Notes & Carried;
                        if (v.IsCaptured) included = Math.Min(included, v.UnitsIncluded);
                        total = v.UnitsTotal;
                    }
                    computed[m * own.Count + d] = Value(definition, inputs.AsSpan(0, columns[d].Length), notes, included, total);
                }
            }
            result[unit] = computed;
        }
        return result;
    }

    private static IndicatorValue Value(IndicatorDefinition definition, ReadOnlySpan<long?> inputs, ValueNotes notes, int included, int total)
    {
        var formula = definition.Formula!;
        long? numerator, denominator;
        try
        {
            numerator = formula.Numerator(inputs);
            denominator = formula.Denominator(inputs);
        }
        catch (OverflowException)
        {
            // A product of counts too large for 64 bits has no meaningful value: not computed, never a wrapped number.
            return IndicatorValue.NotCaptured(definition, total, notes & EmptyReasons);
        }
        if (numerator is null) return IndicatorValue.NotCaptured(definition, total, notes & EmptyReasons);
        return IndicatorValue.Of(definition, numerator, denominator, notes & ~ValueNotes.ShortHistory,
            included == int.MaxValue ? 1 : included, total);
    }
}
