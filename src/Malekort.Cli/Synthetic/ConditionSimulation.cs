using System.Runtime.InteropServices;
using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Conditions (vilkår), exemptions from the activity duty and sanctions, set on the payment decisions of the careers already
/// simulated: each spell of months with paid social assistance is decided in chunks of one to three months, and each decision
/// sets the conditions for its months. Recipients under 30 get an activity condition (sosialtjenesteloven § 20a) unless
/// exempted; older recipients sometimes get conditions, activity or not. It runs after the careers on a stream of its own, so
/// adding it left every other generated row as it was. Levels in README.md.
/// </summary>
internal sealed class ConditionSimulation(SeededRandom rng, UnitHistory history)
{
    /// <summary>§ 20a: the duty to set activity conditions applies to recipients under this age.</summary>
    private const int ActivityDutyAge = 30;

    // Of recipients under 30: exempted at the start of a spell (once per person), and given activity conditions when not.
    private const double Exempted = 0.14;
    private const double ActivityUnder30 = 0.86;
    // After an exemption, a later spell comes with activity conditions after all.
    private const double ActivityAfterExemption = 0.4;
    // Of recipients 30 and over: any condition, and of those an activity condition.
    private const double ConditionsOver30 = 0.30;
    private const double ActivityOver30 = 0.55;
    // A sanction per month of an activity condition.
    private const double SanctionPerMonth = 0.012;

    // KOSTRA VILKAR codes and how often each is set: activity conditions, and the others (ConditionCodes.Conditions).
    private static readonly string[] ActivityCodes = ["08", "06", "19", "16", "17", "20", "04", "07"];
    private static readonly double[] ActivityWeights = [0.30, 0.22, 0.15, 0.12, 0.10, 0.05, 0.04, 0.02];
    private static readonly string[] OtherCodes = ["10", "14", "18", "15"];
    private static readonly double[] OtherWeights = [0.45, 0.25, 0.15, 0.15];
    private static readonly double[] GroundWeights = [0.10, 0.25, 0.55, 0.10]; // VEDTAK 01–04
    private static readonly double[] ChunkWeights = [0.40, 0.30, 0.30];

    /// <summary>Adds the conditions, exemptions and sanctions of every spell in the history.</summary>
    public void Run()
    {
        var exempted = new HashSet<int>();
        foreach (var (person, spell) in Spells())
        {
            var birth = DateOnly.FromDayNumber(history.Persons[person].Birth);
            var young = Age.CompletedYears(birth, spell[0].Month.Start) < ActivityDutyAge;
            var (activity, other) = (false, false);
            if (young && !exempted.Contains(person) && rng.Chance(Exempted))
            {
                exempted.Add(person);
                history.Exemptions.Add(new ExemptionRow { Person = person, Decided = spell[0].Decided, Grounds = Grounds() });
                other = rng.Chance(0.3);
            }
            else if (young) activity = rng.Chance(exempted.Contains(person) ? ActivityAfterExemption : ActivityUnder30);
            else if (rng.Chance(ConditionsOver30))
            {
                activity = rng.Chance(ActivityOver30);
                other = !activity;
            }
            if (activity || other) Decisions(person, spell, activity);
        }
    }

    /// <summary>One condition per payment decision of the spell, each for one to three months.</summary>
    private void Decisions(int person, List<(Month Month, int Decided)> spell, bool activity)
    {
        for (var i = 0; i < spell.Count;)
        {
            var length = Math.Min(spell.Count - i, 1 + rng.Pick(ChunkWeights));
            var (first, last) = (spell[i].Month, spell[i + length - 1].Month);
            history.Conditions.Add(new ConditionRow
            {
                Person = person,
                Decided = spell[i].Decided,
                From = first.Start.DayNumber,
                To = last.End.DayNumber,
                Codes = activity ? Codes(ActivityCodes, ActivityWeights, rng.Chance(0.2)) : Codes(OtherCodes, OtherWeights, false),
            });
            if (activity && rng.Chance(SanctionPerMonth * length))
            {
                history.Sanctions.Add(new SanctionRow
                {
                    Person = person,
                    Day = rng.Between(first.Start.DayNumber, last.End.DayNumber),
                    Kind = rng.Chance(0.7) ? "01" : "02",
                });
            }
            i += length;
        }
    }

    /// <summary>One to three codes of the list, in KOSTRA's order, and sometimes a condition that is not activity beside them.</summary>
    private string Codes(string[] codes, double[] weights, bool withOther)
    {
        Span<bool> chosen = stackalloc bool[codes.Length];
        for (var n = 1 + rng.Pick([0.55, 0.35, 0.10]); n > 0; n--) chosen[rng.Pick(weights)] = true;
        var picked = new List<string>(4);
        for (var i = 0; i < codes.Length; i++) if (chosen[i]) picked.Add(codes[i]);
        if (withOther) picked.Add(OtherCodes[rng.Pick(OtherWeights)]);
        return string.Join('|', ConditionCodes.Conditions.Select(c => c.Code).Where(picked.Contains));
    }

    private string Grounds()
    {
        var first = rng.Pick(GroundWeights);
        var second = rng.Chance(0.15) ? rng.Pick(GroundWeights) : first;
        return first == second ? ConditionCodes.ExemptionGrounds[first].Code
            : $"{ConditionCodes.ExemptionGrounds[Math.Min(first, second)].Code}|{ConditionCodes.ExemptionGrounds[Math.Max(first, second)].Code}";
    }

    /// <summary>
    /// Each person's spells: runs of consecutive months with paid social assistance for a period, each month with the day its
    /// payment was decided (a few days before its first payment).
    /// </summary>
    private IEnumerable<(int Person, List<(Month Month, int Decided)> Spell)> Spells()
    {
        // (person, month, first pay day) packed in one sortable number.
        var keys = new List<long>();
        foreach (ref readonly var p in CollectionsMarshal.AsSpan(history.Payments))
        {
            if (p.Status != PaymentStatus.Utbetalt || p.CancelDay != SimDay.None || p.PeriodFrom == SimDay.None) continue;
            if (CodeLists.BenefitTypes[p.BenefitType].Category != BenefitCategory.OkonomiskSosialhjelp) continue;
            var (from, to) = (Month.Of(DateOnly.FromDayNumber(p.PeriodFrom)), Month.Of(DateOnly.FromDayNumber(p.PeriodTo)));
            var paid = p.PaymentDay != SimDay.None ? p.PaymentDay : p.PeriodFrom;
            for (var m = from; m <= to; m = m.Plus(1)) keys.Add(((long)p.Person << 40) | ((long)m.Index << 20) | (uint)paid);
        }
        keys.Sort();
        var spell = new List<(Month, int)>();
        var (person, previous) = (-1, -1);
        foreach (var key in keys)
        {
            var (who, month, paid) = ((int)(key >> 40), (int)((key >> 20) & 0xFFFFF), (int)(key & 0xFFFFF));
            if (who == person && month == previous) continue;
            if (who != person || month != previous + 1)
            {
                if (spell.Count > 0) yield return (person, spell);
                spell = [];
            }
            spell.Add((Month.FromIndex(month), paid - rng.Between(0, 6)));
            (person, previous) = (who, month);
        }
        if (spell.Count > 0) yield return (person, spell);
    }
}
