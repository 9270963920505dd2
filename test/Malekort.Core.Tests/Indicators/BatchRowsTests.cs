using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>The engine's compact form of a batch: what it keeps, and that it survives encoding.</summary>
public sealed class BatchRowsTests
{
    private static CaptureBatch Batch() => new TestBatch()
        .Person("a", "1990-05-05").Person("b", "2001-02-28")
        .Paid("a", "2024-01-01", "2024-01-31")
        .Payment("b", paymentDate: "2024-02-03", status: PaymentStatus.Planlagt)
        .Livelihood("a", "2023-06-01", 5)
        .Child("a", "2015-03-03", percent: 100, duty: true, inHousehold: true)
        .Child("b", "2016-03-03", percent: 0, duty: false)
        .Case("a", "2024-01-02", "2024-01-20")
        .Kvp("b", "2023-09-01", "2024-02-15", 3, null, null, "01", "14")
        .Jobseeker("a", "2023-01-01")
        .Followup("a", "2024-01-10")
        .Build();

    [Fact]
    public void Only_rows_that_can_affect_an_indicator_are_kept()
    {
        var rows = BatchRows.From(Batch(), key => key == "a" ? 10 : 20);

        Assert.Equal([10L, 20L], rows.People);
        Assert.Equal(4, rows.Payments.Length);  // the planned payment is not social assistance paid
        Assert.Equal(5, rows.Children.Length);  // the child with no share and no duty makes nobody a provider
        Assert.Equal(1 << 0 | 1 << 5, rows.Kvp[5]); // 01 and 14 are the 1st and 6th situation codes
    }

    [Fact]
    public void Encoded_rows_decode_to_the_same_rows()
    {
        var rows = BatchRows.From(Batch(), key => key == "a" ? 1 : long.MaxValue);

        var decoded = BatchRows.Decode(rows.Encode());

        Assert.Equal(rows.People, decoded.People);
        Assert.Equal(rows.Births, decoded.Births);
        Assert.Equal(rows.Payments, decoded.Payments);
        Assert.Equal(rows.Livelihood, decoded.Livelihood);
        Assert.Equal(rows.Children, decoded.Children);
        Assert.Equal(rows.Cases, decoded.Cases);
        Assert.Equal(rows.Kvp, decoded.Kvp);
        Assert.Equal(rows.Jobseekers, decoded.Jobseekers);
        Assert.Equal(rows.Followups, decoded.Followups);
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_refused()
    {
        var bytes = BatchRows.From(Batch(), _ => 1).Encode();

        Assert.Throws<InvalidDataException>(() => BatchRows.Decode(bytes.AsSpan(0, bytes.Length - 4)));
        Assert.Throws<InvalidDataException>(() => BatchRows.Decode(new byte[7]));
        bytes[0] = 99;
        Assert.Throws<InvalidDataException>(() => BatchRows.Decode(bytes));
    }
}
