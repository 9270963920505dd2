using System.Buffers;
using Malekort.Capture;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// One unit's indicators over a range of months. Which batch is the truth for which day was decided when the working set was
/// built (<see cref="Supersession"/>); here each person's months are derived as bit sets and the indicator rules count them.
/// </summary>
/// <remarks>
/// Speed: the calendar and the supersession were done when the working set was built (rows hold months), rows outside the
/// months asked for are skipped with two comparisons and month ranges become word masks, so the cost is one pass over the
/// unit's rows and one over its persons.
/// </remarks>
internal sealed partial class UnitComputation
{
    // Bit 0 is 12 months before the first month asked for, so every long-term window and M-1 and M-2 are in range.
    private const int Lead = IndicatorRules.WindowMonths;
    private static readonly int Parts = Enum.GetValues<Part>().Length;

    private readonly UnitData unit;
    private readonly Supersession supersession;
    private readonly PopulationTable population;
    private readonly MonthRange months;
    private readonly int baseMonth;
    private readonly int span;
    private readonly int words;
    // The batch that is the truth for (part, month of the span), or -1 where the part is not captured.
    private readonly int[][] authority;
    // Supersession's history masks in the span's months: for list L of Listings, history part h and slot s, the words at
    // (historyStarts[L * Histories + h] + s) * words.
    private readonly ulong[] historyMasks;
    private readonly int[] historyStarts;
    // The months in which a child from an approximating source (KOSTRA BU18) made someone a provider.
    private readonly ulong[] approximateFamily;

    public UnitComputation(UnitData unit, PopulationTable population, MonthRange months)
    {
        this.unit = unit;
        supersession = unit.Supersession;
        this.population = population;
        this.months = months;
        baseMonth = months.First.Index - Lead;
        span = months.Count + Lead;
        words = MonthBits.Words(span);
        authority = new int[Parts][];
        for (var p = 0; p < Parts; p++)
        {
            var table = authority[p] = new int[span];
            for (var i = 0; i < span; i++) table[i] = supersession.AuthorityOf((Part)p, baseMonth + i);
        }
        var listings = unit.Listings;
        var histories = Supersession.Histories.Length;
        historyStarts = new int[listings.Count * histories];
        var size = 0;
        for (var list = 0; list < listings.Count; list++)
        {
            for (var h = 0; h < histories; h++)
            {
                historyStarts[list * histories + h] = size;
                size += listings.Batches(list).Length;
            }
        }
        historyMasks = new ulong[size * words];
        var shift = baseMonth - supersession.FirstMonth;
        for (var list = 0; list < listings.Count; list++)
        {
            for (var h = 0; h < histories; h++)
            {
                for (var slot = 0; slot < listings.Batches(list).Length; slot++)
                {
                    var source = supersession.HistoryMask(list, h, slot);
                    var target = historyMasks.AsSpan((historyStarts[list * histories + h] + slot) * words, words);
                    for (var w = 0; w < words; w++) target[w] = MonthBits.WordAt(source, shift + (w << 6));
                }
            }
        }
        approximateFamily = new ulong[words];
    }

    public (UnitCode Unit, IndicatorValue[] Values, List<ComputationNote> Notes, long?[] FollowUp) Run()
    {
        var counts = new Counts(span);
        var followUp = new long[span * ConditionFollowUp.Slots];
        CountPersons(counts, followUp);
        counts.Settle();
        var notes = CountCases(counts);
        CountKvpEvents(counts);
        return (unit.Unit, Values(counts), notes, FollowUpValues(followUp));
    }

    private bool Covered(Part part, int i) => i >= 0 && authority[(int)part][i] >= 0;

    /// <summary>
    /// The months in which the row's batch is the truth for the person's history part <paramref name="history"/> (an index of
    /// <see cref="Supersession.Histories"/>): the batch that lists the person in <paramref name="slot"/>.
    /// </summary>
    private ReadOnlySpan<ulong> HistoryMask(int history, int person, int slot)
    {
        var list = unit.Listing[person];
        return historyMasks.AsSpan((historyStarts[list * Supersession.Histories.Length + history] + slot) * words, words);
    }

    private const int LivelihoodHistory = 0, FamilyHistory = 1, KvpHistory = 2, JobseekerHistory = 3;

    private bool IsSuperseded(Part part, int batch, int day) => supersession.IsSuperseded(part, batch, day);

    /// <summary>The span's bit of an absolute month; open ends stay far outside the span.</summary>
    private int Bit(int month) => month - baseMonth;

