using Malekort.Indicators;

namespace Malekort.Confidentiality;

/// <summary>
/// The suppression's relations are read from the declarations (issue 10 item 3): the indicators' rules and how the counters
/// are tied (<see cref="CounterRelations"/>), so a new indicator cannot be forgotten.
/// </summary>
public sealed class CountRelationsTests
{
    // The person counters that are within no other: every other one must say what it is within.
    private static readonly Counter[] Roots = [Counter.BL151, Counter.BL152, Counter.B51, Counter.B10Denominator, Counter.V104];

    public static TheoryData<string, string, string> NestedPairs() => new()
    {
        // whole, subset (a part "nevner" is the denominator; "forrige" the month before), what the difference counts
        { "BL151", "BL153", "recipients 25 and over" },
        { "BL151", "BL166", "recipients who are not long-term" },
        { "BL152", "BL154", "long-term on social assistance as livelihood, 25 and over" },
        { "BL152", "BL174", "long-term on social assistance as livelihood, not main provider" },
        { "BL152", "B.102.v2", "long-term on social assistance as livelihood without six months in a row" },
        { "B51", "B.151", "KVP participants whose programme ended in the month" },
        { "BL151", "FLYT.TILGANG", "recipients in both months" },
        { "BL151 forrige", "FLYT.AVGANG", "recipients in both months" },
        { "B.104 nevner", "B.104", "recipients without a child to provide for" },
        { "BL151", "V.101 nevner", "recipients under 18 or over 29" },
        { "V.101 nevner", "V.103", "recipients 18–29 without an exemption" },
        { "KOBLET.ARBEIDSSOKER", "KOBLET.OPPFOLGING", "recipient job seekers not followed up" },
        { "B10 nevner", "KOBLET.ARBEIDSSOKER", "job seekers who are not recipients" },
        { "KVP.ETTER.13 nevner", "KVP.ETTER.13", "ended KVP, situation other than 13" },
    };

    [Theory]
    [MemberData(nameof(NestedPairs))]
    public void Nested_counts_are_read_from_the_counters_the_indicators_are_declared_over(string whole, string subset, string remainder) =>
        Assert.Contains(new NestedCounts(Count(whole), Count(subset), remainder), CountRelations.Nested);

    [Theory]
    [InlineData("BL151", "B.101", false)]
    [InlineData("BL152", "B.102", false)]
    [InlineData("BL153", "B.103", false)]
    [InlineData("PL151 nevner", "PL151", false)]
    [InlineData("KVP.AVSLUTTET", "KVP.ETTER.01 nevner", false)]
    [InlineData("BL151", "B.104 nevner", true)]
    [InlineData("BL151", "KOBLET.OPPFOLGING nevner", true)]
    public void Numbers_over_the_same_counter_are_one_number_or_the_same_where_equal(string leader, string follower, bool whenEqual) =>
        Assert.Contains(new SameNumber(Count(leader), Count(follower), whenEqual), CountRelations.Same);

    [Fact]
    public void KVP_ended_is_the_sum_of_the_situations_after_it()
    {
        var sum = Assert.Single(CountRelations.Sums);
        Assert.Equal(Count("KVP.AVSLUTTET"), sum.Total);
        Assert.Equal(KvpSituation.All.Select(s => Count(KvpSituation.IndicatorPrefix + s.Code)), sum.Parts);
    }

    [Fact]
    public void Every_person_counter_is_declared_within_another_or_is_one_of_the_roots()
    {
        var forgotten = Enum.GetValues<Counter>().Where(Counters.CountsPersons)
            .Where(c => !Roots.Contains(c) && !CounterRelations.Within.Any(w => w.Subset == c)).ToList();
        Assert.True(forgotten.Count == 0, $"Tellere uten erklært helhet i CounterRelations.Within: {string.Join(", ", forgotten)}");
    }

    [Fact]
    public void Every_share_of_persons_has_its_numerator_declared_within_its_denominator()
    {
        var forgotten = IndicatorCatalog.All
            .Where(d => d.Rule.Per.Kind == PerKind.Counter && !CounterRelations.IsSumOfDays(d.Rule.Counts))
            .Where(d => !CountRelations.Nested.Contains(new NestedCounts(new CountOf(d.Code, ValuePart.Denominator), new CountOf(d.Code),
                CounterRelations.Within.FirstOrDefault(w => w.Subset == d.Rule.Counts && w.Whole == d.Rule.Per.Counts)?.Remainder ?? "")))
            .Select(d => d.Code).ToList();
        Assert.True(forgotten.Count == 0, $"Andeler uten relasjon mellom teller og nevner: {string.Join(", ", forgotten)}");
    }

    [Fact]
    public void Every_relation_names_indicators_that_exist()
    {
        var named = CountRelations.Same.SelectMany(s => new[] { s.Leader, s.Follower })
            .Concat(CountRelations.Nested.SelectMany(n => new[] { n.Whole, n.Subset }))
            .Concat(CountRelations.Sums.SelectMany(s => s.Parts.Prepend(s.Total)));
        Assert.All(named, c => Assert.NotNull(IndicatorCatalog.Find(c.Indicator)));
    }

    private static CountOf Count(string text)
    {
        var words = text.Split(' ');
        return new CountOf(words[0], words.Contains("nevner") ? ValuePart.Denominator : ValuePart.Numerator, words.Contains("forrige") ? 1 : 0);
    }
}
