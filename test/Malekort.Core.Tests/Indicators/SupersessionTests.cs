using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>Combining batches: a newer extract supersedes older ones for the days it covers, part by part.</summary>
public sealed class SupersessionTests
{
    // The older extract covers 2023-01-01 … 2024-02-29; the newer one 2024-02-01 … 2024-03-31.
    private static TestBatch Older(CaptureDomains parts = TestBatch.AllParts) =>
        new TestBatch(from: "2023-01-01", to: "2024-02-29", extractedAt: "2024-03-05T05:00:00Z", parts: parts);

    private static TestBatch Newer(CaptureDomains parts = TestBatch.AllParts) =>
        new TestBatch(from: "2024-02-01", to: "2024-03-31", extractedAt: "2024-04-02T05:00:00Z", parts: parts);

    [Fact]
    public void A_newer_batch_overrides_a_payment_on_the_days_it_covers()
    {
        // The older extract had a February payment that was later cancelled: the newer one no longer lists it as paid.
        var older = Older().Person("a", "1980-05-05").Paid("a", "2024-02-05", "2024-02-29").Paid("a", "2024-01-05", "2024-01-31");
        var newer = Newer().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-02-05", periodFrom: "2024-02-05", periodTo: "2024-02-29", status: PaymentStatus.Annullert);

        var r = TestBatch.Compute([older, newer], "2024-01", "2024-03");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
        Assert.Equal(0, r.Count("BL151", "2024-02"));
        Assert.Equal(0, r.Count("BL151", "2024-03"));
    }

