using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>Keyed batches (one Digisos application each) are the truth only about their own key.</summary>
public sealed class KeyedSupersessionTests
{
    private const CaptureDomains DigisosParts = CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Cases;

    private static TestBatch Application(string key, string extractedAt) =>
        new(from: "2024-01-01", to: "2024-03-31", extractedAt: extractedAt, parts: DigisosParts, key: key);

    [Fact]
    public void Applications_for_overlapping_days_add_up_instead_of_erasing_each_other()
    {
        var first = Application("soknad-1", "2024-04-01T05:00:00Z").Person("a", "1980-05-05").Paid("a", "2024-02-01", "2024-02-29");
        var second = Application("soknad-2", "2024-04-02T05:00:00Z").Person("b", "1990-05-05").Paid("b", "2024-02-01", "2024-02-29");

        var r = TestBatch.Compute([first, second], "2024-02", "2024-02");

        Assert.Equal(2, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void A_newer_version_of_the_same_application_replaces_the_older()
    {
        var older = Application("soknad-1", "2024-04-01T05:00:00Z").Person("a", "1980-05-05").Paid("a", "2024-02-01", "2024-02-29");
        var newer = Application("soknad-1", "2024-04-09T05:00:00Z").Person("a", "1980-05-05")
            .Payment("a", paymentDate: "2024-02-01", periodFrom: "2024-02-01", periodTo: "2024-02-29", status: PaymentStatus.Stoppet);

        var r = TestBatch.Compute([older, newer], "2024-02", "2024-02");

        Assert.Equal(0, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void A_newer_full_truth_extract_supersedes_applications_for_its_days_but_not_the_reverse()
    {
        var application = Application("soknad-1", "2024-04-01T05:00:00Z").Person("a", "1980-05-05").Paid("a", "2024-02-01", "2024-02-29");
        var extract = new TestBatch(from: "2024-02-01", to: "2024-02-29", extractedAt: "2024-05-01T05:00:00Z")
            .Person("b", "1990-05-05").Paid("b", "2024-02-01", "2024-02-29");
        var laterApplication = Application("soknad-2", "2024-06-01T05:00:00Z").Person("c", "1970-05-05").Paid("c", "2024-02-01", "2024-02-29");

        var r = TestBatch.Compute([application, extract, laterApplication], "2024-02", "2024-02");

        // a is superseded by the newer extract; b stays although a later application arrives; c adds.
        Assert.Equal(2, r.Count("BL151", "2024-02"));
    }

    [Fact]
    public void Months_only_an_application_covers_are_captured()
    {
        var application = Application("soknad-1", "2024-04-01T05:00:00Z").Person("a", "1980-05-05").Paid("a", "2024-03-01", "2024-03-31");

        var r = TestBatch.Compute([application], "2024-03", "2024-04");

        Assert.Equal(1, r.Count("BL151", "2024-03"));
        Assert.Null(r.Count("BL151", "2024-04"));
        Assert.Null(r.Count("BL152", "2024-03"));
    }
}
