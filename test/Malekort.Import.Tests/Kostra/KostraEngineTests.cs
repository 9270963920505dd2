using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>
/// Two years of KOSTRA files for one unit through the engine: each year's file is the truth for its own months, so the
/// long-term window runs across New Year, and what KOSTRA cannot say (cases, Arena) is "not captured", never zero.
/// </summary>
public sealed class KostraEngineTests
{
    private static readonly DateTimeOffset Delivered2024 = new(2025, 1, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Delivered2025 = new(2026, 1, 13, 8, 0, 0, TimeSpan.Zero);

    private static CaptureBatch Read(DateTimeOffset at, params KostraRecordBuilder[] records)
    {
        var result = KostraFixture.Reader(at).Read("a.dat", KostraFixture.File(records));
        Assert.True(result.Accepted, KostraFixture.Describe(result));
        return result.Value!;
    }

    /// <summary>
    /// A: born 1990, social assistance as main livelihood (VKLO 5) and a child under 18 (BU18 1), August–December 2024 and
    /// January–March 2025. B: born 2003, one month in January 2025, working (VKLO 1). C: 2024 layout with a DUF number only
    /// (no birth date), December 2024. D: a KVP participant from March 2024, reported in both years, ending June 2025.
    /// </summary>
    private static IndicatorResults Compute()
    {
        var a = new DateOnly(1990, 4, 2);
        var a2024 = KostraRecordBuilder.Sosialhjelp(2024).Born(a)
            .Apply("STMND_1=;STMND_2=;STMND_3=;STMND_4=;STMND_5=;STMND_6=;BIDRAG_JAN=;BIDRAG_FEB=;BIDRAG_MARS=;BIDRAG_APRIL=;"
                + "BIDRAG_MAI=;BIDRAG_JUNI=;BU18=1;ANTBU18=1;BIDRAG=50000;BIDRAG_AUG=10000;BIDRAG_SEPT=10000;BIDRAG_OKT=10000;"
                + "BIDRAG_NOV=10000;BIDRAG_DES=10000").Months(8, 9, 10, 11, 12);
        var c2024 = KostraRecordBuilder.Sosialhjelp(2024)
            .Apply("PERSON_FODSELSNR=;PERSON_DUF=123456789002;PERSON_JOURNALNR=J0000003;STMND_1=;STMND_2=;STMND_3=;STMND_4=;STMND_5=;"
                + "STMND_6=;STMND_12=12;BIDRAG_JAN=;BIDRAG_FEB=;BIDRAG_MARS=;BIDRAG_APRIL=;BIDRAG_MAI=;BIDRAG_JUNI=;BIDRAG=4000;"
                + "BIDRAG_DES=4000");
        var a2025 = KostraRecordBuilder.Sosialhjelp(2025).Born(a)
            .Apply("STMND_4=;STMND_5=;STMND_6=;BIDRAG_APRIL=;BIDRAG_MAI=;BIDRAG_JUNI=;BIDRAG=30000;BU18=1;ANTBU18=1");
        var b2025 = KostraRecordBuilder.Sosialhjelp(2025).Born(new DateOnly(2003, 5, 5))
            .Apply("PERSON_JOURNALNR=J0000002;VKLO=1;ARBSIT=01;STMND_2=;STMND_3=;STMND_4=;STMND_5=;STMND_6=;BIDRAG_FEB=;BIDRAG_MARS=;"
                + "BIDRAG_APRIL=;BIDRAG_MAI=;BIDRAG_JUNI=;BIDRAG=10000");
        var d2024 = KostraRecordBuilder.Kvalifisering(2024).Born(new DateOnly(1985, 1, 1))
            .Apply("REG_DATO=150124;VEDTAK_DATO=010224;BEGYNT_DATO=010324");
        var d2025 = KostraRecordBuilder.Kvalifisering(2025).Born(new DateOnly(1985, 1, 1))
            .Apply("REG_DATO=15012024;VEDTAK_DATO=01022024;BEGYNT_DATO=01032024;STATUS=3;AVSL_DATO=30062025;AVSL_ORDINAERTARB=01;"
                + "AVSL_VIKTIGSTE_INNTEKT=01;STMND_7=;STMND_8=;STMND_9=;STMND_10=;STMND_11=;STMND_12=;KVP_STONAD=100000");

        var builder = new WorkingSetBuilder();
        builder.Add(Read(Delivered2025, a2025, b2025));
        builder.Add(Read(Delivered2024, a2024, c2024));
        builder.Add(Read(Delivered2025, d2025));
        builder.Add(Read(Delivered2024, d2024));
        return new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty)
            .Compute(builder.Build(), PopulationTable.Empty, new MonthRange(Month.Parse("2024-01"), Month.Parse("2025-12")));
    }

    private static IndicatorValue Value(IndicatorResults results, string indicator, string month) =>
        results.Get(UnitCode.Parse("3107"), Month.Parse(month), indicator);

