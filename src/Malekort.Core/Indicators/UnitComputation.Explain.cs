using Malekort.Explanation;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>
/// Explaining a count (issue 10, item 4): the same pass as <see cref="Run"/> over one month, with <see cref="Explaining"/>
/// watching. It is told which persons the counter's rule (<see cref="Evaluate"/>) holds for, which of their month facts the
/// rule needed (a fact is needed when the rule fails without it), and which records set those facts. Nothing here decides who
/// counts: that stays with the rules and the supersession the count uses.
/// </summary>
internal sealed partial class UnitComputation
{
    private Explaining? explaining;

    /// <summary>
    /// The persons in <paramref name="indicator"/>'s <paramref name="side"/> in the month this computation was made for (a range
    /// of one month), with their records; null when that side does not count persons (a population, days, events).
    /// </summary>
    public CountExplanation? Explain(string indicator, CountedSide side)
    {
        if (months.Count != 1) throw new InvalidOperationException("En forklaring gjelder én måned.");
        if (CounterOf(indicator, side) is not { } counter) return null;
        explaining = new Explaining(counter, Lead);
        var (_, values, _, _) = Run();
        var value = values[IndicatorCatalog.IndexOf(indicator)];
        var count = side == CountedSide.Numerator ? value.Numerator : value.Denominator;
        var month = months.First;
        if (count is null) return new CountExplanation(unit.Unit, month, indicator, side, null, []);

        var members = explaining.Members
            .Select(m => new CountedPerson(unit.PersonIds[m.Person], MonthsOf(m.Recipient & WindowBits(0, IndicatorRules.WindowMonths - 1)), RecordsOf(m)))
            .OrderBy(p => p.PersonId)
            .ToList();
        return new CountExplanation(unit.Unit, month, indicator, side, count, members);
    }

    /// <summary>Whether <see cref="Explain"/> lists persons for the indicator's side.</summary>
    public static bool Explains(string indicator, CountedSide side) => CounterOf(indicator, side) is not null;

    /// <summary>
    /// The person counter behind each side of an indicator, from its declaration (<see cref="IndicatorDefinition.Rule"/>);
    /// null where that side counts no persons (a population, days, events). The explanation test holds every indicator
    /// against the computed values.
    /// </summary>
    private static Counter? CounterOf(string indicator, CountedSide side)
    {
        if (IndicatorCatalog.Find(indicator) is not { Rule: var rule }) return null;
        Counter? counter = side == CountedSide.Numerator ? rule.Counts : rule.Per.Kind == PerKind.Counter ? rule.Per.Counts : null;
        return counter is { } c && Counters.CountsPersons(c) ? c : null;
    }

    /// <summary>The bits of the months <paramref name="back"/> … <paramref name="backTo"/> before the explained month.</summary>
    private static ulong WindowBits(int back, int backTo) => MonthBits.RangeWord(Lead - backTo, Lead - back, 0);

    private List<Month> MonthsOf(ulong bits)
    {
        var result = new List<Month>();
        for (; bits != 0; bits &= bits - 1)
            result.Add(Month.FromIndex(baseMonth + System.Numerics.BitOperations.TrailingZeroCount(bits)));
        return result;
    }

    /// <summary>The records that set a member's needed facts in the months the rule looked at, each once.</summary>
    private List<CountedRecord> RecordsOf(Member member)
    {
        var result = new List<CountedRecord>();
        var seen = new HashSet<(Basis, int)>();
        if (!explaining!.Rows.TryGetValue(member.Person, out var rows)) return result;
        foreach (var fact in Enum.GetValues<Fact>())
        {
            if ((member.Needed & (1 << (int)fact)) == 0) continue;
            var (_, basis, back, backTo) = Source(fact, default);
            var looked = WindowBits(back, backTo);
            foreach (var row in rows)
            {
                if (row.Basis != basis || (row.Months & looked) == 0 || !seen.Add((KindOf(basis) == RecordKind.Person ? Basis.Young : basis, row.Row))) continue;
                var batch = unit.Batches[BatchOf(basis, row.Row)];
                result.Add(new CountedRecord(KindOf(basis), MonthsOf(row.Months & WindowBits(0, IndicatorRules.WindowMonths - 1)), batch.Header, batch.Origin));
            }
        }
        return result.OrderBy(r => r.Kind).ToList();
    }

    private int BatchOf(Basis basis, int row) => KindOf(basis) switch
    {
        RecordKind.Payment => unit.Payments[row].Batch,
        RecordKind.Livelihood => unit.Livelihood[row].Batch,
        RecordKind.Person => unit.Births[row].Batch,
        RecordKind.Family => unit.Family[row].Batch,
        RecordKind.Kvp => unit.Kvp[row].Batch,
        RecordKind.Jobseeker => unit.Jobseekers[row].Batch,
        RecordKind.Followup => unit.Followups[row].Batch,
        RecordKind.Condition => unit.Conditions[row].Batch,
        RecordKind.Exemption => unit.Exemptions[row].Batch,
        _ => unit.Sanctions[row].Batch,
    };

