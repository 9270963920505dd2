using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>
/// Every rule of <c>indicators.md</c>, each in one place. The person-level rules decide what a person is in a month;
/// the indicator rules, named after the spec's codes, combine them. The engine evaluates the indicator rules on
/// 64 months at a time: bit <c>i</c> of a word is one month.
/// </summary>
public static class IndicatorRules
{
    /// <summary>Main livelihood code for social assistance (KOSTRA VKLO 5 = Sosialhjelp).</summary>
    public const int SocialAssistanceLivelihood = 5;

    /// <summary>Long-term: at least this many months with assistance in window(M) (spec "long-term in M").</summary>
    public const int LongTermMonths = 6;

    /// <summary>The window for long-term: M-11 … M.</summary>
    public const int WindowMonths = 12;

    /// <summary>"Under 25" = age ≤ 24 on M.end.</summary>
    public const int YoungAgeLimit = 25;

    /// <summary>A child is "under 18" = age ≤ 17 on M.end.</summary>
    public const int ChildAgeLimit = 18;

    /// <summary>A provider (hovedforsørger) has a child with at least this calculation percentage.</summary>
    public const int MainProviderPercent = 50;

    /// <summary>B10 looks for a follow-up in M-2 … M.</summary>
    public const int FollowupMonths = 3;

    /// <summary>
    /// A social assistance payment: benefit type classified <c>OKONOMISK_SOSIALHJELP</c> (loans included when so
    /// classified) and status paid. Planned, stopped and cancelled payments, kvalifiseringsstønad and ANNET never count.
    /// </summary>
    public static bool CountsAsSocialAssistance(BenefitCategory category, PaymentStatus status) =>
        category == BenefitCategory.OkonomiskSosialhjelp && status == PaymentStatus.Utbetalt;

    /// <summary>
    /// The days a payment covers (spec "payment in month M", Choice): its period [period_from, period_to]; a payment with
    /// no period covers the day of its payment date. The payment counts in every month the days overlap.
    /// </summary>
    public static (int FromDay, int ToDay) PaymentDays(DateOnly? paymentDate, DateOnly? periodFrom, DateOnly? periodTo)
    {
        if (periodFrom is { } from && periodTo is { } to) return (from.DayNumber, to.DayNumber);
        var day = (paymentDate ?? periodFrom ?? periodTo)?.DayNumber ?? int.MinValue;
        return (day, day);
    }

    /// <summary>Provider (hovedforsørger): a child's calculation percentage (beregningsprosent) is 50 or more.</summary>
    public static bool IsMainProvider(int? calculationPercent) => calculationPercent >= MainProviderPercent;

    /// <summary>Provider duty in the household (KOSTRA BU18 = 1): provider duty and the child lives in the household.</summary>
    public static bool HasProviderDutyInHousehold(bool? providerDuty, bool? inHousehold) => providerDuty == true && inHousehold == true;

    /// <summary>Under 25 in M: age on M.end ≤ 24.</summary>
    public static bool IsYoung(DateOnly birth, Month month) => Age.InMonth(birth, month) < YoungAgeLimit;

    /// <summary>A child in M: born by M.end and aged ≤ 17 on M.end.</summary>
    public static bool IsChild(DateOnly birth, Month month) => birth <= month.End && Age.InMonth(birth, month) < ChildAgeLimit;

    /// <summary>B51 (Choice "etter starten av aktiv måned"): start ≤ M.end and (no end or end ≥ M.start). Status is ignored.</summary>
    public static bool IsB51Participant(DateOnly start, DateOnly? end, Month month) =>
        start <= month.End && (end is null || end.Value >= month.Start);

    /// <summary>B.151: in the programme at the end of the month: start ≤ M.end and (no end or end &gt; M.end).</summary>
    public static bool IsB151Participant(DateOnly start, DateOnly? end, Month month) =>
        start <= month.End && (end is null || end.Value > month.End);

