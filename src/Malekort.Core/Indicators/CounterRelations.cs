namespace Malekort.Indicators;

/// <summary>
/// The persons of <paramref name="Subset"/> are among those of <paramref name="Whole"/> (counted
/// <paramref name="WholeMonthsBack"/> months before) in every unit and month, so the difference counts persons too: an
/// unpublished count that two shown numbers would publish (docs/indicators.md's definitions).
/// </summary>
/// <param name="Subset">The narrower counter.</param>
/// <param name="Whole">The wider counter.</param>
/// <param name="Remainder">What the difference counts (English, for reading); containments naming the same remainder share it.</param>
/// <param name="WholeMonthsBack">0 when both count the same month; 1 when the whole is the month before (the stock flow).</param>
public sealed record CounterWithin(Counter Subset, Counter Whole, string Remainder, int WholeMonthsBack = 0);

/// <summary>
/// How the engine's counters are tied to each other, declared once beside them (issue 10 item 3): which counter's persons are
/// among another's, which add up, and which is a sum of days rather than a count. The suppression's relations
/// (<c>Confidentiality.CountRelations</c>) are read from these and the indicators' rules, so an indicator declared over these
/// counters is protected without naming it; a new person counter declares here what it is within
/// (<c>CounterRelationsTests</c> fails otherwise).
/// </summary>
public static class CounterRelations
{
    /// <summary>Every containment of one counter's persons in another's.</summary>
    public static IReadOnlyList<CounterWithin> Within { get; } =
    [
        new(Counter.BL153, Counter.BL151, "recipients 25 and over"),
        new(Counter.BL166, Counter.BL151, "recipients who are not long-term"),
        new(Counter.BL154, Counter.BL152, "long-term on social assistance as livelihood, 25 and over"),
        new(Counter.BL174, Counter.BL152, "long-term on social assistance as livelihood, not main provider"),
        new(Counter.BL152Consecutive, Counter.BL152, "long-term on social assistance as livelihood without six months in a row"),
        new(Counter.B151, Counter.B51, "KVP participants whose programme ended in the month"),
        // Stock flow: recipients(M) − inflow(M) = recipients(M−1) − outflow(M), the recipients of both months: the one
        // relation across months (docs/decisions.md, differences across months).
        new(Counter.Inflow, Counter.BL151, "recipients in both months"),
        new(Counter.Outflow, Counter.BL151, "recipients in both months", WholeMonthsBack: 1),
        new(Counter.B104, Counter.BL151, "recipients without a child to provide for"),
        new(Counter.B10, Counter.B10Denominator, "job seekers not followed up"),
        new(Counter.V101, Counter.V101Denominator, "recipients 18–29 without an activity condition"),
        new(Counter.V102, Counter.BL151, "recipients without a condition"),
        new(Counter.V101Denominator, Counter.BL151, "recipients under 18 or over 29"),
        new(Counter.V103, Counter.V101Denominator, "recipients 18–29 without an exemption"),
        // The linked Arena indicators (issue 10 item 5): the recipients among B10's job seekers and followed-up job seekers.
        new(Counter.LinkedJobseeker, Counter.BL151, "recipients who are not job seekers"),
        new(Counter.LinkedFollowedUp, Counter.BL151, "recipients who are not followed-up job seekers"),
        new(Counter.LinkedFollowedUp, Counter.LinkedJobseeker, "recipient job seekers not followed up"),
        new(Counter.LinkedJobseeker, Counter.B10Denominator, "job seekers who are not recipients"),
        new(Counter.LinkedFollowedUp, Counter.B10, "followed-up job seekers who are not recipients"),
        // Each situation after KVP counts some of those who ended it.
        .. KvpSituation.All.Select((s, i) => new CounterWithin(Counters.Situation(i), Counter.KvpEnded, $"ended KVP, situation other than {s.Code}")),
    ];

    /// <summary>Counters that add up in every unit and month where the numbers bear it out: KVP ended, by the situation after it.</summary>
    public static IReadOnlyList<(Counter Total, IReadOnlyList<Counter> Parts)> Sums { get; } =
    [
        (Counter.KvpEnded, [.. KvpSituation.All.Select((_, i) => Counters.Situation(i))]),
    ];

    /// <summary>
    /// Whether the counter is a sum of days, not a count of persons or cases (PL151's days): never hidden for itself, it goes
    /// with the count of cases it is divided by.
    /// </summary>
    public static bool IsSumOfDays(Counter counter) => counter == Counter.PL151Days;
}