    [Fact]
    public void The_extract_time_decides_not_the_order_batches_are_added()
    {
        var older = Older().Person("a", "1980-05-05").Paid("a", "2024-02-05", "2024-02-29");
        var newer = Newer().Person("a", "1980-05-05");

        var r = TestBatch.Compute([newer, older], "2024-02", "2024-02");

        Assert.Equal(0, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void The_older_batch_is_still_the_truth_for_the_days_the_newer_does_not_cover()
    {
        // Dated 31 January, before the newer batch starts, with a period running into February.
        var older = Older().Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-01-31", periodFrom: "2024-01-31", periodTo: "2024-02-15");
        var newer = Newer().Person("a", "1980-05-05").Person("b", "1990-05-05").Paid("b", "2024-03-01", "2024-03-31");

        var r = TestBatch.Compute([older, newer], "2024-01", "2024-03");

        Assert.Equal(1, r.Count("BL151", "2024-01"));
        Assert.Equal(1, r.Count("BL151", "2024-02"));
        Assert.Equal(1, r.Count("BL151", "2024-03"));
    }

    [Fact]
    public void A_batch_without_a_part_does_not_erase_that_part()
    {
        var older = Older().Person("a", "1980-05-05").Paid("a", "2024-02-05", "2024-02-29").Kvp("a", "2023-06-01");
        var newer = Newer(CaptureDomains.Persons | CaptureDomains.Jobseekers).Person("a", "1980-05-05");

        var r = TestBatch.Compute([older, newer], "2024-02", "2024-03");

        Assert.Equal(1, r.Count("BL151", "2024-02"));
        Assert.Equal(1, r.Count("B51", "2024-02"));
        // March is covered by neither batch's payments or KVP: not captured, not zero.
        Assert.Null(r.Count("BL151", "2024-03"));
        Assert.Null(r.Count("B51", "2024-03"));
        Assert.Null(r["B10", "2024-03"].Numerator);
        Assert.Equal(0, r["B10", "2024-03"].Denominator);
    }

    [Fact]
    public void Histories_are_read_per_month_from_the_newest_batch_overlapping_it()
    {
        var older = Older().Person("a", "1980-05-05").Livelihood("a", "2022-01-01", 5).Kvp("a", "2023-06-01")
            .PaidIn("a", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02");
        // The newer extract knows the livelihood changed and the programme ended (on 10 January).
        var newer = Newer().Person("a", "1980-05-05").Livelihood("a", "2022-01-01", 5).Livelihood("a", "2023-12-01", 1)
            .Kvp("a", "2023-06-01", "2024-01-10");

        var r = TestBatch.Compute([older, newer], "2024-01", "2024-02");

        Assert.Equal(1, r.Count("BL152", "2024-01"));
        Assert.Equal(0, r.Count("BL152", "2024-02"));
        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r.Count("B.151", "2024-01"));
        Assert.Equal(0, r.Count("B51", "2024-02"));
    }

    [Fact]
    public void A_person_absent_from_the_newer_yearly_extract_keeps_the_older_one_s_histories()
    {
        // The January step of issue 9: long-term with livelihood 5 from 2023's payments, no payment yet in 2024.
        var y2023 = new TestBatch(from: "2023-01-01", to: "2023-12-31", extractedAt: "2024-01-05T05:00:00Z").Person("a", "1980-05-05")
            .Livelihood("a", "2020-01-01", 5).Child("a", "2015-01-01", percent: 100).Kvp("a", "2023-10-01").Jobseeker("a", "2023-02-01")
            .PaidIn("a", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12");
        var y2024 = new TestBatch(from: "2024-01-01", to: "2024-12-31", extractedAt: "2025-01-06T05:00:00Z").Person("b", "1990-01-01")
            .PaidIn("b", "2024-01");

        var r = TestBatch.Compute([y2023, y2024], "2023-12", "2024-07");

        foreach (var month in new[] { "2023-12", "2024-01", "2024-06" })
        {
            Assert.Equal(1, r.Count("BL152", month));
            Assert.Equal(1, r.Count("BL174", month));
            Assert.Equal(1, r.Count("B51", month));
            Assert.Equal(1, r["B10", month].Denominator);
        }
        // 2023-07 … 2023-12 is six months; from July 2024 the window holds five.
        Assert.Equal(0, r.Count("BL152", "2024-07"));
    }

    [Fact]
    public void A_person_the_newer_extract_lists_takes_its_histories_even_when_they_are_empty()
    {
        var y2023 = new TestBatch(from: "2023-01-01", to: "2023-12-31", extractedAt: "2024-01-05T05:00:00Z").Person("a", "1980-05-05")
            .Livelihood("a", "2020-01-01", 5).PaidIn("a", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12");
        // The newer extract lists a, with a new livelihood from January and none of the old.
        var y2024 = new TestBatch(from: "2024-01-01", to: "2024-12-31", extractedAt: "2025-01-06T05:00:00Z").Person("a", "1980-05-05")
            .Livelihood("a", "2024-01-10", 1).PaidIn("a", "2024-01");

        var r = TestBatch.Compute([y2023, y2024], "2023-12", "2024-01");

        Assert.Equal(1, r.Count("BL152", "2023-12"));
        Assert.Equal(0, r.Count("BL152", "2024-01"));
    }

    [Fact]
    public void Before_the_first_batch_that_lists_a_person_no_batch_has_said_anything_about_the_person()
    {
        var y2023 = new TestBatch(from: "2023-01-01", to: "2023-12-31", extractedAt: "2024-01-05T05:00:00Z").Person("b", "1990-01-01")
            .PaidIn("b", "2023-01");
        var y2024 = new TestBatch(from: "2024-01-01", to: "2024-12-31", extractedAt: "2025-01-06T05:00:00Z").Person("a", "1980-05-05")
            .Kvp("a", "2022-06-01").Jobseeker("a", "2022-01-01").PaidIn("a", "2024-02");

        var r = TestBatch.Compute([y2023, y2024], "2023-12", "2024-01");

        Assert.Equal(0, r.Count("B51", "2023-12"));
        Assert.Equal(0, r["B10", "2023-12"].Denominator);
        Assert.Equal(1, r.Count("B51", "2024-01"));
        Assert.Equal(1, r["B10", "2024-01"].Denominator);
    }

    [Fact]
    public void A_kvp_programme_in_two_extracts_counts_its_events_once_from_the_extract_that_lists_the_person_for_the_month()
    {
        var y2023 = new TestBatch(from: "2023-01-01", to: "2023-12-31", extractedAt: "2024-01-05T05:00:00Z").Person("a", "1980-05-05")
            .Kvp("a", "2023-03-01", registered: "2023-02-10", decision: "2023-02-20");
        var y2024 = new TestBatch(from: "2024-01-01", to: "2024-12-31", extractedAt: "2025-01-06T05:00:00Z").Person("a", "1980-05-05")
            .Kvp("a", "2023-03-01", "2024-05-31", registered: "2023-02-10", decision: "2023-02-20");

        var r = TestBatch.Compute([y2023, y2024], "2023-02", "2024-06");

        Assert.Equal(1, r.Count("KVP.SOKNADER", "2023-02"));
        Assert.Equal(1, r.Count("KVP.VEDTAK", "2023-02"));
        Assert.Equal(1, r.Count("KVP.STARTET", "2023-03"));
        Assert.Equal(1, r.Count("KVP.AVSLUTTET", "2024-05"));
        Assert.Equal(1, r.Count("B51", "2024-05"));
        Assert.Equal(0, r.Count("B51", "2024-06"));
    }

    [Fact]
    public void The_newest_batch_s_birth_date_is_used()
    {
        var older = Older().Person("a", "1980-05-05").Paid("a", "2024-01-05", "2024-01-31");
        var newer = Newer().Person("a", "2000-05-05");

        var r = TestBatch.Compute([older, newer], "2024-01", "2024-01");

        Assert.Equal(1, r.Count("BL153", "2024-01"));
    }

    [Fact]
    public void A_case_listed_by_both_batches_counts_once_from_the_newer()
    {
        var older = Older().Person("a", "1980-05-05").Case("a", "2024-02-03", "2024-02-13");
        var newer = Newer().Person("a", "1980-05-05").Case("a", "2024-02-03", "2024-02-23");

        var r = TestBatch.Compute([older, newer], "2024-02", "2024-02");

        Assert.Equal(1, r["PL151", "2024-02"].Denominator);
        Assert.Equal(20, r.Count("PL151", "2024-02"));
    }

    [Fact]
    public void Importing_the_same_batch_twice_changes_nothing()
    {
        var batch = Older().Person("a", "1980-05-05").Paid("a", "2024-01-05", "2024-02-10").Kvp("a", "2023-06-01")
            .Case("a", "2024-01-02", "2024-01-12");

        var once = TestBatch.Compute([batch], "2024-01", "2024-02");
        var twice = TestBatch.Compute([batch, batch], "2024-01", "2024-02");

        foreach (var code in IndicatorCatalog.All.Select(d => d.Code))
        {
            Assert.Equal(once[code, "2024-01"], twice[code, "2024-01"]);
            Assert.Equal(once[code, "2024-02"], twice[code, "2024-02"]);
        }
    }
}
