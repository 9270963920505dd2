using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;

namespace Malekort.Indicators;

/// <summary>From counts to values: each indicator's declared counters (<see cref="IndicatorRule"/>), and when a month is captured for it.</summary>
internal sealed partial class UnitComputation
{
    // The declarations resolved once: per month the engine reads each indicator's rule from an array, never by its code.
    private static readonly IndicatorDefinition[] Definitions = [.. IndicatorCatalog.All];

    private IndicatorValue[] Values(Counts counts)
    {
        var all = Definitions;
        var result = new IndicatorValue[months.Count * all.Length];
        for (var m = 0; m < months.Count; m++)
        {
            var i = m + Lead;
            var month = Month.FromIndex(baseMonth + i);
            var (sanctions, sanctionsNote) = Sanctions(i, month);
            var covered = sanctions ? DataParts.Sanctions : DataParts.None;
            for (var p = 0; p < (int)Part.Sanctions; p++)
                if (Covered((Part)p, i)) covered |= (DataParts)(1 << p);
            var familyNote = (covered & DataParts.Family) != 0 && MonthBits.IsSet(approximateFamily, i) ? ValueNotes.ApproximateFamily : ValueNotes.None;
            var adults = population.For(unit.Unit, month.Year, AgeGroup.Aged18To66, out var olderAdults);
            var young = population.For(unit.Unit, month.Year, AgeGroup.Aged18To24, out var olderYoung);

            for (var d = 0; d < all.Length; d++)
            {
                var definition = all[d];
                if (!definition.AppliesIn(month))
                {
                    result[m * all.Length + d] = IndicatorValue.NotCaptured(definition, notes: ValueNotes.NotInForce);
                    continue;
                }
                var rule = definition.Rule;
                var (captured, notes) = Captured(rule, covered, i);
                if ((rule.Needs & DataParts.Family) != 0) notes |= familyNote;
                if ((rule.Needs & DataParts.Sanctions) != 0) notes |= sanctionsNote;
                var per = rule.Per;
                var adultsPer = per.Group == AgeGroup.Aged18To66;
                long? denominator = per.Kind switch
                {
                    PerKind.One => 1,
                    PerKind.Population => adultsPer ? adults : young,
                    _ => (covered & per.Needs) == per.Needs ? counts.Of(per.Counts)[i] : null,
                };
                if (per.Kind == PerKind.Population && (adultsPer ? olderAdults : olderYoung)) notes |= ValueNotes.OlderPopulation;
                result[m * all.Length + d] = IndicatorValue.Of(definition, captured ? counts.Of(rule.Counts)[i] : null, denominator, notes);
            }
        }
        return result;
    }

    /// <summary>
    /// Whether the rule's numerator is captured in month <paramref name="i"/>: every part it needs is. A rule that looks back
    /// is computed only when every month it looks at is captured (spec "Not computed is not zero"): long-term over window(M),
    /// B10's follow-ups over M-2 … M, inflow and outflow over M-1 … M.
    /// </summary>
    private (bool Captured, ValueNotes Notes) Captured(IndicatorRule rule, DataParts covered, int i)
    {
        if ((covered & rule.Needs) != rule.Needs) return (false, ValueNotes.None);
        if (rule.LookBackMonths <= 1) return (true, ValueNotes.None);
        var part = (Part)System.Numerics.BitOperations.TrailingZeroCount((int)rule.LookBackPart);
        for (var back = 1; back < rule.LookBackMonths; back++)
            if (!Covered(part, i - back)) return (false, ValueNotes.ShortHistory);
        return (true, ValueNotes.None);
    }

    /// <summary>The follow-up's counts of the months asked for; a group is captured where its V indicator is.</summary>
    private long?[] FollowUpValues(long[] tallies)
    {
        var slots = ConditionFollowUp.Slots;
        var result = new long?[months.Count * slots];
        for (var m = 0; m < months.Count; m++)
        {
            var i = m + Lead;
            var conditions = Covered(Part.Payments, i) && Covered(Part.Conditions, i);
            var exemptions = conditions && Covered(Part.Exemptions, i);
            var sanctions = Sanctions(i, Month.FromIndex(baseMonth + i)).Captured;
            foreach (var line in ConditionFollowUp.Lines)
            {
                var captured = line.Group switch
                {
                    FollowUpGroup.ExemptionGrounds => exemptions,
                    FollowUpGroup.SanctionKinds => sanctions,
                    _ => conditions,
                };
                if (captured) result[m * slots + line.Slot] = tallies[i * slots + line.Slot];
            }
        }
        return result;
    }

