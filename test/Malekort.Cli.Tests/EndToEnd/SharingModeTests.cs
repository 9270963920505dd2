using System.Text.Json;
using Malekort.Testing;
using Malekort.Testing.Exports;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// <c>indicators --for-office / --for-role</c> (issue 10 item 3, the CLI's sharing mode) on the hand-computed oracle
/// (<c>Fixtures/oracle</c>, HAND-CALCULATION.md): NAV Fredrikstad's only unit 3107 has, in January 2024, 6 recipients
/// (BL151), 2 of them under 25 (BL153), 2 KVP participants (B51) and PL151's 42 days over 2 cases. Shared with anyone but
/// the office itself, every count of 1–2 is <c>:</c> in every format; the operator's default and the office itself see all.
/// </summary>
public sealed class SharingModeTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("malekort-sharing-").FullName;
    private readonly TestDatabase database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);

    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public SharingModeTests() => OracleRun.ImportAll(database, work, Now);

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(work, recursive: true);
    }

    public static TheoryData<string[]> OtherViewers() => new(
        ["--for-role", "fylke"],
        ["--for-role", "direktorat"],
        ["--for-role", "kommune", "--for-unit", "3103"],
        ["--for-role", "admin"]);

    private string Indicators(string format, string unit, params string[] viewer)
    {
        var (exit, output, error) = Run(["indicators", "--month", "2024-01", "--unit", unit, "--format", format, "--db", database.Argument, .. viewer]);
        Assert.True(exit == 0, error);
        return output;
    }

    // indicator → "numerator,denominator,value" as the CSV writes them.
    private static Dictionary<string, string> CsvRows(string csv) => ExportFiles.Csv(csv).Skip(1)
        .ToDictionary(row => row[2]!, row => string.Join(',', row[3..].Select(c => c ?? "")));

    [Theory]
    [InlineData("3107")]
    [InlineData("NAV-0106")]
    [InlineData("31")]
    [InlineData("0")]
    public void Csv_written_for_a_county_shows_counts_of_one_and_two_as_colons_in_the_unit_and_every_aggregate(string unit)
    {
        var rows = CsvRows(Indicators("csv", unit, "--for-role", "fylke"));
        Assert.Equal(":,1,:", rows["BL153"]);
        Assert.Equal(":,1,:", rows["B51"]);
        // PL151's days (42) go with its 2 cases; a share of a hidden count is hidden, its SSB population stays.
        Assert.Equal(":,:,:", rows["PL151"]);
        Assert.Equal(":,7000,:", rows["B.103"]);
        Assert.Equal("6,1,6", rows["BL151"]);
        // Not captured stays empty, never ":".
        Assert.Equal(",1,", rows["BL152"]);
    }

    [Fact]
    public void A_count_of_three_is_hidden_too_where_beside_its_whole_it_would_give_a_count_of_one_away()
    {
        // B10 3 of 4: shown together they say 1 job seeker was not followed up, so one of them goes, and the share with it.
        var b10 = CsvRows(Indicators("csv", "3107", "--for-role", "fylke"))["B10"].Split(',');
        Assert.Contains(":", b10[..2]);
        Assert.Equal(":", b10[2]);
        using var json = JsonDocument.Parse(Indicators("json", "3107", "--for-role", "fylke"));
        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "B10");
        Assert.Equal(("suppressed", JsonValueKind.Null), (row.GetProperty("reason").GetString(), row.GetProperty("value").ValueKind));
        var line = Indicators("table", "3107", "--for-role", "fylke").Split('\n').Single(l => l.StartsWith("B10 ", StringComparison.Ordinal));
        Assert.DoesNotContain("75", line, StringComparison.Ordinal);
        // The office itself sees both.
        Assert.Equal("3,4,75", CsvRows(Indicators("csv", "3107", "--for-office", "NAV-0106"))["B10"]);
    }

    [Theory]
    [MemberData(nameof(OtherViewers))]
    public void Every_viewer_outside_the_office_gets_colons(string[] viewer)
    {
        var rows = CsvRows(Indicators("csv", "3107", viewer));
        Assert.Equal(":,1,:", rows["BL153"]);
    }

    [Fact]
    public void Json_for_sharing_has_null_and_the_reason_suppressed_for_a_count_of_two()
    {
        using var json = JsonDocument.Parse(Indicators("json", "3107", "--for-role", "fylke"));
        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "BL153");
        Assert.Equal(JsonValueKind.Null, row.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("value").ValueKind);
        Assert.Equal("suppressed", row.GetProperty("reason").GetString());
    }

    [Fact]
    public void The_table_for_sharing_says_who_it_is_for_and_shows_colons()
    {
        var table = Indicators("table", "3107", "--for-role", "fylke");
        Assert.StartsWith("Skrevet for deling med fylke: «:» er skjermet", table, StringComparison.Ordinal);
        var young = table.Split('\n').Single(l => l.StartsWith("BL153 ", StringComparison.Ordinal));
        Assert.Matches(@"^BL153\s+:\s+1\s+:\s", young);
    }

    [Fact]
    public void The_spreadsheet_and_json_stat_for_sharing_carry_the_colons_too()
    {
        var file = Path.Combine(work, "deling.xlsx");
        Assert.Equal("", Indicators("xlsx", "3107", "--for-role", "fylke", "--output", file));
        using (var stream = File.OpenRead(file))
        {
            var young = ExportFiles.Xlsx(stream).Single(r => r[2] == "BL153");
            Assert.Equal([":", "1", ":"], young[3..6]);
        }
        var stat = Path.Combine(work, "deling.json");
        Indicators("jsonstat", "3107", "--for-role", "fylke", "--output", stat);
        var (value, status) = ExportFiles.JsonStatCell(JsonDocument.Parse(File.ReadAllText(stat)).RootElement, "3107", "2024-01", "BL153");
        Assert.Equal((JsonValueKind.Null, ":"), (value.ValueKind, status));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void The_operators_default_and_the_office_itself_see_every_number(string format)
    {
        var operatorsView = Indicators(format, "3107");
        Assert.Equal(operatorsView, Indicators(format, "3107", "--for-office", "NAV-0106"));
        Assert.Equal(operatorsView, Indicators(format, "3107", "--for-role", "kommune", "--for-unit", "3107"));
        Assert.DoesNotContain("suppressed", operatorsView, StringComparison.Ordinal);
        if (format == "csv") Assert.Equal("2,1,2", CsvRows(operatorsView)["BL153"]);
    }

    [Theory]
    [InlineData(new[] { "--for-office", "NAV-0107" }, "--for-office: «NAV-0107» er ikke et NAV-kontor i registeret. Nærmeste kjente: NAV-0106")]
    [InlineData(new[] { "--for-office", "3107" }, "--for-office: 3107 er en kommune")]
    [InlineData(new[] { "--for-role", "kommune" }, "--for-role kommune trenger --for-unit")]
    [InlineData(new[] { "--for-role", "bydel" }, "--for-role «bydel» er ikke en rolle; velg kontor, kommune, fylke, direktorat, admin.")]
    [InlineData(new[] { "--for-unit", "3107" }, "--for-unit trenger --for-role.")]
    [InlineData(new[] { "--for-role", "direktorat", "--for-unit", "31" }, "--for-role direktorat har ingen enhet; dropp --for-unit.")]
    [InlineData(new[] { "--for-office", "NAV-0106", "--for-role", "fylke" }, "--for-office NAV-nnnn sier alt")]
    public void A_viewer_that_does_not_exist_or_does_not_fit_is_an_error_and_writes_nothing(string[] viewer, string message)
    {
        var (exit, output, error) = Run(["indicators", "--month", "2024-01", "--format", "csv", "--db", database.Argument, .. viewer]);
        Assert.NotEqual(0, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args) =>
        OracleRun.Cli(Now, args);
}