    private static RecordKind KindOf(Basis basis) => basis switch
    {
        Basis.Recipient => RecordKind.Payment,
        Basis.Livelihood5 => RecordKind.Livelihood,
        Basis.Young or Basis.ActivityDutyAge => RecordKind.Person,
        Basis.MainProvider or Basis.DutyInHousehold => RecordKind.Family,
        Basis.KvpDuring or Basis.KvpAtEnd => RecordKind.Kvp,
        Basis.Jobseeker => RecordKind.Jobseeker,
        Basis.Followup => RecordKind.Followup,
        Basis.ActivityCondition or Basis.AnyCondition => RecordKind.Condition,
        Basis.Exempted => RecordKind.Exemption,
        _ => RecordKind.Sanction,
    };

    /// <summary>The month facts a person's rows set (<see cref="CountPersons"/>'s bit arrays), before the facts of M are read from them.</summary>
    private enum Basis
    {
        Recipient, Livelihood5, Young, MainProvider, DutyInHousehold, KvpDuring, KvpAtEnd, Jobseeker, Followup, ActivityDutyAge,
        ActivityCondition, AnyCondition, Exempted, Sanctioned,
    }

    /// <summary>The fields of <see cref="PersonMonths"/>.</summary>
    private enum Fact
    {
        Recipient, RecipientPrevious, LongTerm, LongTermConsecutive, Livelihood5, Young, MainProvider, DutyInHousehold, KvpDuring, KvpAtEnd,
        Jobseeker, FollowedUp, ActivityDutyAge, ActivityCondition, AnyCondition, Exempted, Sanctioned,
    }

    /// <summary>
    /// A fact of M cleared from <paramref name="p"/>, and where <see cref="CountPersons"/> reads it from: the bits of
    /// <c>Basis</c> in the months <c>Back</c> … <c>BackTo</c> before M (previous month, the long-term window, B10's three months).
    /// </summary>
    private static (PersonMonths Without, Basis Basis, int Back, int BackTo) Source(Fact fact, in PersonMonths p) => fact switch
    {
        Fact.Recipient => (p with { Recipient = 0 }, Basis.Recipient, 0, 0),
        Fact.RecipientPrevious => (p with { RecipientPrevious = 0 }, Basis.Recipient, 1, 1),
        Fact.LongTerm => (p with { LongTerm = 0 }, Basis.Recipient, 0, IndicatorRules.WindowMonths - 1),
        Fact.LongTermConsecutive => (p with { LongTermConsecutive = 0 }, Basis.Recipient, 0, IndicatorRules.WindowMonths - 1),
        Fact.Livelihood5 => (p with { Livelihood5 = 0 }, Basis.Livelihood5, 0, 0),
        Fact.Young => (p with { Young = 0 }, Basis.Young, 0, 0),
        Fact.MainProvider => (p with { MainProvider = 0 }, Basis.MainProvider, 0, 0),
        Fact.DutyInHousehold => (p with { DutyInHousehold = 0 }, Basis.DutyInHousehold, 0, 0),
        Fact.KvpDuring => (p with { KvpDuring = 0 }, Basis.KvpDuring, 0, 0),
        Fact.KvpAtEnd => (p with { KvpAtEnd = 0 }, Basis.KvpAtEnd, 0, 0),
        Fact.Jobseeker => (p with { Jobseeker = 0 }, Basis.Jobseeker, 0, 0),
        Fact.FollowedUp => (p with { FollowedUp = 0 }, Basis.Followup, 0, IndicatorRules.FollowupMonths - 1),
        Fact.ActivityDutyAge => (p with { ActivityDutyAge = 0 }, Basis.ActivityDutyAge, 0, 0),
        Fact.ActivityCondition => (p with { ActivityCondition = 0 }, Basis.ActivityCondition, 0, 0),
        Fact.AnyCondition => (p with { AnyCondition = 0 }, Basis.AnyCondition, 0, 0),
        Fact.Exempted => (p with { Exempted = 0 }, Basis.Exempted, 0, 0),
        _ => (p with { Sanctioned = 0 }, Basis.Sanctioned, 0, 0),
    };

    /// <summary>Notes that a record of a person set <paramref name="basis"/> in <paramref name="from"/> … <paramref name="to"/> within <paramref name="mask"/>.</summary>
    private void Note(Basis basis, int row, int person, int from, int to, ulong mask = ulong.MaxValue) =>
        explaining?.Row(basis, row, person, MonthBits.RangeWord(from, to, 0) & mask);

    private readonly record struct Member(int Person, ulong Recipient, int Needed);

    private readonly record struct NotedRow(Basis Basis, int Row, ulong Months);

    /// <summary>What one explanation collects while the computation runs: the counter's persons in M and every person's rows.</summary>
    private sealed class Explaining(Counter counter, int bit)
    {
        public List<Member> Members { get; } = [];

        public Dictionary<int, List<NotedRow>> Rows { get; } = [];

        public void Row(Basis basis, int row, int person, ulong months)
        {
            if (months == 0) return;
            if (!Rows.TryGetValue(person, out var rows)) Rows[person] = rows = [];
            rows.Add(new NotedRow(basis, row, months));
        }

        public void Visit(int person, int w, in PersonMonths facts)
        {
            var month = 1UL << bit;
            if (w != 0 || (Evaluate(counter, facts) & month) == 0) return;
            var needed = 0;
            foreach (var fact in Enum.GetValues<Fact>())
            {
                if ((Evaluate(counter, Source(fact, facts).Without) & month) == 0) needed |= 1 << (int)fact;
            }
            Members.Add(new Member(person, facts.Recipient, needed));
        }
    }
}