    /// <summary>ORs the months <paramref name="from"/> … <paramref name="to"/>, within the batch's authority, into a person's bits.</summary>
    private void SetMonths(Span<ulong> target, int from, int to, ReadOnlySpan<ulong> authorityMask)
    {
        if (from > to || to < 0 || from >= span) return;
        for (var w = 0; w < words; w++) target[w] |= MonthBits.RangeWord(from, to, w) & authorityMask[w];
    }

    private void CountPersons(Counts counts, long[] followUp)
    {
        var n = unit.PersonCount;
        var size = n * words;
        var pool = ArrayPool<ulong>.Shared;
        ulong[] recipient = Rent(), livelihood5 = Rent(), young = Rent(), mainProvider = Rent(), dutyInHousehold = Rent(),
            kvpDuring = Rent(), kvpAtEnd = Rent(), jobseeker = Rent(), followup = Rent(), activityDutyAge = Rent(),
            activityCondition = Rent(), anyCondition = Rent(), exempted = Rent(), sanctioned = Rent();
        // The follow-up's month facts: per VILKAR code, exemption ground and sanction kind.
        var codes = ConditionCodes.Conditions.Select(_ => Rent()).ToArray();
        var grounds = ConditionCodes.ExemptionGrounds.Select(_ => Rent()).ToArray();
        var kinds = ConditionCodes.SanctionKinds.Select(_ => Rent()).ToArray();
        try
        {
            SetRecipients(recipient);
            SetAges(young, activityDutyAge);
            SetLivelihood(livelihood5);
            SetFamily(mainProvider, dutyInHousehold);
            SetKvp(kvpDuring, kvpAtEnd);
            SetJobseekers(jobseeker);
            SetFollowups(followup);
            SetConditions(activityCondition, anyCondition, codes);
            SetExemptions(exempted, grounds);
            SetSanctions(sanctioned, kinds);

            Span<ulong> longTerm = stackalloc ulong[words];
            Span<ulong> runs = stackalloc ulong[words];
            Span<ulong> longTermConsecutive = stackalloc ulong[words];
            for (var person = 0; person < n; person++)
            {
                var o = person * words;
                // Most persons are only job seekers, only KVP participants or only children's parents in other months:
                // a person with no recipient, livelihood, KVP, job seeker or sanction month counts in nothing.
                var isRecipient = Any(recipient, o);
                if (!isRecipient && !Any(livelihood5, o) && !Any(kvpDuring, o) && !Any(jobseeker, o) && !Any(sanctioned, o)) continue;
                var followsUp = Any(anyCondition, o) || Any(exempted, o) || Any(sanctioned, o);
                var rec = recipient.AsSpan(o, words);
                var fu = followup.AsSpan(o, words);
                if (isRecipient)
                {
                    IndicatorRules.LongTerm(rec, longTerm);
                    IndicatorRules.LongTermConsecutive(rec, runs, longTermConsecutive);
                }
                else
                {
                    longTerm.Clear();
                    longTermConsecutive.Clear();
                }
                for (var w = 0; w < words; w++)
                {
                    var facts = new PersonMonths(
                        Recipient: rec[w],
                        RecipientPrevious: MonthBits.Shifted(rec, w, 1),
                        LongTerm: longTerm[w],
                        LongTermConsecutive: longTermConsecutive[w],
                        Livelihood5: livelihood5[o + w],
                        Young: young[o + w],
                        MainProvider: mainProvider[o + w],
                        DutyInHousehold: dutyInHousehold[o + w],
                        KvpDuring: kvpDuring[o + w],
                        KvpAtEnd: kvpAtEnd[o + w],
                        Jobseeker: jobseeker[o + w],
                        FollowedUp: fu[w] | MonthBits.Shifted(fu, w, 1) | MonthBits.Shifted(fu, w, 2),
                        ActivityDutyAge: activityDutyAge[o + w],
                        ActivityCondition: activityCondition[o + w],
                        AnyCondition: anyCondition[o + w],
                        Exempted: exempted[o + w],
                        Sanctioned: sanctioned[o + w]);
                    if ((facts.Recipient | facts.RecipientPrevious | facts.Livelihood5 | facts.KvpDuring | facts.Jobseeker | facts.Sanctioned) == 0)
                        continue;
                    for (var c = 0; c < Counters.PersonCounters; c++) counts.Add((Counter)c, w, Evaluate((Counter)c, facts));
                    explaining?.Visit(person, w, facts);
                    if (followsUp) TallyFollowUp(followUp, w, o + w, facts, codes, grounds, kinds);
                }
            }
        }
        finally
        {
            ulong[][] rented =
            [
                recipient, livelihood5, young, mainProvider, dutyInHousehold, kvpDuring, kvpAtEnd, jobseeker, followup, activityDutyAge,
                activityCondition, anyCondition, exempted, sanctioned, .. codes, .. grounds, .. kinds,
            ];
            foreach (var array in rented)
                pool.Return(array);
        }

        ulong[] Rent()
        {
            var array = pool.Rent(Math.Max(size, 1));
            Array.Clear(array, 0, size);
            return array;
        }
    }