    /// <summary>B10's denominator: an ordinary job seeker registered on M.end (registered_from ≤ M.end ≤ registered_to or open).</summary>
    public static bool IsRegisteredAtMonthEnd(DateOnly from, DateOnly? to, Month month) =>
        from <= month.End && (to is null || to.Value >= month.End);

    /// <summary>PL151: processing days = approved_date − received_date in whole days.</summary>
    public static int ProcessingDays(DateOnly received, DateOnly approved) => approved.DayNumber - received.DayNumber;

    /// <summary>Long-term for each month: at least 6 months with assistance in that month's 12-month window.</summary>
    internal static void LongTerm(ReadOnlySpan<ulong> recipient, Span<ulong> longTerm)
    {
        longTerm.Clear();
        var months = recipient.Length * 64;
        var inWindow = 0;
        for (var i = 0; i < months; i++)
        {
            if (MonthBits.Get(recipient, i)) inWindow++;
            if (i >= WindowMonths && MonthBits.Get(recipient, i - WindowMonths)) inWindow--;
            if (inWindow >= LongTermMonths) MonthBits.Set(longTerm, i);
        }
    }

    // The indicators, by the spec's code, on one word of months of one person (see PersonMonths).
    // B.101, B.102 and B.103 share their numerators with BL151, BL152 and BL153.

    /// <summary>BL151: recipients in M.</summary>
    internal static ulong BL151(in PersonMonths p) => p.Recipient;

    /// <summary>BL152: long-term in M with main livelihood 5 in M (no payment in M itself required; this is in the source).</summary>
    internal static ulong BL152(in PersonMonths p) => p.LongTerm & p.Livelihood5;

    /// <summary>BL153: recipients in M aged ≤ 24.</summary>
    internal static ulong BL153(in PersonMonths p) => p.Recipient & p.Young;

    /// <summary>BL154: BL152 persons aged ≤ 24.</summary>
    internal static ulong BL154(in PersonMonths p) => BL152(p) & p.Young;

    /// <summary>BL166: recipients in M who are long-term in M.</summary>
    internal static ulong BL166(in PersonMonths p) => p.Recipient & p.LongTerm;

    /// <summary>BL174: BL152 persons who are provider (hovedforsørger) in M.</summary>
    internal static ulong BL174(in PersonMonths p) => BL152(p) & p.MainProvider;

    /// <summary>B51: KVP participants during M.</summary>
    internal static ulong B51(in PersonMonths p) => p.KvpDuring;

    /// <summary>B.104 numerator: recipients in M with provider duty for a child under 18 in the household.</summary>
    internal static ulong B104(in PersonMonths p) => p.Recipient & p.DutyInHousehold;

    /// <summary>B.151: KVP participants at the end of M.</summary>
    internal static ulong B151(in PersonMonths p) => p.KvpAtEnd;

    /// <summary>B10 numerator: ordinary job seekers registered on M.end followed up in M-2 … M.</summary>
    internal static ulong B10(in PersonMonths p) => p.Jobseeker & p.FollowedUp;

    /// <summary>B10 denominator: ordinary job seekers registered on M.end.</summary>
    internal static ulong B10Denominator(in PersonMonths p) => p.Jobseeker;

    /// <summary>Stock flow, inflow: recipients in M who were not in M-1.</summary>
    internal static ulong Inflow(in PersonMonths p) => p.Recipient & ~p.RecipientPrevious;

    /// <summary>Stock flow, outflow: recipients in M-1 who are not in M.</summary>
    internal static ulong Outflow(in PersonMonths p) => p.RecipientPrevious & ~p.Recipient;
}

/// <summary>One word (64 months) of one person's month facts; bit i is month base+64w+i.</summary>
internal readonly record struct PersonMonths(
    ulong Recipient,
    ulong RecipientPrevious,
    ulong LongTerm,
    ulong Livelihood5,
    ulong Young,
    ulong MainProvider,
    ulong DutyInHousehold,
    ulong KvpDuring,
    ulong KvpAtEnd,
    ulong Jobseeker,
    ulong FollowedUp);
