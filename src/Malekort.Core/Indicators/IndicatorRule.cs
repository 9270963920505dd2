using Malekort.Population;

namespace Malekort.Indicators;

/// <summary>
/// The engine's counters, the primitives an indicator is declared over. The person counters (<see cref="BL151"/> …
/// <see cref="LinkedFollowedUp"/>) each count the persons one rule of <see cref="IndicatorRules"/> holds for; the rest count
/// days, cases and events. The counters stay fast code; which counter an indicator shows is its declaration's
/// (<see cref="IndicatorRule"/>).
/// </summary>
public enum Counter
{
    /// <summary>Recipients in M.</summary>
    BL151,
    /// <summary>Long-term in M with main livelihood 5.</summary>
    BL152,
    /// <summary>Recipients in M aged ≤ 24.</summary>
    BL153,
    /// <summary>BL152 persons aged ≤ 24.</summary>
    BL154,
    /// <summary>Recipients in M who are long-term in M.</summary>
    BL166,
    /// <summary>BL152 persons who are provider in M.</summary>
    BL174,
    /// <summary>KVP participants during M.</summary>
    B51,
    /// <summary>Recipients in M with provider duty for a child in the household.</summary>
    B104,
    /// <summary>KVP participants at the end of M.</summary>
    B151,
    /// <summary>Ordinary job seekers on M.end followed up in M-2 … M.</summary>
    B10,
    /// <summary>Ordinary job seekers on M.end.</summary>
    B10Denominator,
    /// <summary>Recipients in M who were not in M-1.</summary>
    Inflow,
    /// <summary>Recipients in M-1 who are not in M.</summary>
    Outflow,
    /// <summary>Recipients 18–29 with an activity condition in M.</summary>
    V101,
    /// <summary>Recipients 18–29 in M.</summary>
    V101Denominator,
    /// <summary>Recipients with any condition in M.</summary>
    V102,
    /// <summary>Recipients 18–29 exempted and without an activity condition in M.</summary>
    V103,
    /// <summary>Persons sanctioned in M.</summary>
    V104,
    /// <summary>Recipients registered as ordinary job seekers on M.end.</summary>
    LinkedJobseeker,
    /// <summary>Recipients registered as ordinary job seekers on M.end and followed up in M-2 … M.</summary>
    LinkedFollowedUp,
    /// <summary>Long-term in M by six consecutive months with assistance in window(M), with main livelihood 5 (B.102 version 2).</summary>
    BL152Consecutive,
    /// <summary>Sum of processing days of cases approved in M.</summary>
    PL151Days,
    /// <summary>Cases approved in M with a received date.</summary>
    PL151Cases,
    /// <summary>KVP applications registered in M.</summary>
    KvpRegistered,
    /// <summary>KVP decisions in M.</summary>
    KvpDecided,
    /// <summary>KVP starts in M.</summary>
    KvpStarted,
    /// <summary>KVP ends in M.</summary>
    KvpEnded,
    /// <summary>The first of <see cref="KvpSituation.All"/>'s counters of persons ending with that situation (<see cref="Counters.Situation"/>).</summary>
    KvpSituation0,
}

/// <summary>What the engine knows about its counters.</summary>
public static class Counters
{
    /// <summary>The person counters are the ones before this; each is one rule of <see cref="IndicatorRules"/>.</summary>
    public const int PersonCounters = (int)Counter.BL152Consecutive + 1;

    /// <summary>Every counter, the situations' included.</summary>
    public static int Count => (int)Counter.KvpSituation0 + KvpSituation.All.Count;

    /// <summary>Whether the counter counts persons (and so can be explained person by person).</summary>
    public static bool CountsPersons(Counter counter) => (int)counter < PersonCounters;

    /// <summary>The counter of persons who ended KVP with situation <paramref name="index"/> of <see cref="KvpSituation.All"/>.</summary>
    public static Counter Situation(int index) => Counter.KvpSituation0 + index;
}

/// <summary>The parts of a batch an indicator needs captured for its month (capture format, "The batch").</summary>
[Flags]
public enum DataParts
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>payments.csv.</summary>
    Payments = 1 << (int)Part.Payments,
    /// <summary>livelihood.csv.</summary>
    Livelihood = 1 << (int)Part.Livelihood,
    /// <summary>family.csv.</summary>
    Family = 1 << (int)Part.Family,
    /// <summary>cases.csv.</summary>
    Cases = 1 << (int)Part.Cases,
    /// <summary>kvp.csv.</summary>
    Kvp = 1 << (int)Part.Kvp,
    /// <summary>jobseekers.csv.</summary>
    Jobseekers = 1 << (int)Part.Jobseekers,
    /// <summary>followups.csv.</summary>
    Followups = 1 << (int)Part.Followups,
    /// <summary>conditions.csv.</summary>
    Conditions = 1 << (int)Part.Conditions,
    /// <summary>activity_exemptions.csv.</summary>
    Exemptions = 1 << (int)Part.Exemptions,
    /// <summary>sanctions.csv (a yearly count is captured for December only).</summary>
    Sanctions = 1 << (int)Part.Sanctions,
}

/// <summary>What an indicator divides by.</summary>
public enum PerKind
{
    /// <summary>1: the indicator is a count.</summary>
    One,
    /// <summary>SSB's population of an age group in the unit on 1 January of M's year.</summary>
    Population,
    /// <summary>Another counter of the engine.</summary>
    Counter,
}

/// <summary>An indicator's denominator.</summary>
/// <param name="Kind">One, a population or a counter.</param>
/// <param name="Group">The age group, for <see cref="PerKind.Population"/>.</param>
/// <param name="Counts">The counter, for <see cref="PerKind.Counter"/>.</param>
/// <param name="Needs">The parts the counter needs captured in M.</param>
public readonly record struct Per(PerKind Kind, AgeGroup Group, Counter Counts, DataParts Needs)
{
    /// <summary>A count: denominator 1.</summary>
    public static Per One => default;

    /// <summary>SSB's population of <paramref name="group"/>.</summary>
    public static Per Population(AgeGroup group) => new(PerKind.Population, group, default, DataParts.None);

    /// <summary>The engine's <paramref name="counter"/>, captured where <paramref name="needs"/> are.</summary>
    public static Per Count(Counter counter, DataParts needs) => new(PerKind.Counter, default, counter, needs);
}

/// <summary>
/// How one version of an indicator is computed: which counter is its numerator, which parts it needs captured in M, how far
/// back its rule looks (spec "Not computed is not zero": the value is computed only when the looked-at months are captured)
/// and its denominator. The engine resolves these to arrays once per computation.
/// </summary>
/// <param name="Counts">The numerator's counter.</param>
/// <param name="Needs">The parts that must be captured in M for the numerator.</param>
/// <param name="Per">The denominator.</param>
/// <param name="LookBackPart">The part that must also be captured in the months before M the rule looks at.</param>
/// <param name="LookBackMonths">The months the rule looks at, M included (1: M only).</param>
public sealed record IndicatorRule(Counter Counts, DataParts Needs, Per Per, DataParts LookBackPart = DataParts.None, int LookBackMonths = 1)
{
    /// <summary>The numerator's counter over the parts it needs, M only.</summary>
    public static IndicatorRule Of(Counter counts, DataParts needs, Per per = default) => new(counts, needs, per);

    /// <summary>This rule looking back <paramref name="months"/> months (M included) in <paramref name="part"/>.</summary>
    public IndicatorRule LookingBack(DataParts part, int months) => this with { LookBackPart = part, LookBackMonths = months };
}
