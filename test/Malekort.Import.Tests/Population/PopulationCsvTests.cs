using System.Text;
using Malekort.DataQuality;
using Malekort.Units;
using static Malekort.Import.Population.PopulationFiles;

namespace Malekort.Import.Population;

public sealed class PopulationCsvTests
{
    private const string MunicipalitiesByAge = "ssb_07459_personer_etter_alder_2024.csv";
    private const string MunicipalitySums = "ssb_07459_nevnere_2024.csv";
    private const string Sums2023 = "ssb_07459_nevnere_2023_kommuneinndeling2020.csv";

    /// <summary>In <see cref="ByAgeFile"/> Moss's 106 rows come first (lines 2–107), then Fredrikstad's.</summary>
    private const int FredrikstadAgeZeroLine = 108;

    [Fact]
    public void By_age_file_gives_Fredrikstad_53398_aged_18_to_66_and_7000_aged_18_to_24()
    {
        var result = Read(Ssb(MunicipalitiesByAge));

        var figures = Accepted(result);
        AssertFigure(Figure(figures, "3107", 2024), 53398, 7000, 85230);
        Assert.Equal(357, figures.Count);
        Assert.Equal($"SSB 07459 (etter alder, {MunicipalitiesByAge})", figures[0].Source);
        // 21-22 Svalbard and Jan Mayen, 23 Continental shelf and Rest: one finding for all three, not one per row.
        var skipped = Assert.Single(result.Findings);
        Assert.Equal(Severity.Info, skipped.Severity);
        Assert.Contains("Hoppet over 3 regioner", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("318 rader", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_age_and_sums_files_agree_for_every_municipality()
    {
        var byAge = Accepted(Read(Ssb(MunicipalitiesByAge)));
        var sums = Accepted(Read(Ssb(MunicipalitySums)));

        Assert.Equal(
            sums.Select(f => (f.Unit, f.Year, f.Aged18To66, f.Aged18To24, f.Total)),
            byAge.Select(f => (f.Unit, f.Year, f.Aged18To66, f.Aged18To24, f.Total)));
    }

    [Fact]
    public void District_by_age_file_gives_Alna_and_only_Oslos_15_districts()
    {
        var result = Read(Ssb("ssb_10826_bydel_personer_etter_alder_2024.csv"));

        var figures = Accepted(result);
        AssertFigure(Figure(figures, "030112", 2024), 33235, 3862, 50378);
        AssertFigure(Figure(figures, "030101", 2024), 49465, 4498, 63712);
        Assert.Equal(UnitRegister.Default.Districts.Select(d => d.Code), figures.Select(f => f.Unit));
        Assert.StartsWith("SSB 10826 (etter alder,", figures[0].Source, StringComparison.Ordinal);
        // Oslo total, unknown, Sentrum and Marka in one finding; the other cities' 27 codes in another.
        Assert.Equal(2, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(result.Findings, f => f.Message.Contains("Hoppet over 4 regioner i Oslo", StringComparison.Ordinal));
        Assert.Contains(result.Findings,
            f => f.Message.Contains("Hoppet over 27 regioner som er bydeler utenfor Oslo", StringComparison.Ordinal));
    }

    [Fact]
    public void District_sums_file_gives_Alna()
    {
        var figures = Accepted(Read(Ssb("ssb_10826_bydel_nevnere_2024.csv")));

        AssertFigure(Figure(figures, "030112", 2024), 33235, 3862, 50378);
        Assert.Equal(15, figures.Count);
    }

    [Fact]
    public void Sums_file_of_2023_in_2020_numbering_is_mapped_to_2024_numbers()
    {
        var result = Read(Ssb(Sums2023));

        var figures = Accepted(result);
        // 3004 Fredrikstad (2020–2023) is 3107 from 2024.
        AssertFigure(Figure(figures, "3107", 2023), 53060, 6927, 84444);
        Assert.DoesNotContain(figures, f => f.Unit.Value == "3004");
        Assert.All(figures, f => Assert.True(UnitRegister.Default.IsKnownCaptureUnit(f.Unit), f.Unit.Value));
        Assert.Contains(result.Findings, f => f.Severity == Severity.Info && f.Message.Contains("3004 → 3107", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_municipality_is_skipped_with_a_warning_naming_what_it_became()
    {
        var result = Read(Ssb(Sums2023));

        var figures = Accepted(result);
        var split = Assert.Single(Findings(result, Severity.Warning));
        Assert.Equal(216, split.Line);
        Assert.Contains("1507 Ålesund ble delt (til 1508, 1580)", split.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(figures, f => f.Unit.Value is "1507" or "1508" or "1580");
        // 355 of the 356 municipalities of 2020–2023 map to one 2024 number each; Ålesund has no one 2024 number.
        Assert.Equal(355, figures.Count);
    }

    [Fact]
    public void Merged_municipalities_are_summed_into_the_2024_unit()
    {
        var result = Read(Fixture("ssb_07459_nevnere_2019_konstruert.csv"));

        var figures = Accepted(result);
        // Trøgstad, Spydeberg, Askim, Eidsberg and Hobøl became 3014 Indre Østfold in 2020, 3118 in 2024.
        AssertFigure(Figure(figures,
            "3118", 2019), 3000 + 3500 + 10000 + 7000 + 3300, 350 + 400 + 1200 + 800 + 390, 5000 + 5600 + 15000 + 11000 + 5500);
        AssertFigure(Figure(figures, "3107", 2019), 50000, 6500, 80000);
        Assert.Equal(2, figures.Count);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Info
            && f.Message.Contains("3118 Indre Østfold 2019 er summen av 0122 Trøgstad", StringComparison.Ordinal));
        // 1504 Ålesund became 1507, which was split in 2024.
        var split = Assert.Single(Findings(result, Severity.Warning));
        Assert.Contains("1504 Ålesund ble delt (til 1508, 1580)", split.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_value_for_an_adult_age_leaves_that_unit_year_without_a_figure()
    {
        using var file = ByAgeFile(("3107", 30, ".."));

        var result = Read(file.Path);

        var figures = Accepted(result);
        Assert.DoesNotContain(figures, f => f.Unit.Value == "3107");
        AssertFigure(Figure(figures, "3103", 2024), 32411, 3966, 52051);
        var warning = Assert.Single(Findings(result, Severity.Warning));
        Assert.Equal((FredrikstadAgeZeroLine + 30, "personer"), (warning.Line, warning.Column));
        Assert.Contains("3107 Fredrikstad per 1.1.2024 mangler for alder 30 (verdi ..)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_value_for_an_age_over_66_keeps_the_denominators_and_warns_that_the_total_is_partial()
    {
        using var file = ByAgeFile(("3107", 90, ":"));

        var result = Read(file.Path);

        var figures = Accepted(result);
        var fredrikstad = Figure(figures, "3107", 2024);
        Assert.Equal((53398, 7000), (fredrikstad.Aged18To66, fredrikstad.Aged18To24));
        Assert.True(fredrikstad.Total < 85230);
        var warning = Assert.Single(Findings(result, Severity.Warning));
        Assert.Contains("Total", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "negativt antall -1")]
    [InlineData("2.5", "2.5 er ikke et helt antall")]
    [InlineData("", "tom verdi")]
    [InlineData("x", "'x' er ikke et antall")]
    [InlineData("99999999999999999999", "er for stort")]
    public void Bad_count_is_an_error_and_rejects_the_file(string value, string why)
    {
        using var file = ByAgeFile(("3107", 40, value));

        var result = Read(file.Path);

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal((FredrikstadAgeZeroLine + 40, "personer"), (error.Line, error.Column));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_that_overflows_is_an_error_not_a_wrapped_number()
    {
        using var file = ByAgeFile(("3107", 18, long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = Read(file.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Error && f.Message.Contains("for stor", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_age_twice_is_an_error()
    {
        var lines = File.ReadAllLines(Ssb(MunicipalitiesByAge)).Where(l => l.StartsWith("2024,3107,", StringComparison.Ordinal)).ToList();
        using var file = new TemporaryFile("alder.csv",
            "aar,region_kode,region_navn,alder,personer\n" + string.Join("\n", lines.Append(lines[20])) + "\n");

        var result = Read(file.Path);

        var error = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal(108, error.Line);
        Assert.Contains("Alder 20 for 3107 Fredrikstad i 2024 står to ganger (også linje 22)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The real by-age rows of 3107 Fredrikstad and 3103 Moss, with some values replaced.</summary>
    private static TemporaryFile ByAgeFile(params (string Region, int Age, string Value)[] replaced)
    {
        var text = new StringBuilder("aar,region_kode,region_navn,alder,personer\n");
        foreach (var line in File.ReadLines(Ssb(MunicipalitiesByAge)))
        {
            var cells = line.Split(',');
            if (cells[1] is not ("3107" or "3103")) continue;
            var replacement = replaced.FirstOrDefault(
                r => r.Region == cells[1] && r.Age.ToString(System.Globalization.CultureInfo.InvariantCulture) == cells[3]);
            if (replacement.Region is not null) cells[4] = replacement.Value;
            text.Append(string.Join(',', cells)).Append('\n');
        }
        return new TemporaryFile("alder.csv", text.ToString());
    }
}
