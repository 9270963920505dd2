using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;

namespace Malekort.Indicators;

/// <summary>From counts to values: which counters make each indicator, and when a month is captured for it.</summary>
internal sealed partial class UnitComputation
{
    private IndicatorValue[] Values(Counts counts)
    {
        var all = IndicatorCatalog.All;
        var result = new IndicatorValue[months.Count * all.Count];
        for (var m = 0; m < months.Count; m++)
        {
            var i = m + Lead;
            var month = Month.FromIndex(baseMonth + i);
            var payments = Covered(Part.Payments, i);
            var livelihood = payments && Covered(Part.Livelihood, i);
            var family = Covered(Part.Family, i);
            var kvp = Covered(Part.Kvp, i);
            var jobseekers = Covered(Part.Jobseekers, i);
            var familyNote = family && MonthBits.IsSet(approximateFamily, i) ? ValueNotes.ApproximateFamily : ValueNotes.None;
            var adults = population.For(unit.Unit, month.Year, AgeGroup.Aged18To66, out var olderAdults);
            var young = population.For(unit.Unit, month.Year, AgeGroup.Aged18To24, out var olderYoung);
            var adultsNote = olderAdults ? ValueNotes.OlderPopulation : ValueNotes.None;
            var youngNote = olderYoung ? ValueNotes.OlderPopulation : ValueNotes.None;

            long? Count(Counter c, bool captured) => captured ? counts.Of(c)[i] : null;

            // A rule that looks back is computed only when every month it looks at is captured (spec "Not computed is not
            // zero"): long-term over window(M), B10's follow-ups over M-2 … M, inflow and outflow over M-1 … M.
            (bool Captured, ValueNotes Note) LookBack(bool captured, Part part, int lookedAt)
            {
                if (!captured) return (false, ValueNotes.None);
                for (var back = 1; back < lookedAt; back++)
                    if (!Covered(part, i - back)) return (false, ValueNotes.ShortHistory);
                return (true, ValueNotes.None);
            }
            var (longTermLivelihood, longTermLivelihoodNote) = LookBack(livelihood, Part.Payments, IndicatorRules.WindowMonths);
            var (longTerm, longTermNote) = LookBack(payments, Part.Payments, IndicatorRules.WindowMonths);
            var (longTermProvider, longTermProviderNote) = LookBack(livelihood && family, Part.Payments, IndicatorRules.WindowMonths);
            var (followedUp, followedUpNote) = LookBack(jobseekers && Covered(Part.Followups, i), Part.Followups, IndicatorRules.FollowupMonths);
            var (flow, flowNote) = LookBack(payments, Part.Payments, 2);
            var conditions = payments && Covered(Part.Conditions, i);
            var exemptions = conditions && Covered(Part.Exemptions, i);
            var (sanctions, sanctionsNote) = Sanctions(i, month);

            for (var d = 0; d < all.Count; d++)
            {
                var definition = all[d];
                result[m * all.Count + d] = Rules[d] switch
                {
                    Rule.BL151 => IndicatorValue.Of(definition, Count(Counter.BL151, payments), 1, ValueNotes.None),
                    Rule.BL152 => IndicatorValue.Of(definition, Count(Counter.BL152, longTermLivelihood), 1, longTermLivelihoodNote),
                    Rule.BL153 => IndicatorValue.Of(definition, Count(Counter.BL153, payments), 1, ValueNotes.None),
                    Rule.BL154 => IndicatorValue.Of(definition, Count(Counter.BL154, longTermLivelihood), 1, longTermLivelihoodNote),
                    Rule.BL166 => IndicatorValue.Of(definition, Count(Counter.BL166, longTerm), 1, longTermNote),
                    Rule.BL174 => IndicatorValue.Of(definition, Count(Counter.BL174, longTermProvider), 1, longTermProviderNote | familyNote),
                    Rule.PL151 => IndicatorValue.Of(definition, Count(Counter.PL151Days, Covered(Part.Cases, i)),
                        Count(Counter.PL151Cases, Covered(Part.Cases, i)), ValueNotes.None),
                    Rule.B51 => IndicatorValue.Of(definition, Count(Counter.B51, kvp), 1, ValueNotes.None),
                    Rule.B101 => IndicatorValue.Of(definition, Count(Counter.BL151, payments), adults, adultsNote),
                    Rule.B102 => IndicatorValue.Of(definition, Count(Counter.BL152, longTermLivelihood), adults, adultsNote | longTermLivelihoodNote),
                    Rule.B103 => IndicatorValue.Of(definition, Count(Counter.BL153, payments), young, youngNote),
                    Rule.B104 => IndicatorValue.Of(definition, Count(Counter.B104, payments && family), Count(Counter.BL151, payments), familyNote),
                    Rule.B151 => IndicatorValue.Of(definition, Count(Counter.B151, kvp), 1, ValueNotes.None),
                    Rule.B10 => IndicatorValue.Of(definition, Count(Counter.B10, followedUp), Count(Counter.B10Denominator, jobseekers), followedUpNote),
                    Rule.Inflow => IndicatorValue.Of(definition, Count(Counter.Inflow, flow), 1, flowNote),
                    Rule.Outflow => IndicatorValue.Of(definition, Count(Counter.Outflow, flow), 1, flowNote),
                    Rule.KvpRegistered => IndicatorValue.Of(definition, Count(Counter.KvpRegistered, kvp), 1, ValueNotes.None),
                    Rule.KvpDecided => IndicatorValue.Of(definition, Count(Counter.KvpDecided, kvp), 1, ValueNotes.None),
                    Rule.KvpStarted => IndicatorValue.Of(definition, Count(Counter.KvpStarted, kvp), 1, ValueNotes.None),
                    Rule.KvpEnded => IndicatorValue.Of(definition, Count(Counter.KvpEnded, kvp), 1, ValueNotes.None),
                    Rule.V101 => IndicatorValue.Of(definition, Count(Counter.V101, conditions), Count(Counter.V101Denominator, payments), ValueNotes.None),
                    Rule.V102 => IndicatorValue.Of(definition, Count(Counter.V102, conditions), Count(Counter.BL151, payments), ValueNotes.None),
                    Rule.V103 => IndicatorValue.Of(definition, Count(Counter.V103, exemptions), 1, ValueNotes.None),
                    Rule.V104 => sanctions
                        ? IndicatorValue.Of(definition, Count(Counter.V104, true), 1, sanctionsNote)
                        : IndicatorValue.NotCaptured(definition, notes: sanctionsNote),
                    // The linked indicators need both extracts for M; the follow-ups, like B10's, for M-2 … M too.
                    Rule.LinkedJobseeker => IndicatorValue.Of(definition, Count(Counter.LinkedJobseeker, payments && jobseekers),
                        Count(Counter.BL151, payments), ValueNotes.None),
                    Rule.LinkedFollowedUp => IndicatorValue.Of(definition, Count(Counter.LinkedFollowedUp, payments && followedUp),
                        Count(Counter.BL151, payments), followedUpNote),
                    _ => IndicatorValue.Of(definition, Count(Counter.KvpSituation0 + Situations[d], kvp), Count(Counter.KvpEnded, kvp), ValueNotes.None),
                };
            }
        }
        return result;
    }