    /// <summary>
    /// V.104 in month <paramref name="i"/>: captured where a batch with sanctions is the truth for the month. A batch that
    /// knows its sanctions only by year (KOSTRA) says nothing about a month: its count is the year's, shown on December and
    /// marked so (spec "Conditions and the activity duty").
    /// </summary>
    private (bool Captured, ValueNotes Note) Sanctions(int i, Month month)
    {
        var batch = authority[(int)Part.Sanctions][i];
        if (batch < 0) return (false, ValueNotes.None);
        if (!unit.Batches[batch].Has(CaptureDomains.YearlySanctions)) return (true, ValueNotes.None);
        return (month.Number == 12, ValueNotes.YearlyCount);
    }

    /// <summary>
    /// The one place a person counter meets its rule: the count (<see cref="CountPersons"/>) and the explanation of a count
    /// (<see cref="Explain"/>) both ask this, so who is explained as counted is who was counted.
    /// </summary>
    private static ulong Evaluate(Counter counter, in PersonMonths facts) => counter switch
    {
        Counter.BL151 => IndicatorRules.BL151(facts),
        Counter.BL152 => IndicatorRules.BL152(facts),
        Counter.BL153 => IndicatorRules.BL153(facts),
        Counter.BL154 => IndicatorRules.BL154(facts),
        Counter.BL166 => IndicatorRules.BL166(facts),
        Counter.BL174 => IndicatorRules.BL174(facts),
        Counter.B51 => IndicatorRules.B51(facts),
        Counter.B104 => IndicatorRules.B104(facts),
        Counter.B151 => IndicatorRules.B151(facts),
        Counter.B10 => IndicatorRules.B10(facts),
        Counter.B10Denominator => IndicatorRules.B10Denominator(facts),
        Counter.Inflow => IndicatorRules.Inflow(facts),
        Counter.Outflow => IndicatorRules.Outflow(facts),
        Counter.V101 => IndicatorRules.V101(facts),
        Counter.V101Denominator => IndicatorRules.V101Denominator(facts),
        Counter.V102 => IndicatorRules.V102(facts),
        Counter.V103 => IndicatorRules.V103(facts),
        Counter.V104 => IndicatorRules.V104(facts),
        Counter.LinkedJobseeker => IndicatorRules.LinkedJobseeker(facts),
        Counter.LinkedFollowedUp => IndicatorRules.LinkedFollowedUp(facts),
        Counter.BL152Consecutive => IndicatorRules.BL152Consecutive(facts),
        _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "Telleren teller ikke personer."),
    };

    /// <summary>
    /// Counters per month. Person counts are added 64 months at a time into bit-sliced counters (plane k holds bit k of each
    /// month's count: a carry-save add per person word, whatever the number of months set) and settled into numbers once.
    /// </summary>
    private sealed class Counts(int span)
    {
        private const int Planes = 32;

        private readonly int words = MonthBits.Words(span);
        private readonly long[][] counters =
            Enumerable.Range(0, Counters.Count).Select(_ => new long[MonthBits.Words(span) * 64]).ToArray();
        // All person counters' planes in one array: counter c, word w, plane k at (c * words + w) * Planes + k.
        private readonly ulong[] planes = new ulong[Counters.PersonCounters * MonthBits.Words(span) * Planes];

        public long[] Of(Counter counter) => counters[(int)counter];

        public void Add(Counter counter, int word, ulong bits)
        {
            if (bits == 0) return;
            // The hottest loop of a recompute: a carry-save ripple without bounds checks (the offset is in range by construction).
            ref var plane = ref System.Runtime.CompilerServices.Unsafe.Add(
                ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(planes), ((int)counter * words + word) * Planes);
            for (var k = 0; k < Planes; k++)
            {
                var carry = plane & bits;
                plane ^= bits;
                if (carry == 0) return;
                bits = carry;
                plane = ref System.Runtime.CompilerServices.Unsafe.Add(ref plane, 1);
            }
            throw new OverflowException("En telling passer ikke i 32 bit.");
        }

        /// <summary>Turns the bit-sliced person counts into numbers; call once, after the last <see cref="Add"/>.</summary>
        public void Settle()
        {
            for (var c = 0; c < Counters.PersonCounters; c++)
            {
                var target = counters[c];
                for (var w = 0; w < words; w++)
                {
                    for (var k = 0; k < Planes; k++)
                    {
                        var plane = planes[(c * words + w) * Planes + k];
                        while (plane != 0)
                        {
                            var bit = System.Numerics.BitOperations.TrailingZeroCount(plane);
                            target[(w << 6) + bit] += 1L << k;
                            plane &= plane - 1;
                        }
                    }
                }
            }
        }
    }
}
