namespace Malekort.Indicators;

/// <summary>B51 (participants during M, status ignored), B.151 (participants at M.end) and the KVP follow-up measures.</summary>
public sealed class KvpTests
{
    private static Computed Participation(string start, string? end = null, int? status = null) =>
        new TestBatch().Person("a", "1980-05-05").Kvp("a", start, end, status).Compute("2024-01", "2024-03");

    [Fact]
    public void Ending_on_the_first_day_of_a_month_counts_in_B51_for_that_month_but_not_in_B151()
    {
        var r = Participation("2023-06-01", "2024-02-01");

        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
        Assert.Equal(1, r.Count("B51", "2024-02"));
        Assert.Equal(0, r.Count("B.151", "2024-02"));
        Assert.Equal(0, r.Count("B51", "2024-03"));
    }

    [Fact]
    public void Ending_on_the_last_day_of_a_month_counts_in_B51_but_not_in_B151_which_needs_an_end_after_it()
    {
        var r = Participation("2023-06-01", "2024-02-29");

        Assert.Equal(1, r.Count("B51", "2024-02"));
        Assert.Equal(0, r.Count("B.151", "2024-02"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
        Assert.Equal(0, r.Count("B51", "2024-03"));
    }

    [Fact]
    public void Starting_after_the_month_ends_is_not_counted_in_it()
    {
        var r = Participation("2024-02-01");

        Assert.Equal(0, r.Count("B51", "2024-01"));
        Assert.Equal(0, r.Count("B.151", "2024-01"));
        Assert.Equal(1, r.Count("B51", "2024-02"));
        Assert.Equal(1, r.Count("B.151", "2024-02"));
        Assert.Equal(1, r.Count("B.151", "2024-03"));
    }

    [Fact]
    public void Starting_on_the_last_day_of_the_month_counts_in_both()
    {
        var r = Participation("2024-01-31");

        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
    }

    [Fact]
    public void Starting_and_ending_inside_one_month_counts_in_B51_only()
    {
        var r = Participation("2024-02-05", "2024-02-20");

        Assert.Equal(0, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B51", "2024-02"));
        Assert.Equal(0, r.Count("B.151", "2024-02"));
        Assert.Equal(0, r.Count("B51", "2024-03"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(null)]
    public void B51_ignores_the_participation_status(int? status)
    {
        var r = Participation("2023-06-01", null, status);

        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
    }

    [Fact]
    public void Two_participations_of_one_person_count_once()
    {
        var r = new TestBatch().Person("a", "1980-05-05")
            .Kvp("a", "2023-01-01", "2024-01-10").Kvp("a", "2024-01-20")
            .Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
    }

    [Fact]
    public void KVP_events_are_counted_in_the_month_they_happen()
    {
        var r = new TestBatch()
            .Person("a", "1980-05-05").Kvp("a", "2024-02-01", "2024-03-15", registered: "2024-01-05", decision: "2024-01-25")
            .Person("b", "1985-05-05").Kvp("b", "2023-06-01", "2024-03-31", registered: "2023-05-01", decision: "2023-05-20")
            .Compute("2024-01", "2024-03");

        Assert.Equal(1, r.Count("KVP.SOKNADER", "2024-01"));
        Assert.Equal(1, r.Count("KVP.VEDTAK", "2024-01"));
        Assert.Equal(0, r.Count("KVP.STARTET", "2024-01"));
        Assert.Equal(1, r.Count("KVP.STARTET", "2024-02"));
        Assert.Equal(0, r.Count("KVP.AVSLUTTET", "2024-02"));
        Assert.Equal(2, r.Count("KVP.AVSLUTTET", "2024-03"));
    }

    [Fact]
    public void Situation_after_the_programme_is_a_share_of_those_who_ended_in_the_month()
    {
        var r = new TestBatch()
            .Person("a", "1980-05-05").Kvp("a", "2023-06-01", "2024-03-10", situationAfter: ["01"])
            .Person("b", "1981-05-05").Kvp("b", "2023-06-01", "2024-03-20", situationAfter: ["01", "04"])
            .Person("c", "1982-05-05").Kvp("c", "2023-06-01", "2024-03-25", situationAfter: ["14"])
            .Person("d", "1983-05-05").Kvp("d", "2023-06-01", "2024-03-26")
            .Compute("2024-03", "2024-03");

        var work = r["KVP.ETTER.01", "2024-03"];
        Assert.Equal(2, work.Numerator);
        Assert.Equal(4, work.Denominator);
        Assert.Equal(50.0, work.Value);
        Assert.Equal(1, r.Count("KVP.ETTER.04", "2024-03"));
        Assert.Equal(25.0, r["KVP.ETTER.14", "2024-03"].Value);
        Assert.Equal(0.0, r["KVP.ETTER.13", "2024-03"].Value);
    }
}
