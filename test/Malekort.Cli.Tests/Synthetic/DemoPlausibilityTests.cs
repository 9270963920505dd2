namespace Malekort.Cli.Synthetic;

// The demo's numbers against the approximate national levels stated in src/Malekort.Cli/Synthetic/README.md,
// computed from the generated rows of 2024 (every month has a full 12-month window of data behind it).
public sealed class DemoPlausibilityTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    private DemoStatistics Stats => demo.Statistics;

    [Fact]
    public void Every_unit_has_between_0_5_and_4_5_per_cent_of_its_18_to_66_year_olds_as_recipients_every_month()
    {
        Assert.Equal(DemoStatistics.Population.Count * 12, Stats.Recipients.Count);
        Assert.All(Stats.Recipients, r =>
            Assert.InRange(100.0 * r.Value / DemoStatistics.Population[r.Key.Unit], 0.5, 4.5));
    }

    [Fact]
    public void Units_differ_enough_to_compare_the_highest_share_of_recipients_is_at_least_four_times_the_lowest()
    {
        var shares = Stats.Recipients.Where(r => r.Key.Month == new Periods.Month(2024, 12))
            .Select(r => (double)r.Value / DemoStatistics.Population[r.Key.Unit]).ToList();

        Assert.True(shares.Max() >= 4 * shares.Min(), $"{shares.Min():P2} … {shares.Max():P2}");
    }

    [Fact]
    public void About_4_per_cent_receive_assistance_in_a_year_and_about_4_in_10_of_them_for_6_months_or_more()
    {
        var population = DemoStatistics.Population.Values.Sum();

        Assert.InRange(100.0 * Stats.YearRecipients / population, 3.0, 5.5);
        Assert.InRange(Share(Stats.YearRecipientsSixMonths, Stats.YearRecipients), 33, 48);
    }

    [Fact]
    public void More_than_half_of_a_months_recipients_are_long_term()
    {
        Assert.InRange(Share(Stats.LongTerm, Stats.RecipientMonths), 45, 70);
    }

    [Fact]
    public void About_one_recipient_in_seven_is_under_25()
    {
        Assert.InRange(Share(Stats.Under25, Stats.RecipientMonths), 10, 20);
    }

    [Fact]
    public void About_half_live_mainly_on_social_assistance()
    {
        Assert.InRange(Share(Stats.MainLivelihoodAssistance, Stats.RecipientMonths), 40, 65);
    }

    [Fact]
    public void About_a_quarter_provide_for_children_under_18_in_their_household()
    {
        Assert.InRange(Share(Stats.ProviderDuty, Stats.RecipientMonths), 18, 35);
    }

    [Fact]
    public void A_recipient_gets_one_to_three_payments_a_month()
    {
        Assert.InRange(Stats.PaymentsInRecipientMonths / (double)Stats.RecipientMonths, 1.2, 3.0);
    }

    [Fact]
    public void About_0_15_to_0_2_per_cent_are_in_the_qualification_programme()
    {
        Assert.InRange(Share(Stats.KvpParticipantMonths, Stats.PopulationMonths), 0.10, 0.30);
    }

    [Fact]
    public void About_2_to_3_per_cent_are_registered_job_seekers_and_most_ordinary_ones_are_followed_up()
    {
        Assert.InRange(Share(Stats.JobseekerMonths, Stats.PopulationMonths), 1.5, 3.5);
        Assert.InRange(Share(Stats.FollowedUp, Stats.OrdinaryJobseekerMonths), 65, 85);
    }

    [Fact]
    public void Applications_take_10_to_20_days_on_average()
    {
        Assert.InRange(Stats.ProcessingDays / (double)Stats.Cases, 10, 20);
    }

    private static double Share(long part, long whole) => 100.0 * part / whole;

    [Fact]
    public void Most_recipients_under_30_have_an_activity_condition_a_minority_are_exempted_and_few_are_sanctioned()
    {
        Assert.InRange(Share(Stats.YoungWithActivityCondition, Stats.YoungRecipientMonths), 60, 90);
        Assert.InRange(Share(Stats.YoungExempted, Stats.YoungRecipientMonths), 3, 25);
        Assert.InRange(Share(Stats.WithAnyCondition, Stats.RecipientMonths), 30, 65);
        Assert.InRange(Share(Stats.SanctionedMonths, Stats.RecipientMonths), 0.05, 2);
    }
}