    private enum Rule
    {
        BL151, BL152, BL153, BL154, BL166, BL174, PL151, B51, B101, B102, B103, B104, B151, B10,
        Inflow, Outflow, KvpRegistered, KvpDecided, KvpStarted, KvpEnded, KvpSituation, V101, V102, V103, V104,
        LinkedJobseeker, LinkedFollowedUp,
    }

    // The engine's rule for each catalogue entry, resolved once; an indicator without one fails at start-up, not mid-run.
    private static readonly Rule[] Rules = IndicatorCatalog.All.Select(d => d.Code switch
    {
        "BL151" => Rule.BL151, "BL152" => Rule.BL152, "BL153" => Rule.BL153, "BL154" => Rule.BL154, "BL166" => Rule.BL166,
        "BL174" => Rule.BL174, "PL151" => Rule.PL151, "B51" => Rule.B51, "B.101" => Rule.B101, "B.102" => Rule.B102,
        "B.103" => Rule.B103, "B.104" => Rule.B104, "B.151" => Rule.B151, "B10" => Rule.B10,
        "FLYT.TILGANG" => Rule.Inflow, "FLYT.AVGANG" => Rule.Outflow, "KVP.SOKNADER" => Rule.KvpRegistered,
        "KVP.VEDTAK" => Rule.KvpDecided, "KVP.STARTET" => Rule.KvpStarted, "KVP.AVSLUTTET" => Rule.KvpEnded,
        "V.101" => Rule.V101, "V.102" => Rule.V102, "V.103" => Rule.V103, "V.104" => Rule.V104,
        "KOBLET.ARBEIDSSOKER" => Rule.LinkedJobseeker, "KOBLET.OPPFOLGING" => Rule.LinkedFollowedUp,
        var code when code.StartsWith(KvpSituation.IndicatorPrefix, StringComparison.Ordinal) => Rule.KvpSituation,
        _ => throw new InvalidOperationException($"Indikatoren {d.Code} mangler regel i motoren."),
    }).ToArray();

    private static readonly int[] Situations = IndicatorCatalog.All
        .Select(d => d.Code.StartsWith(KvpSituation.IndicatorPrefix, StringComparison.Ordinal)
            ? KvpSituation.IndexOf(d.Code[KvpSituation.IndicatorPrefix.Length..]) : -1)
        .ToArray();

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

    private enum Counter
    {
        BL151, BL152, BL153, BL154, BL166, BL174, B51, B104, B151, B10, B10Denominator, Inflow, Outflow,
        V101, V101Denominator, V102, V103, V104, LinkedJobseeker, LinkedFollowedUp,
        PL151Days, PL151Cases, KvpRegistered, KvpDecided, KvpStarted, KvpEnded, KvpSituation0,
    }

    /// <summary>The counters that count persons (the ones before <see cref="Counter.PL151Days"/>), each by one rule of <see cref="Evaluate"/>.</summary>
    private const int PersonCounters = (int)Counter.LinkedFollowedUp + 1;

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
            Enumerable.Range(0, (int)Counter.KvpSituation0 + KvpSituation.All.Count).Select(_ => new long[MonthBits.Words(span) * 64]).ToArray();
        // All person counters' planes in one array: counter c, word w, plane k at (c * words + w) * Planes + k.
        private readonly ulong[] planes = new ulong[PersonCounters * MonthBits.Words(span) * Planes];

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
            for (var c = 0; c < PersonCounters; c++)
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
