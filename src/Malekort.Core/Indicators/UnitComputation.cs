using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// One unit's indicators over a range of months. First the batches are combined (which batch is the truth for which
/// day), then each person's months are derived as bit sets, then the indicator rules count them.
/// </summary>
/// <remarks>
/// Combining batches (capture-format "The batch"): a newer extract supersedes what older ones said about the days it
/// covers, part by part (a batch without <c>kvp.csv</c> says nothing about KVP). Dated events (payments, cases,
/// follow-ups) are kept when no newer batch with that part covers their day. Histories (livelihood, family, KVP, job
/// seekers) are read, for each month, from the newest batch with that part whose period overlaps the month: they
/// describe the person as known at that extraction. A month no batch with a part overlaps is not captured for it.
/// A keyed batch (<see cref="Capture.BatchHeader.SupersessionKey"/>, e.g. one Digisos application) is the truth only about
/// its key: it replaces older batches with the same key, yields to newer full-truth batches covering its days, and never
/// erases anything else.
/// </remarks>
internal sealed class UnitComputation
{
    // Bit 0 is 12 months before the first month asked for, so every long-term window and M-1 and M-2 are in range.
    private const int Lead = IndicatorRules.WindowMonths;

    private static readonly CaptureDomains[] Parts =
    [
        CaptureDomains.Payments, CaptureDomains.Livelihood, CaptureDomains.Family, CaptureDomains.Cases,
        CaptureDomains.Kvp, CaptureDomains.Jobseekers, CaptureDomains.Followups,
    ];

    private readonly UnitData unit;
    private readonly PopulationTable population;
    private readonly MonthRange months;
    private readonly int baseMonth;
    private readonly int span;
    private readonly int words;
    private readonly BatchInfo[] byRankDescending;
    // The batch that is the truth for (part, month), or -1.
    private readonly int[][] authority;

    public UnitComputation(UnitData unit, PopulationTable population, MonthRange months)
    {
        this.unit = unit;
        this.population = population;
        this.months = months;
        baseMonth = months.First.Index - Lead;
        span = months.Count + Lead;
        words = MonthBits.Words(span);
        byRankDescending = [.. unit.Batches.OrderByDescending(b => b.Rank)];
        authority = Parts.Select(AuthorityFor).ToArray();
    }

    public (UnitCode Unit, IndicatorValue[] Values, List<ComputationNote> Notes) Run()
    {
        var counts = new Counts(span);
        CountPersons(counts);
        var notes = CountCases(counts);
        CountKvpEvents(counts);
        return (unit.Unit, Values(counts), notes);
    }

    private int[] AuthorityFor(CaptureDomains part)
    {
        var result = new int[span];
        for (var i = 0; i < span; i++)
        {
            var month = Month.FromIndex(baseMonth + i);
            var (start, end) = (month.Start.DayNumber, month.End.DayNumber);
            // A full-truth batch is the authority where one overlaps; keyed batches only make the month captured.
            var overlapping = byRankDescending.Where(b => b.Has(part) && b.FromDay <= end && b.ToDay >= start);
            result[i] = (overlapping.FirstOrDefault(b => b.Header.SupersessionKey is null) ?? overlapping.FirstOrDefault())?.Index ?? -1;
        }
        return result;
    }

    private bool Covered(CaptureDomains part, int i) => i >= 0 && authority[Array.IndexOf(Parts, part)][i] >= 0;

    private int AuthorityOf(CaptureDomains part, int i) => authority[Array.IndexOf(Parts, part)][i];

