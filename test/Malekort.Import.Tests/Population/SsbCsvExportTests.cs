using System.Globalization;
using System.Text;
using Malekort.DataQuality;
using static Malekort.Import.Population.PopulationFiles;

namespace Malekort.Import.Population;

public sealed class SsbCsvExportTests
{
    private const string Export = "ssb_07459_csv_eksport_utdrag_2024_iso-8859-1.csv";

    [Fact]
    public void Latin1_export_of_07459_gives_Halden_Alesund_and_Utsira()
    {
        var result = Read(Ssb(Export));

        var figures = Accepted(result);
        Assert.Equal(3, figures.Count);
        // Sums of the rows "18 years" … "66 years", "18 years" … "24 years" and all 106 rows per region,
        // the same numbers as ssb_07459_nevnere_2024.csv.
        AssertFigure(Figure(figures, "3101", 2024), 19692, 2560, 31935);
        AssertFigure(Figure(figures, "1508", 2024), 37142, 5293, 58509);
        AssertFigure(Figure(figures, "1151", 2024), 136, 17, 215);
        Assert.All(figures, f => Assert.Equal($"SSB 07459 (CSV-eksport {Export})", f.Source));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Norwegian_export_with_two_year_columns_reads_2024_and_reports_each_missing_unit_year()
    {
        var result = Read(Fixture("ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv"));

        var figures = Accepted(result);
        var halden = Assert.Single(figures);
        Assert.Equal(2024, halden.Year);
        AssertFigure(halden, 19692, 2560, 31935);

        var warnings = Findings(result, Severity.Warning);
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("3101 Halden per 1.1.2023", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("1151 Utsira per 1.1.2023", StringComparison.Ordinal));
        // Header on line 3, Halden's 106 rows on lines 4–109, Utsira's from line 110: age 40 is line 150.
        var utsira = Assert.Single(warnings, w => w.Message.Contains("1151 Utsira per 1.1.2024", StringComparison.Ordinal));
        Assert.Equal(150, utsira.Line);
        Assert.Equal("Personer 2024", utsira.Column);
        Assert.Contains("alder 40 (verdi :)", utsira.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_and_fractional_counts_are_errors_with_line_and_column_and_reject_the_file()
    {
        var text = new StringBuilder("\"07459: Befolkning\"\r\n\r\n\"region\";\"alder\";\"Personer 2024\"\r\n");
        for (var age = 0; age <= 105; age++)
        {
            var value = age switch { 20 => "-3", 21 => "12.5", _ => "10" };
            text.Append(CultureInfo.InvariantCulture, $"\"K-3107 Fredrikstad\";\"{age} år\";{value}\r\n");
        }
        using var file = new TemporaryFile("eksport.csv", text.ToString(), Encoding.Latin1);

        var result = Read(file.Path);

        Assert.False(result.Accepted);
        Assert.Null(result.Value);
        var errors = Findings(result, Severity.Error);
        Assert.Equal(2, errors.Count);
        Assert.Equal((24, "Personer 2024"), (errors[0].Line, errors[0].Column));
        Assert.Contains("negativt antall -3", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(25, errors[1].Line);
        Assert.Contains("12.5 er ikke et helt antall", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_of_another_statbank_table_is_rejected_by_its_title()
    {
        const string text = "\"05300: Avstand til nærmeste lokale/sted\"\r\n\r\n\"region\";\"age\";\"Persons 2024\"\r\n" +
            "\"K-3107 Fredrikstad\";\"18 years\";10\r\n";
        using var file = new TemporaryFile("05300.csv", text, Encoding.Latin1);

        var result = Read(file.Path);

        var fatal = Assert.Single(result.Findings, f => f.Rejects);
        Assert.Equal(Severity.Fatal, fatal.Severity);
        Assert.Contains("Tabell 05300", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_column_in_the_header_is_fatal()
    {
        const string text = "\"07459: Population\"\r\n\r\n\"region\";\"age\";\"contents\";\"Persons 2024\"\r\n";
        using var file = new TemporaryFile("eksport.csv", text, Encoding.Latin1);

        var result = Read(file.Path);

        var fatal = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, 3, "contents"), (fatal.Severity, fatal.Line, fatal.Column));
    }
}