    [Theory]
    // month, BL151, BL152, BL166, BL174, B.104 numerator, B.104 denominator. Before December 2024 the long-term window reaches
    // back into 2023, which no file covers: not computed (empty), never 0.
    [InlineData("2024-07", 0, null, null, null, 0, 0)]
    [InlineData("2024-08", 1, null, null, null, 1, 1)]
    [InlineData("2024-12", 2, 0L, 0L, 0L, 1, 2)]
    [InlineData("2025-01", 2, 1L, 1L, 1L, 1, 2)]
    [InlineData("2025-03", 1, 1L, 1L, 1L, 1, 1)]
    [InlineData("2025-04", 0, 1L, 0L, 1L, 0, 0)]
    [InlineData("2025-09", 0, 1L, 0L, 1L, 0, 0)]
    [InlineData("2025-10", 0, 0L, 0L, 0L, 0, 0)]
    // A has 8 months (Aug 2024–Mar 2025): long-term from January 2025 (6 in the window) until September 2025 (Oct–Mar = 6).
    public void Two_years_of_11F_give_the_counts_the_mapping_implies_across_new_year(string month, long bl151, long? bl152, long? bl166,
        long? bl174, long b104, long recipients)
    {
        var results = Compute();

        Assert.Equal(bl151, Value(results, "BL151", month).Numerator);
        Assert.Equal(bl152, Value(results, "BL152", month).Numerator);
        Assert.Equal(bl166, Value(results, "BL166", month).Numerator);
        Assert.Equal(bl174, Value(results, "BL174", month).Numerator);
        Assert.Equal((b104, recipients), (Value(results, "B.104", month).Numerator, Value(results, "B.104", month).Denominator));
    }

    [Fact]
    public void Recipient_without_a_birth_date_counts_in_bl151_but_not_among_the_young()
    {
        var results = Compute();

        // December 2024: A (34) and C (no birth date) are recipients; neither is under 25.
        Assert.Equal(2, Value(results, "BL151", "2024-12").Numerator);
        Assert.Equal(0, Value(results, "BL153", "2024-12").Numerator);
        // January 2025: B, born 2003, is under 25.
        Assert.Equal(1, Value(results, "BL153", "2025-01").Numerator);
    }

    [Fact]
    public void Bu18_is_marked_as_an_approximation_where_it_is_used()
    {
        var results = Compute();

        Assert.True(Value(results, "B.104", "2025-01").Notes.HasFlag(ValueNotes.ApproximateFamily));
        Assert.True(Value(results, "BL174", "2025-01").Notes.HasFlag(ValueNotes.ApproximateFamily));
    }

    [Theory]
    [InlineData("2024-03")]
    [InlineData("2025-01")]
    [InlineData("2025-12")]
    public void Kostra_cannot_say_pl151_or_b10_so_they_are_not_captured(string month)
    {
        var results = Compute();

        Assert.Null(Value(results, "PL151", month).Numerator);
        Assert.Null(Value(results, "B10", month).Numerator);
        Assert.NotNull(Value(results, "BL151", month).Numerator);
    }

    [Fact]
    public void Months_outside_both_years_are_not_captured()
    {
        var results = new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty).Compute(BuildOnly2025(), PopulationTable.Empty,
            new MonthRange(Month.Parse("2024-12"), Month.Parse("2025-01")));

        Assert.Null(results.Get(UnitCode.Parse("3107"), Month.Parse("2024-12"), "BL151").Numerator);
        Assert.Equal(1, results.Get(UnitCode.Parse("3107"), Month.Parse("2025-01"), "BL151").Numerator);
    }

    [Theory]
    [InlineData("2024-02", 0)]
    [InlineData("2024-03", 1)]
    [InlineData("2024-12", 1)]
    [InlineData("2025-01", 1)]
    [InlineData("2025-06", 1)]
    [InlineData("2025-07", 0)]
    public void Kvp_participation_reported_in_both_years_is_one_participant(string month, long participants)
    {
        var results = Compute();

        Assert.Equal(participants, Value(results, "B51", month).Numerator);
    }

    [Fact]
    public void Kvp_participation_reported_in_both_years_starts_and_ends_once()
    {
        var results = Compute();

        Assert.Equal(1, Value(results, "KVP.STARTET", "2024-03").Numerator);
        Assert.Equal(1, Value(results, "KVP.SOKNADER", "2024-01").Numerator);
        Assert.Equal(1, Value(results, "KVP.AVSLUTTET", "2025-06").Numerator);
        var total = Enumerable.Range(0, 24).Sum(m => Value(results, "KVP.STARTET", Month.Parse("2024-01").Plus(m).ToString()).Numerator);
        Assert.Equal(1, total);
    }

    private static WorkingSet BuildOnly2025()
    {
        var builder = new WorkingSetBuilder();
        builder.Add(Read(Delivered2025, KostraRecordBuilder.Sosialhjelp(2025)));
        return builder.Build();
    }
}
