using Malekort.Indicators;

namespace Malekort.Confidentiality;

/// <summary>A part of an indicator's value.</summary>
public enum ValuePart
{
    /// <summary>The numerator (a count's count).</summary>
    Numerator,
    /// <summary>The denominator.</summary>
    Denominator,
}

/// <summary>One number of a unit: an indicator's numerator or denominator in a month, or in the month before.</summary>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Part">Numerator or denominator.</param>
/// <param name="MonthsBack">0 for the month itself, 1 for the month before.</param>
public sealed record CountOf(string Indicator, ValuePart Part = ValuePart.Numerator, int MonthsBack = 0);

/// <summary>
/// The persons counted by <paramref name="Subset"/> are among those counted by <paramref name="Whole"/> in every unit and
/// month, so <c>Whole − Subset</c> counts persons too: shown side by side they publish it.
/// </summary>
/// <param name="Whole">The wider count.</param>
/// <param name="Subset">The narrower count.</param>
/// <param name="Remainder">What the difference counts (English, for reading); pairs naming the same remainder share it.</param>
public sealed record NestedCounts(CountOf Whole, CountOf Subset, string Remainder);

/// <summary>
/// Two numbers of the same unit and month that are the same number (a share's numerator and the count it is) or hidden
/// together (PL151's days with its cases): <paramref name="Follower"/> is shown exactly when <paramref name="Leader"/> is.
/// </summary>
/// <param name="Leader">The number suppression decides about.</param>
/// <param name="Follower">The number that follows it.</param>
/// <param name="WhenEqual">Only where the two happen to be equal (B.104's denominator is BL151 over the units with family
/// data); elsewhere the follower is decided on its own.</param>
public sealed record SameNumber(CountOf Leader, CountOf Follower, bool WhenEqual = false);

/// <summary>
/// Counts of one unit and month that add up: <paramref name="Total"/> is the sum of <paramref name="Parts"/> (KVP ended, by
/// the situation after it).
/// </summary>
/// <param name="Total">The total.</param>
/// <param name="Parts">The parts.</param>
public sealed record SumOfCounts(CountOf Total, IReadOnlyList<CountOf> Parts);

/// <summary>
/// How the indicators' numbers are tied to each other within a unit, declared once (issue 10 item 3): what complementary
/// suppression protects besides the sums of units into offices, Oslo, counties and the country (Aggregation). A new
/// indicator adds its ties here; a relation is only used where a unit's numbers bear it out (DisclosureModel).
/// </summary>
public static class CountRelations
{
    /// <summary>The numbers that are one number, or hidden together.</summary>
    public static IReadOnlyList<SameNumber> Same { get; } =
    [
        new(new("BL151"), new("B.101")),
        new(new("BL152"), new("B.102")),
        new(new("BL153"), new("B.103")),
        // PL151's numerator is a sum of days, not a count: it goes with its number of cases.
        new(new("PL151", ValuePart.Denominator), new("PL151")),
        // Shares of the recipients (BL151) over the units whose numerator is captured: the same number where they are the
        // same units.
        .. new[] { "B.104", "V.102", "KOBLET.ARBEIDSSOKER", "KOBLET.OPPFOLGING" }
            .Select(share => new SameNumber(new("BL151"), new(share, ValuePart.Denominator), WhenEqual: true)),
        .. KvpSituation.All.Select(s => new SameNumber(new("KVP.AVSLUTTET"), new(KvpSituation.IndicatorPrefix + s.Code, ValuePart.Denominator))),
    ];

    /// <summary>Counts of persons that include other counts of persons (docs/indicators.md's definitions).</summary>
    public static IReadOnlyList<NestedCounts> Nested { get; } =
    [
        new(new("BL151"), new("BL153"), "recipients 25 and over"),
        new(new("BL151"), new("BL166"), "recipients who are not long-term"),
        new(new("BL152"), new("BL154"), "long-term on social assistance as livelihood, 25 and over"),
        new(new("BL152"), new("BL174"), "long-term on social assistance as livelihood, not main provider"),
        // B.102's second version (issue 11 item 7) counts those of BL152's persons whose months include six in a row.
        new(new("BL152"), new("B.102.v2"), "long-term on social assistance as livelihood without six months in a row"),
        new(new("B51"), new("B.151"), "KVP participants whose programme ended in the month"),
        // Stock flow: recipients(M) − inflow(M) = recipients(M−1) − outflow(M), the recipients of both months. This is the
        // one relation across months (docs/decisions.md, differences across months).
        new(new("BL151"), new("FLYT.TILGANG"), "recipients in both months"),
        new(new("BL151", MonthsBack: 1), new("FLYT.AVGANG"), "recipients in both months"),
        ShareOf("B.104", "recipients without a child to provide for"),
        ShareOf("B10", "job seekers not followed up"),
        ShareOf("V.101", "recipients 18–29 without an activity condition"),
        ShareOf("V.102", "recipients without a condition"),
        // V.101's denominator is the recipients 18–29; V.103 counts those of them with an exemption and no activity condition.
        new(new("BL151"), new("V.101", ValuePart.Denominator), "recipients under 18 or over 29"),
        new(new("V.101", ValuePart.Denominator), new("V.103"), "recipients 18–29 without an exemption"),
        // The linked Arena indicators (issue 10 item 5): KOBLET.OPPFOLGING ⊆ KOBLET.ARBEIDSSOKER ⊆ BL151, and each is the
        // recipients among B10's job seekers (denominator) or followed-up job seekers (numerator).
        ShareOf("KOBLET.ARBEIDSSOKER", "recipients who are not job seekers"),
        ShareOf("KOBLET.OPPFOLGING", "recipients who are not followed-up job seekers"),
        new(new("KOBLET.ARBEIDSSOKER"), new("KOBLET.OPPFOLGING"), "recipient job seekers not followed up"),
        new(new("B10", ValuePart.Denominator), new("KOBLET.ARBEIDSSOKER"), "job seekers who are not recipients"),
        new(new("B10"), new("KOBLET.OPPFOLGING"), "followed-up job seekers who are not recipients"),
        // Each situation after KVP is a share of those who ended it (its denominator is KVP.AVSLUTTET); where the situations
        // do not add up to it (Sums), each still counts some of them.
        .. KvpSituation.All.Select(s => ShareOf(KvpSituation.IndicatorPrefix + s.Code, $"ended KVP, situation other than {s.Code}")),
    ];

    /// <summary>Counts of one unit and month that add up.</summary>
    public static IReadOnlyList<SumOfCounts> Sums { get; } =
    [
        new(new("KVP.AVSLUTTET"), [.. KvpSituation.All.Select(s => new CountOf(KvpSituation.IndicatorPrefix + s.Code))]),
    ];

    /// <summary>Whether the indicator's part is a number that can be hidden: a count of persons or cases (a count's
    /// denominator is 1, and SSB's populations are published, spec "Population").</summary>
    public static bool CanHide(IndicatorDefinition definition, ValuePart part)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return part == ValuePart.Numerator || (definition.Kind != ValueKind.Count && !IndicatorCatalog.PopulationDenominators.Contains(definition.Code));
    }

    // A share whose numerator counts some of the persons its denominator counts.
    private static NestedCounts ShareOf(string indicator, string remainder) =>
        new(new(indicator, ValuePart.Denominator), new(indicator), remainder);
}
