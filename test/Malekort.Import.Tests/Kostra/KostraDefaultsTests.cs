namespace Malekort.Import.Kostra;

/// <summary>The builder's default records pass every rule, so each rule test can break exactly one thing.</summary>
public sealed class KostraDefaultsTests
{
    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Default_sosialhjelp_record_has_no_finding(int year)
    {
        var result = KostraFixture.Reader(new DateTimeOffset(year + 1, 2, 1, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Sosialhjelp(year)));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Default_kvalifisering_record_has_no_finding(int year)
    {
        var result = KostraFixture.Reader(new DateTimeOffset(year + 1, 2, 1, 0, 0, 0, TimeSpan.Zero)).Read("a.dat",
            KostraFixture.File(KostraRecordBuilder.Kvalifisering(year)));

        Assert.True(result.Accepted, KostraFixture.Describe(result));
        Assert.Empty(result.Findings);
    }
}
