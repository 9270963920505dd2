using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>B10: ordinary job seekers registered on M.end, and those of them followed up in M-2 … M.</summary>
public sealed class FollowupTests
{
    [Theory]
    [InlineData("2024-03-31", 1)]
    [InlineData("2024-03-01", 1)]
    [InlineData("2024-02-10", 1)]
    [InlineData("2024-01-01", 1)]
    [InlineData("2023-12-31", 0)]
    [InlineData("2024-04-01", 0)]
    public void A_follow_up_counts_from_the_start_of_M_minus_2_to_the_end_of_M(string followup, long expected)
    {
        var r = new TestBatch().Person("a", "1980-05-05").Jobseeker("a", "2023-01-01").Followup("a", followup)
            .Compute("2024-03", "2024-03");

        var value = r["B10", "2024-03"];
        Assert.Equal(expected, value.Numerator);
        Assert.Equal(1, value.Denominator);
        Assert.Equal(expected * 100.0, value.Value);
    }

    [Theory]
    [InlineData("2024-03-30", 0)]
    [InlineData("2024-03-31", 1)]
    [InlineData("2024-04-15", 1)]
    [InlineData(null, 1)]
    public void A_job_seeker_must_still_be_registered_on_the_last_day(string? registeredTo, long expected)
    {
        var r = new TestBatch().Person("a", "1980-05-05").Jobseeker("a", "2023-01-01", registeredTo).Followup("a", "2024-03-05")
            .Compute("2024-03", "2024-03");

        Assert.Equal(expected, r["B10", "2024-03"].Denominator);
        Assert.Equal(expected, r.Count("B10", "2024-03"));
    }

    [Fact]
    public void A_job_seeker_registered_after_the_month_is_not_counted()
    {
        var r = new TestBatch().Person("a", "1980-05-05").Jobseeker("a", "2024-04-01").Followup("a", "2024-03-05")
            .Compute("2024-03", "2024-03");

        Assert.Equal(0, r["B10", "2024-03"].Denominator);
        Assert.Null(r["B10", "2024-03"].Value);
    }

    [Fact]
    public void Other_groups_are_not_ordinary_job_seekers()
    {
        var r = new TestBatch()
            .Person("a", "1980-05-05").Jobseeker("a", "2023-01-01", group: JobseekerGroup.Annet).Followup("a", "2024-03-05")
            .Person("b", "1981-05-05").Jobseeker("b", "2023-01-01")
            .Compute("2024-03", "2024-03");

        Assert.Equal(0, r.Count("B10", "2024-03"));
        Assert.Equal(1, r["B10", "2024-03"].Denominator);
        Assert.Equal(0.0, r["B10", "2024-03"].Value);
    }

    [Fact]
    public void Followed_up_job_seekers_over_registered_ones()
    {
        var r = new TestBatch()
            .Person("a", "1980-05-05").Jobseeker("a", "2023-01-01").Followup("a", "2024-03-05").Followup("a", "2024-03-06")
            .Person("b", "1981-05-05").Jobseeker("b", "2023-01-01").Followup("b", "2023-11-05")
            .Person("c", "1982-05-05").Jobseeker("c", "2023-01-01").Followup("c", "2024-01-05")
            .Person("d", "1983-05-05").Followup("d", "2024-03-05")
            .Compute("2024-03", "2024-03");

        var value = r["B10", "2024-03"];
        Assert.Equal(2, value.Numerator);
        Assert.Equal(3, value.Denominator);
        Assert.Equal(2.0 / 3 * 100, value.Value);
    }
}
