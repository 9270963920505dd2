namespace Malekort.Indicators;

/// <summary>Stock flow: inflow = recipients in M not in M-1; outflow = recipients in M-1 not in M.</summary>
public sealed class StockFlowTests
{
    [Fact]
    public void Inflow_and_outflow_compare_the_month_with_the_one_before()
    {
        var r = new TestBatch()
            .Person("a", "1980-05-05").PaidIn("a", "2024-01", "2024-02", "2024-03")
            .Person("b", "1981-05-05").PaidIn("b", "2024-02")
            .Person("c", "1982-05-05").PaidIn("c", "2023-12", "2024-01")
            .Person("d", "1983-05-05").PaidIn("d", "2024-01", "2024-03")
            .Compute("2024-01", "2024-03");

        Assert.Equal(2, r.Count("FLYT.TILGANG", "2024-01"));
        Assert.Equal(0, r.Count("FLYT.AVGANG", "2024-01"));
        Assert.Equal(1, r.Count("FLYT.TILGANG", "2024-02"));
        Assert.Equal(2, r.Count("FLYT.AVGANG", "2024-02"));
        Assert.Equal(1, r.Count("FLYT.TILGANG", "2024-03"));
        Assert.Equal(1, r.Count("FLYT.AVGANG", "2024-03"));
    }

    [Fact]
    public void Flow_needs_the_month_before_captured_too()
    {
        var r = new TestBatch(from: "2024-01-01").Person("a", "1980-05-05").PaidIn("a", "2024-01").Compute("2024-01", "2024-02");

        Assert.Null(r.Count("FLYT.TILGANG", "2024-01"));
        Assert.Equal(0, r.Count("FLYT.TILGANG", "2024-02"));
        Assert.Equal(1, r.Count("FLYT.AVGANG", "2024-02"));
    }
}
