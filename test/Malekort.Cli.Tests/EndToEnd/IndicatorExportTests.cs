using System.Globalization;
using System.Text.Json;
using Malekort.Testing;
using Malekort.Testing.Exports;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// <c>malekort indicators --format xlsx|jsonstat --output FILE</c> on the hand-computed oracle: the spreadsheet and the
/// JSON-stat hold the same numbers as the CSV, which is checked against the hand calculation elsewhere.
/// </summary>
public sealed class IndicatorExportTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("malekort-export-").FullName;
    private readonly TestDatabase database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);

    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public IndicatorExportTests() => OracleRun.ImportAll(database, work, Now);

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(work, recursive: true);
    }

    private string[] Indicators(params string[] more) =>
        ["indicators", "--month", "2024-01", "--to", "2024-03", "--db", database.Argument, .. more];

    [Fact]
    public void The_xlsx_written_to_a_file_has_the_csvs_cells()
    {
        var (exit, csvText, error) = Run(Indicators("--format", "csv"));
        Assert.True(exit == 0, error);
        var file = Path.Combine(work, "indikatorer.xlsx");
        (exit, _, error) = Run(Indicators("--format", "xlsx", "--output", file));
        Assert.True(exit == 0, error);

        var csv = ExportFiles.Csv(csvText);
        using var stream = File.OpenRead(file);
        var xlsx = ExportFiles.Xlsx(stream);
        Assert.Equal(["Enhetskode", "Måned", "Indikatorkode", "Teller", "Nevner", "Verdi"], xlsx[0]);
        Assert.Equal(csv.Count, xlsx.Count);
        for (var r = 1; r < csv.Count; r++)
        {
            Assert.Equal(csv[r][..3], xlsx[r][..3]);
            for (var c = 3; c < 6; c++)
            {
                var actual = c < xlsx[r].Length ? xlsx[r][c] : null;
                Assert.Equal(Number(csv[r][c]), Number(actual));
            }
        }
    }

    [Fact]
    public void The_json_stat_has_one_value_per_cell_of_its_dimensions_and_the_csvs_values()
    {
        var (_, csvText, _) = Run(Indicators("--format", "csv"));
        var file = Path.Combine(work, "indikatorer.json");
        var (exit, _, error) = Run(Indicators("--format", "jsonstat", "--output", file));
        Assert.True(exit == 0, error);
        var dataset = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var csv = ExportFiles.Csv(csvText);
        var product = dataset.GetProperty("size").EnumerateArray().Aggregate(1, (a, s) => a * s.GetInt32());
        Assert.Equal(product, dataset.GetProperty("value").GetArrayLength());
        Assert.Equal(csv.Count - 1, product);
        foreach (var row in csv.Skip(1))
        {
            var (value, status) = ExportFiles.JsonStatCell(dataset, row[0]!, row[1]!, row[2]!);
            if (row[5] is { } text) Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value.GetDouble(), 9);
            else Assert.Equal((JsonValueKind.Null, "."), (value.ValueKind, status));
        }
        Assert.Contains("Kilde: Statistisk sentralbyrå (SSB)", dataset.GetProperty("note")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_xlsx_without_a_file_is_refused_in_norwegian()
    {
        var (exit, output, error) = Run(Indicators("--format", "xlsx"));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("oppgi filen med --output", error, StringComparison.Ordinal);
    }

    private static double? Number(string? cell) => cell is null ? null : double.Parse(cell, CultureInfo.InvariantCulture);

    private static (int Exit, string Output, string Error) Run(params string[] args) => OracleRun.Cli(Now, args);
}