    /// <summary>
    /// A dated event is superseded when a newer full-truth batch with the same part covers its day, or, for a keyed batch,
    /// when a newer batch has the same key.
    /// </summary>
    private bool IsSuperseded(CaptureDomains part, int batch, int day)
    {
        var own = unit.Batches[batch];
        foreach (var b in byRankDescending)
        {
            if (b.Rank <= own.Rank) return false;
            if (b.Header.SupersessionKey is null && b.Has(part) && b.FromDay <= day && b.ToDay >= day) return true;
            if (own.Header.SupersessionKey is { } key && string.Equals(b.Header.SupersessionKey, key, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The months (as bits) in which the batch is the truth for the part.</summary>
    private ulong[] AuthorityMask(CaptureDomains part, int batch)
    {
        var mask = new ulong[words];
        var table = authority[Array.IndexOf(Parts, part)];
        for (var i = 0; i < span; i++) if (table[i] == batch) MonthBits.Set(mask, i);
        return mask;
    }

    private int BitOf(int dayNumber) => Month.Of(DateOnly.FromDayNumber(dayNumber)).Index - baseMonth;

    // An open end far outside any span; day numbers are 0 … 3 652 058.
    private int BitOfOrEdge(int dayNumber) => dayNumber switch
    {
        int.MinValue => int.MinValue / 2,
        int.MaxValue => int.MaxValue / 2,
        _ => BitOf(dayNumber),
    };

    private void CountPersons(Counts counts)
    {
        var n = unit.PersonCount;
        var recipient = new ulong[n * words];
        var livelihood5 = new ulong[n * words];
        var young = new ulong[n * words];
        var mainProvider = new ulong[n * words];
        var dutyInHousehold = new ulong[n * words];
        var kvpDuring = new ulong[n * words];
        var kvpAtEnd = new ulong[n * words];
        var jobseeker = new ulong[n * words];
        var followup = new ulong[n * words];

        foreach (var p in unit.Payments)
        {
            if (p.DatingDay == UnitData.NoDay || p.FromDay == int.MinValue) continue;
            if (IsSuperseded(CaptureDomains.Payments, p.Batch, p.DatingDay)) continue;
            MonthBits.SetRange(recipient.AsSpan(p.Person * words, words), BitOf(p.FromDay), BitOf(p.ToDay));
        }

        for (var person = 0; person < n; person++)
        {
            var birth = unit.Births[person].BirthDay;
            if (birth == UnitData.NoDay) continue;
            var firstOld = Age.FirstMonthAged(DateOnly.FromDayNumber(birth), IndicatorRules.YoungAgeLimit).Index - baseMonth;
            MonthBits.SetRange(young.AsSpan(person * words, words), 0, firstOld - 1);
        }

        SetLivelihood(livelihood5);
        SetFamily(mainProvider, dutyInHousehold);
        SetKvp(kvpDuring, kvpAtEnd);
        SetJobseekers(jobseeker);
        foreach (var f in unit.Followups)
        {
            if (IsSuperseded(CaptureDomains.Followups, f.Batch, f.Day)) continue;
            var bit = BitOf(f.Day);
            if (bit >= 0 && bit < span) MonthBits.Set(followup.AsSpan(f.Person * words, words), bit);
        }

        Span<ulong> longTerm = stackalloc ulong[words];
        for (var person = 0; person < n; person++)
        {
            var o = person * words;
            var rec = recipient.AsSpan(o, words);
            IndicatorRules.LongTerm(rec, longTerm);
            for (var w = 0; w < words; w++)
            {
                var fu = followup.AsSpan(o, words);
                var facts = new PersonMonths(
                    Recipient: rec[w],
                    RecipientPrevious: MonthBits.ShiftedWord(rec, w, 1),
                    LongTerm: longTerm[w],
                    Livelihood5: livelihood5[o + w],
                    Young: young[o + w],
                    MainProvider: mainProvider[o + w],
                    DutyInHousehold: dutyInHousehold[o + w],
                    KvpDuring: kvpDuring[o + w],
                    KvpAtEnd: kvpAtEnd[o + w],
                    Jobseeker: jobseeker[o + w],
                    FollowedUp: fu[w] | MonthBits.ShiftedWord(fu, w, 1) | MonthBits.ShiftedWord(fu, w, 2));
                counts.Add(Counter.BL151, w, IndicatorRules.BL151(facts));
                counts.Add(Counter.BL152, w, IndicatorRules.BL152(facts));
                counts.Add(Counter.BL153, w, IndicatorRules.BL153(facts));
                counts.Add(Counter.BL154, w, IndicatorRules.BL154(facts));
                counts.Add(Counter.BL166, w, IndicatorRules.BL166(facts));
                counts.Add(Counter.BL174, w, IndicatorRules.BL174(facts));
                counts.Add(Counter.B51, w, IndicatorRules.B51(facts));
                counts.Add(Counter.B104, w, IndicatorRules.B104(facts));
                counts.Add(Counter.B151, w, IndicatorRules.B151(facts));
                counts.Add(Counter.B10, w, IndicatorRules.B10(facts));
                counts.Add(Counter.B10Denominator, w, IndicatorRules.B10Denominator(facts));
                counts.Add(Counter.Inflow, w, IndicatorRules.Inflow(facts));
                counts.Add(Counter.Outflow, w, IndicatorRules.Outflow(facts));
            }
        }
    }

    /// <summary>Main livelihood in M: the latest record with valid_from ≤ M.end (and, where the source says, valid_to ≥ M.start).</summary>
    private void SetLivelihood(ulong[] livelihood5)
    {
        foreach (var group in unit.Livelihood.GroupBy(l => (l.Batch, l.Person)))
        {
            // Stable sort: for equal valid_from the later row wins.
            var rows = group.OrderBy(l => l.ValidFrom).ToList();
            var mask = AuthorityMask(CaptureDomains.Livelihood, group.Key.Batch);
            var bits = new ulong[words];
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Source != IndicatorRules.SocialAssistanceLivelihood) continue;
                var from = BitOf(rows[r].ValidFrom);
                var until = r + 1 < rows.Count ? BitOf(rows[r + 1].ValidFrom) - 1 : int.MaxValue / 2;
                until = Math.Min(until, BitOfOrEdge(rows[r].ValidTo));
                MonthBits.SetRange(bits, from, until);
            }
            Or(livelihood5.AsSpan(group.Key.Person * words, words), bits, mask);
        }
    }

    private void SetFamily(ulong[] mainProvider, ulong[] dutyInHousehold)
    {
        var masks = new Dictionary<int, ulong[]>();
        var bits = new ulong[words];
        foreach (var child in unit.Family)
        {
            if (!child.Provider && !child.DutyInHousehold) continue;
            if (!masks.TryGetValue(child.Batch, out var mask)) masks[child.Batch] = mask = AuthorityMask(CaptureDomains.Family, child.Batch);
            var birth = DateOnly.FromDayNumber(child.BirthDay);
            // A child in M: born by M.end, aged ≤ 17 on M.end, and the record valid in M.
            var from = Math.Max(BitOf(child.BirthDay), BitOfOrEdge(child.ValidFrom));
            var to = Math.Min(Age.FirstMonthAged(birth, IndicatorRules.ChildAgeLimit).Index - baseMonth - 1, BitOfOrEdge(child.ValidTo));
            Array.Clear(bits);
            MonthBits.SetRange(bits, from, to);
            if (child.Provider) Or(mainProvider.AsSpan(child.Person * words, words), bits, mask);
            if (child.DutyInHousehold) Or(dutyInHousehold.AsSpan(child.Person * words, words), bits, mask);
        }
    }

    private void SetKvp(ulong[] during, ulong[] atEnd)
    {
        var masks = new Dictionary<int, ulong[]>();
        var bits = new ulong[words];
        foreach (var k in unit.Kvp)
        {
            if (!masks.TryGetValue(k.Batch, out var mask)) masks[k.Batch] = mask = AuthorityMask(CaptureDomains.Kvp, k.Batch);
            var start = BitOf(k.Start);
            var end = BitOfOrEdge(k.End);
            // B51: end ≥ M.start ⇔ end's month ≥ M. B.151: end > M.end ⇔ end's month > M.
            Array.Clear(bits);
            MonthBits.SetRange(bits, start, end);
            Or(during.AsSpan(k.Person * words, words), bits, mask);
            Array.Clear(bits);
            MonthBits.SetRange(bits, start, end == int.MaxValue / 2 ? end : end - 1);
            Or(atEnd.AsSpan(k.Person * words, words), bits, mask);
        }
    }

    private void SetJobseekers(ulong[] jobseeker)
    {
        var masks = new Dictionary<int, ulong[]>();
        var bits = new ulong[words];
        foreach (var j in unit.Jobseekers)
        {
            if (!masks.TryGetValue(j.Batch, out var mask)) masks[j.Batch] = mask = AuthorityMask(CaptureDomains.Jobseekers, j.Batch);
            // Registered on M.end: from ≤ M.end and (open or to ≥ M.end). A registration ending before its month's
            // last day does not reach that month's end.
            var to = BitOfOrEdge(j.To);
            if (j.To != int.MaxValue && DateOnly.FromDayNumber(j.To) != Month.Of(DateOnly.FromDayNumber(j.To)).End) to--;
            Array.Clear(bits);
            MonthBits.SetRange(bits, BitOf(j.From), to);
            Or(jobseeker.AsSpan(j.Person * words, words), bits, mask);
        }
    }

    private static void Or(Span<ulong> target, ReadOnlySpan<ulong> bits, ReadOnlySpan<ulong> mask)
    {
        for (var w = 0; w < target.Length; w++) target[w] |= bits[w] & mask[w];
    }

    private List<ComputationNote> CountCases(Counts counts)
    {
        var missingReceived = new long[span];
        foreach (var c in unit.Cases)
        {
            if (c.Approved == UnitData.NoDay || c.DatingDay == UnitData.NoDay) continue;
            if (IsSuperseded(CaptureDomains.Cases, c.Batch, c.DatingDay)) continue;
            var bit = BitOf(c.Approved);
            if (bit < 0 || bit >= span) continue;
            if (c.Received == UnitData.NoDay)
            {
                missingReceived[bit]++;
                continue;
            }
            counts.Of(Counter.PL151Days)[bit] = checked(counts.Of(Counter.PL151Days)[bit]
                + IndicatorRules.ProcessingDays(DateOnly.FromDayNumber(c.Received), DateOnly.FromDayNumber(c.Approved)));
            counts.Of(Counter.PL151Cases)[bit]++;
        }
        var notes = new List<ComputationNote>();
        for (var i = Lead; i < span; i++)
        {
            if (missingReceived[i] > 0 && Covered(CaptureDomains.Cases, i))
                notes.Add(new ComputationNote(unit.Unit, Month.FromIndex(baseMonth + i), "PL151", missingReceived[i],
                    "saker godkjent i måneden uten mottatt-dato er utelatt fra saksbehandlingstiden"));
        }
        return notes;
    }

    /// <summary>KVP events in M, read from the batch that is the truth for KVP in M.</summary>
    private void CountKvpEvents(Counts counts)
    {
        foreach (var k in unit.Kvp)
        {
            Event(k.Registered, Counter.KvpRegistered);
            Event(k.Decision, Counter.KvpDecided);
            Event(k.Start, Counter.KvpStarted);
            if (Event(k.End == int.MaxValue ? UnitData.NoDay : k.End, Counter.KvpEnded) is { } endBit)
            {
                foreach (var code in k.SituationAfter)
                {
                    var index = SituationIndex(code);
                    if (index >= 0) counts.Of(Counter.KvpSituation0 + index)[endBit]++;
                }
            }

            int? Event(int day, Counter counter)
            {
                if (day == UnitData.NoDay) return null;
                var bit = BitOf(day);
                if (bit < 0 || bit >= span || AuthorityOf(CaptureDomains.Kvp, bit) != k.Batch) return null;
                counts.Of(counter)[bit]++;
                return bit;
            }
        }
    }

    private static int SituationIndex(string code)
    {
        for (var i = 0; i < KvpSituation.All.Count; i++) if (KvpSituation.All[i].Code == code) return i;
        return -1;
    }

    private IndicatorValue[] Values(Counts counts)
    {
        var all = IndicatorCatalog.All;
        var result = new IndicatorValue[months.Count * all.Count];
        var approximateFamily = unit.Batches.Any(b => b.HasApproximateFamily);
        for (var m = 0; m < months.Count; m++)
        {
            var i = m + Lead;
            var month = Month.FromIndex(baseMonth + i);
            var payments = Covered(CaptureDomains.Payments, i);
            var livelihood = payments && Covered(CaptureDomains.Livelihood, i);
            var family = Covered(CaptureDomains.Family, i);
            var kvp = Covered(CaptureDomains.Kvp, i);
            var jobseekers = Covered(CaptureDomains.Jobseekers, i);
            var window = ValueNotes.None;
            for (var back = 0; back < IndicatorRules.WindowMonths; back++)
                if (!Covered(CaptureDomains.Payments, i - back)) window = ValueNotes.PartialWindow;
            var familyNote = family && approximateFamily && unit.Batches[AuthorityOf(CaptureDomains.Family, i)].HasApproximateFamily
                ? ValueNotes.ApproximateFamily : ValueNotes.None;

            long? Count(Counter c, bool captured) => captured ? counts.Of(c)[i] : null;
            long? People(AgeGroup group, out ValueNotes note)
            {
                var value = population.For(unit.Unit, month.Year, group, out var older);
                note = older ? ValueNotes.OlderPopulation : ValueNotes.None;
                return value;
            }
            var adults = People(AgeGroup.Aged18To66, out var adultsNote);
            var young = People(AgeGroup.Aged18To24, out var youngNote);

            for (var d = 0; d < all.Count; d++)
            {
                var definition = all[d];
                result[m * all.Count + d] = definition.Code switch
                {
                    "BL151" => IndicatorValue.Of(definition, Count(Counter.BL151, payments), 1, ValueNotes.None),
                    "BL152" => IndicatorValue.Of(definition, Count(Counter.BL152, livelihood), 1, window),
                    "BL153" => IndicatorValue.Of(definition, Count(Counter.BL153, payments), 1, ValueNotes.None),
                    "BL154" => IndicatorValue.Of(definition, Count(Counter.BL154, livelihood), 1, window),
                    "BL166" => IndicatorValue.Of(definition, Count(Counter.BL166, payments), 1, window),
                    "BL174" => IndicatorValue.Of(definition, Count(Counter.BL174, livelihood && family), 1, window | familyNote),
                    "PL151" => IndicatorValue.Of(definition, Count(Counter.PL151Days, Covered(CaptureDomains.Cases, i)),
                        Count(Counter.PL151Cases, Covered(CaptureDomains.Cases, i)), ValueNotes.None),
                    "B51" => IndicatorValue.Of(definition, Count(Counter.B51, kvp), 1, ValueNotes.None),
                    "B.101" => IndicatorValue.Of(definition, Count(Counter.BL151, payments), adults, adultsNote),
                    "B.102" => IndicatorValue.Of(definition, Count(Counter.BL152, livelihood), adults, adultsNote | window),
                    "B.103" => IndicatorValue.Of(definition, Count(Counter.BL153, payments), young, youngNote),
                    "B.104" => IndicatorValue.Of(definition, Count(Counter.B104, payments && family), Count(Counter.BL151, payments), familyNote),
                    "B.151" => IndicatorValue.Of(definition, Count(Counter.B151, kvp), 1, ValueNotes.None),
                    "B10" => IndicatorValue.Of(definition, Count(Counter.B10, jobseekers && Covered(CaptureDomains.Followups, i)),
                        Count(Counter.B10Denominator, jobseekers), ValueNotes.None),
                    "FLYT.TILGANG" => IndicatorValue.Of(definition, Count(Counter.Inflow, payments && Covered(CaptureDomains.Payments, i - 1)), 1, ValueNotes.None),
                    "FLYT.AVGANG" => IndicatorValue.Of(definition, Count(Counter.Outflow, payments && Covered(CaptureDomains.Payments, i - 1)), 1, ValueNotes.None),
                    "KVP.SOKNADER" => IndicatorValue.Of(definition, Count(Counter.KvpRegistered, kvp), 1, ValueNotes.None),
                    "KVP.VEDTAK" => IndicatorValue.Of(definition, Count(Counter.KvpDecided, kvp), 1, ValueNotes.None),
                    "KVP.STARTET" => IndicatorValue.Of(definition, Count(Counter.KvpStarted, kvp), 1, ValueNotes.None),
                    "KVP.AVSLUTTET" => IndicatorValue.Of(definition, Count(Counter.KvpEnded, kvp), 1, ValueNotes.None),
                    var code when code.StartsWith(KvpSituation.IndicatorPrefix, StringComparison.Ordinal) => IndicatorValue.Of(definition,
                        Count(Counter.KvpSituation0 + SituationIndex(code[KvpSituation.IndicatorPrefix.Length..]), kvp),
                        Count(Counter.KvpEnded, kvp), ValueNotes.None),
                    _ => throw new InvalidOperationException($"Indikatoren {definition.Code} mangler regel i motoren."),
                };
            }
        }
        return result;
    }

    private enum Counter
    {
        BL151, BL152, BL153, BL154, BL166, BL174, B51, B104, B151, B10, B10Denominator, Inflow, Outflow,
        PL151Days, PL151Cases, KvpRegistered, KvpDecided, KvpStarted, KvpEnded, KvpSituation0,
    }

    private sealed class Counts(int span)
    {
        private readonly long[][] counters =
            Enumerable.Range(0, (int)Counter.KvpSituation0 + KvpSituation.All.Count).Select(_ => new long[MonthBits.Words(span) * 64]).ToArray();

        public long[] Of(Counter counter) => counters[(int)counter];

        public void Add(Counter counter, int word, ulong bits)
        {
            if (bits != 0) MonthBits.Count(counters[(int)counter], word, bits);
        }
    }
}
