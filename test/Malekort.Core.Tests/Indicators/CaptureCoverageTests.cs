using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>A part not captured is null (no value, grey); zero captured is a value.</summary>
public sealed class CaptureCoverageTests
{
    [Fact]
    public void A_month_outside_every_batch_is_not_captured()
    {
        var r = new TestBatch(from: "2023-01-01", to: "2024-01-31").Person("a", "1980-05-05").Paid("a", "2024-01-05", "2024-01-31")
            .Compute("2024-01", "2024-02");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
        Assert.Equal(new IndicatorValue(null, 1, null, ValueNotes.None, 0, 1), r["BL151", "2024-02"]);
        Assert.Null(r["PL151", "2024-02"].Numerator);
        Assert.Null(r["PL151", "2024-02"].Denominator);
        Assert.Null(r["B.101", "2024-02"].Numerator);
    }

    [Fact]
    public void A_batch_period_overlapping_the_month_by_one_day_captures_it()
    {
        var r = new TestBatch(from: "2023-01-01", to: "2024-02-01").Compute("2024-02", "2024-02");

        Assert.Equal(0, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void Zero_is_a_value_when_the_part_was_captured()
    {
        var r = new TestBatch().Compute("2024-01", "2024-01");

        foreach (var code in new[] { "BL151", "BL152", "BL153", "BL154", "BL166", "BL174", "B51", "B.151" })
        {
            Assert.Equal(new IndicatorValue(0, 1, 0.0, ValueNotes.None, 1, 1), r[code, "2024-01"]);
        }
    }

    [Theory]
    [InlineData(CaptureDomains.Kvp, "B51")]
    [InlineData(CaptureDomains.Kvp, "B.151")]
    [InlineData(CaptureDomains.Cases, "PL151")]
    [InlineData(CaptureDomains.Jobseekers, "B10")]
    [InlineData(CaptureDomains.Followups, "B10")]
    [InlineData(CaptureDomains.Livelihood, "BL152")]
    [InlineData(CaptureDomains.Livelihood, "B.102")]
    [InlineData(CaptureDomains.Family, "BL174")]
    [InlineData(CaptureDomains.Family, "B.104")]
    [InlineData(CaptureDomains.Payments, "BL151")]
    [InlineData(CaptureDomains.Payments, "BL166")]
    [InlineData(CaptureDomains.Payments, "BL152")]
    public void An_indicator_whose_part_the_batch_lacks_is_not_captured(CaptureDomains missing, string indicator)
    {
        var r = new TestBatch(parts: TestBatch.AllParts & ~missing).Person("a", "1980-05-05").PaidIn("a", "2024-01")
            .Compute("2024-01", "2024-01");

        Assert.Null(r.Count(indicator, "2024-01"));
        Assert.Null(r[indicator, "2024-01"].Value);
    }

    [Fact]
    public void Indicators_of_parts_the_batch_has_are_captured_when_others_are_missing()
    {
        var r = new TestBatch(parts: CaptureDomains.Persons | CaptureDomains.Payments).Person("a", "1980-05-05").PaidIn("a", "2024-01")
            .Compute("2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
        Assert.Equal(0, r.Count("BL166", "2024-01"));
        Assert.Null(r.Count("B51", "2024-01"));
        // B.104's denominator is BL151, which was captured; its numerator needs family data.
        Assert.Null(r["B.104", "2024-01"].Numerator);
        Assert.Equal(1, r["B.104", "2024-01"].Denominator);
    }

    [Fact]
    public void A_unit_without_data_has_nothing_captured()
    {
        var r = new TestBatch().Compute("2024-01", "2024-01");

        Assert.Equal(new IndicatorValue(null, 1, null, ValueNotes.None, 0, 1), r["BL151", "2024-01", "3103"]);
        Assert.False(r.Results.Has(Units.UnitCode.Parse("3103")));
    }
}
