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
        .Condition("a", "2024-01-01", "2024-03-31", "10|08")
        .Exemption("b", "2023-11-20", "01|04")
        .Sanction("a", "2024-02-10", "02")
        .Sanction("b", null, "01", year: 2024)
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
    public void Conditions_keep_every_code_and_a_sanction_known_by_year_keeps_no_day()
    {
        var rows = BatchRows.From(Batch(), key => key == "a" ? 10 : 20);

        // 10 and 08 are the 7th and 6th VILKAR codes: a condition that is not activity is kept, the rule decides later.
        Assert.Equal([0, TestBatch.D("2024-01-01").DayNumber, TestBatch.D("2024-01-01").DayNumber, TestBatch.D("2024-03-31").DayNumber,
            1 << 6 | 1 << 5], rows.Conditions);
        Assert.Equal([1, TestBatch.D("2023-11-20").DayNumber, 1 << 0 | 1 << 3], rows.Exemptions);
        Assert.Equal([0, TestBatch.D("2024-02-10").DayNumber, 2024, 1, 1, BatchRows.NoDay, 2024, 0], rows.Sanctions);
    }

    [Fact]
    public void Rows_stored_before_conditions_existed_decode_with_none()
    {
        var rows = BatchRows.From(Batch(), key => key == "a" ? 10 : 20);
        var current = rows.Encode();
        // Format version 1: an 11-int header (version, approximate family, people, seven part lengths, 0) and no condition parts.
        var header = new int[11];
        Buffer.BlockCopy(current, 0, header, 0, 10 * sizeof(int));
        header[0] = 1;
        header[10] = 0;
        var conditionInts = rows.Conditions.Length + rows.Exemptions.Length + rows.Sanctions.Length;
        var body = current.AsSpan(14 * sizeof(int), current.Length - 14 * sizeof(int) - conditionInts * sizeof(int));
        byte[] version1 = [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(header.AsSpan()), .. body];

        var decoded = BatchRows.Decode(version1);

        Assert.Equal(rows.Payments, decoded.Payments);
        Assert.Equal(rows.Followups, decoded.Followups);
        Assert.Empty(decoded.Conditions);
        Assert.Empty(decoded.Exemptions);
        Assert.Empty(decoded.Sanctions);
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
        Assert.Equal(rows.Conditions, decoded.Conditions);
        Assert.Equal(rows.Exemptions, decoded.Exemptions);
        Assert.Equal(rows.Sanctions, decoded.Sanctions);
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