    private bool Any(ulong[] bits, int offset)
    {
        for (var w = 0; w < words; w++) if (bits[offset + w] != 0) return true;
        return false;
    }

    private void SetRecipients(ulong[] recipient)
    {
        var rows = unit.Payments;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var p = ref rows[r];
            int from = Bit(p.FromMonth), to = Bit(p.ToMonth);
            if (to < 0 || from >= span || p.DatingDay == UnitData.NoDay) continue;
            if (IsSuperseded(Part.Payments, p.Batch, p.DatingDay)) continue;
            var target = recipient.AsSpan(p.Person * words, words);
            for (var w = 0; w < words; w++) target[w] |= MonthBits.RangeWord(from, to, w);
            Note(Basis.Recipient, r, p.Person, from, to);
        }
    }

    /// <summary>Under 25 (BL153, BL154) and 18–29 (V.101, V.103) in M, from the birth date of the newest extract naming the person.</summary>
    private void SetAges(ulong[] young, ulong[] activityDutyAge)
    {
        var births = unit.Births;
        for (var person = 0; person < births.Length; person++)
        {
            var age = births[person];
            if (age.Batch < 0) continue;
            Or(young.AsSpan(person * words, words), 0, Bit(age.LastYoung));
            Or(activityDutyAge.AsSpan(person * words, words), Bit(age.FirstActivityDuty), Bit(age.LastActivityDuty));
            Note(Basis.Young, person, person, 0, Bit(age.LastYoung));
            Note(Basis.ActivityDutyAge, person, person, Bit(age.FirstActivityDuty), Bit(age.LastActivityDuty));
        }
    }

    /// <summary>ORs the months <paramref name="from"/> … <paramref name="to"/> (clipped to the span) into a person's bits.</summary>
    private void Or(Span<ulong> target, int from, int to)
    {
        from = Math.Max(from, 0);
        if (from > to || from >= span) return;
        for (var w = 0; w < words; w++) target[w] |= MonthBits.RangeWord(from, to, w);
    }

    /// <summary>Main livelihood in M: the latest record with valid_from ≤ M.end, from the batch that is the truth for the person.</summary>
    private void SetLivelihood(ulong[] livelihood5)
    {
        // Rows are ordered by person, batch and valid_from (WorkingSetBuilder.Build), the latest row in file order last.
        var rows = unit.Livelihood;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var row = ref rows[r];
            if (row.Source != IndicatorRules.SocialAssistanceLivelihood) continue;
            var sameGroupNext = r + 1 < rows.Length && rows[r + 1].Person == row.Person && rows[r + 1].Batch == row.Batch;
            var until = sameGroupNext ? Bit(rows[r + 1].FromMonth) - 1 : Calendar.Open;
            var mask = HistoryMask(LivelihoodHistory, row.Person, row.Slot);
            SetMonths(livelihood5.AsSpan(row.Person * words, words), Bit(row.FromMonth), until, mask);
            Note(Basis.Livelihood5, r, row.Person, Bit(row.FromMonth), until, mask[0]);
        }
    }

    private void SetFamily(ulong[] mainProvider, ulong[] dutyInHousehold)
    {
        var rows = unit.Family;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var child = ref rows[r];
            var (from, to) = (Bit(child.FirstMonth), Bit(child.LastMonth));
            var mask = HistoryMask(FamilyHistory, child.Person, child.Slot);
            if (child.Provider)
            {
                SetMonths(mainProvider.AsSpan(child.Person * words, words), from, to, mask);
                Note(Basis.MainProvider, r, child.Person, from, to, mask[0]);
            }
            if (child.DutyInHousehold)
            {
                SetMonths(dutyInHousehold.AsSpan(child.Person * words, words), from, to, mask);
                Note(Basis.DutyInHousehold, r, child.Person, from, to, mask[0]);
            }
            if (unit.Batches[child.Batch].HasApproximateFamily) SetMonths(approximateFamily, from, to, mask);
        }
    }

    private void SetKvp(ulong[] during, ulong[] atEnd)
    {
        var rows = unit.Kvp;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var k = ref rows[r];
            var mask = HistoryMask(KvpHistory, k.Person, k.Slot);
            SetMonths(during.AsSpan(k.Person * words, words), Bit(k.During.First), Bit(k.During.Last), mask);
            SetMonths(atEnd.AsSpan(k.Person * words, words), Bit(k.AtEnd.First), Bit(k.AtEnd.Last), mask);
            Note(Basis.KvpDuring, r, k.Person, Bit(k.During.First), Bit(k.During.Last), mask[0]);
            Note(Basis.KvpAtEnd, r, k.Person, Bit(k.AtEnd.First), Bit(k.AtEnd.Last), mask[0]);
        }
    }

    private void SetJobseekers(ulong[] jobseeker)
    {
        var rows = unit.Jobseekers;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var j = ref rows[r];
            var mask = HistoryMask(JobseekerHistory, j.Person, j.Slot);
            SetMonths(jobseeker.AsSpan(j.Person * words, words), Bit(j.FirstMonth), Bit(j.LastMonth), mask);
            Note(Basis.Jobseeker, r, j.Person, Bit(j.FirstMonth), Bit(j.LastMonth), mask[0]);
        }
    }

    private void SetFollowups(ulong[] followup)
    {
        var rows = unit.Followups;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var f = ref rows[r];
            var bit = Bit(f.Month);
            if (bit < 0 || bit >= span) continue;
            if (IsSuperseded(Part.Followups, f.Batch, f.Day)) continue;
            MonthBits.Set(followup.AsSpan(f.Person * words, words), bit);
            Note(Basis.Followup, r, f.Person, bit, bit);
        }
    }

    // Conditions, exemptions and sanctions are events (capture format, "Cross-file rules": dated by decided_date or date), so
    // like payments they are kept unless a newer batch with their part covers the day they are dated by; a condition's
    // validity, like a payment's period, may run before and past its batch's period. docs/decisions.md names this place.

    /// <summary>A condition counts in every month it is valid (<see cref="IndicatorRules.ConditionMonths"/>), under each of its codes.</summary>
    private void SetConditions(ulong[] activity, ulong[] any, ulong[][] byCode)
    {
        var rows = unit.Conditions;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var c = ref rows[r];
            if (IsSuperseded(Part.Conditions, c.Batch, c.DecidedDay)) continue;
            var (from, to) = (Bit(c.FirstMonth), Bit(c.LastMonth));
            Or(any.AsSpan(c.Person * words, words), from, to);
            Note(Basis.AnyCondition, r, c.Person, from, to);
            if (IndicatorRules.IsActivityCondition(c.Codes))
            {
                Or(activity.AsSpan(c.Person * words, words), from, to);
                Note(Basis.ActivityCondition, r, c.Person, from, to);
            }
            for (var bits = c.Codes; bits != 0; bits &= bits - 1)
                Or(byCode[System.Numerics.BitOperations.TrailingZeroCount(bits)].AsSpan(c.Person * words, words), from, to);
        }
    }

    /// <summary>Exempted in M: an exemption decided on or before M.end, so from its month on, under each of its grounds.</summary>
    private void SetExemptions(ulong[] exempted, ulong[][] byGround)
    {
        var rows = unit.Exemptions;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var e = ref rows[r];
            if (IsSuperseded(Part.Exemptions, e.Batch, e.DecidedDay)) continue;
            Or(exempted.AsSpan(e.Person * words, words), Bit(e.Month), Calendar.Open);
            Note(Basis.Exempted, r, e.Person, Bit(e.Month), Calendar.Open);
            for (var bits = e.Grounds; bits != 0; bits &= bits - 1)
                Or(byGround[System.Numerics.BitOperations.TrailingZeroCount(bits)].AsSpan(e.Person * words, words), Bit(e.Month), Calendar.Open);
        }
    }

    private void SetSanctions(ulong[] sanctioned, ulong[][] byKind)
    {
        var rows = unit.Sanctions;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var x = ref rows[r];
            var bit = Bit(x.Month);
            if (bit < 0 || bit >= span || IsSuperseded(Part.Sanctions, x.Batch, x.Day)) continue;
            MonthBits.Set(sanctioned.AsSpan(x.Person * words, words), bit);
            Note(Basis.Sanctioned, r, x.Person, bit, bit);
            if (x.Kind >= 0) MonthBits.Set(byKind[x.Kind].AsSpan(x.Person * words, words), bit);
        }
    }

    /// <summary>
    /// The follow-up (<see cref="ConditionFollowUp"/>) of one word of one person's months, from the same facts as V.101–V.104:
    /// a condition's code among V.101's denominator and among BL151, an exemption's ground among V.103, a sanction's kind as V.104.
    /// </summary>
    private static void TallyFollowUp(long[] followUp, int w, int i, in PersonMonths facts, ulong[][] codes, ulong[][] grounds, ulong[][] kinds)
    {
        var (young, exempt) = (IndicatorRules.V101Denominator(facts), IndicatorRules.V103(facts));
        for (var c = 0; c < codes.Length; c++)
        {
            Tally(followUp, w, FollowUpYoung + c, young & codes[c][i]);
            Tally(followUp, w, FollowUpAll + c, facts.Recipient & codes[c][i]);
        }
        for (var g = 0; g < grounds.Length; g++) Tally(followUp, w, FollowUpGrounds + g, exempt & grounds[g][i]);
        for (var k = 0; k < kinds.Length; k++) Tally(followUp, w, FollowUpKinds + k, facts.Sanctioned & kinds[k][i]);
    }

    private static void Tally(long[] followUp, int w, int slot, ulong months)
    {
        for (; months != 0; months &= months - 1)
            followUp[((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(months)) * ConditionFollowUp.Slots + slot]++;
    }

    private static readonly int FollowUpYoung = ConditionFollowUp.FirstSlot(FollowUpGroup.ConditionsAged18To29);
    private static readonly int FollowUpAll = ConditionFollowUp.FirstSlot(FollowUpGroup.ConditionsAll);
    private static readonly int FollowUpGrounds = ConditionFollowUp.FirstSlot(FollowUpGroup.ExemptionGrounds);
    private static readonly int FollowUpKinds = ConditionFollowUp.FirstSlot(FollowUpGroup.SanctionKinds);

    private List<ComputationNote> CountCases(Counts counts)
    {
        var missingReceived = new long[span];
        var days = counts.Of(Counter.PL151Days);
        var cases = counts.Of(Counter.PL151Cases);
        foreach (ref readonly var c in unit.Cases)
        {
            var bit = Bit(c.ApprovedMonth);
            if (bit < 0 || bit >= span || c.DatingDay == UnitData.NoDay) continue;
            if (IsSuperseded(Part.Cases, c.Batch, c.DatingDay)) continue;
            if (c.ProcessingDays == Calendar.NoDays)
            {
                missingReceived[bit]++;
                continue;
            }
            days[bit] = checked(days[bit] + c.ProcessingDays);
            cases[bit]++;
        }
        var notes = new List<ComputationNote>();
        for (var i = Lead; i < span; i++)
        {
            if (missingReceived[i] > 0 && Covered(Part.Cases, i))
                notes.Add(new ComputationNote(unit.Unit, Month.FromIndex(baseMonth + i), "PL151", missingReceived[i],
                    "saker godkjent i måneden uten mottatt-dato er utelatt fra saksbehandlingstiden"));
        }
        return notes;
    }

    /// <summary>KVP events in M, read from the batch that is the truth for the person's KVP in M.</summary>
    private void CountKvpEvents(Counts counts)
    {
        foreach (ref readonly var k in unit.Kvp)
        {
            var mask = HistoryMask(KvpHistory, k.Person, k.Slot);
            Event(mask, k.RegisteredMonth, Counter.KvpRegistered);
            Event(mask, k.DecisionMonth, Counter.KvpDecided);
            Event(mask, k.StartMonth, Counter.KvpStarted);
            if (Event(mask, k.EndMonth, Counter.KvpEnded) is { } endBit)
            {
                for (var situations = k.Situations; situations != 0; situations &= situations - 1)
                    counts.Of(Counter.KvpSituation0 + System.Numerics.BitOperations.TrailingZeroCount(situations))[endBit]++;
            }
        }

        int? Event(ReadOnlySpan<ulong> mask, int month, Counter counter)
        {
            var bit = Bit(month);
            if (bit < 0 || bit >= span || !MonthBits.IsSet(mask, bit)) return null;
            counts.Of(counter)[bit]++;
            return bit;
        }
    }
}
