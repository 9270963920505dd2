using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// Checked input (issue 9, item 8): unit codes are checked against the registers and an unknown one names the nearest known
/// ones; a database that cannot be used is one Norwegian line and exit code 2; help and argument errors are in Norwegian.
/// </summary>
public sealed class CheckedInputTests : IDisposable
{
    private static readonly string Offices = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle", "offices.csv");
    private readonly string work = Directory.CreateTempSubdirectory("malekort-input-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData(TestDatabases.Sqlite, "threshold set --unit 3170 --indicator B.101 --green 2 --red 3", "3107 Fredrikstad")]
    [InlineData(TestDatabases.Postgres, "threshold set --unit 3170 --indicator B.101 --green 2 --red 3", "3107 Fredrikstad")]
    [InlineData(TestDatabases.Sqlite, "threshold remove --unit NAV-0160 --indicator B.101", "NAV-0106 NAV Fredrikstad")]
    [InlineData(TestDatabases.Postgres, "target set --unit NAV-0160 --indicator B.151 --month 2024-01 --value 4", "NAV-0106 NAV Fredrikstad")]
    [InlineData(TestDatabases.Sqlite, "target set --unit fredrikstad --indicator B.151 --month 2024-01 --value 4", "3107 Fredrikstad")]
    [InlineData(TestDatabases.Postgres, "indicators --month 2024-01 --unit 3170", "3107 Fredrikstad")]
    public void An_unknown_unit_is_refused_naming_the_nearest_known_ones_and_nothing_is_stored(string kind, string command, string nearest)
    {
        using var database = TestDatabases.CreateEmpty(kind);
        Assert.Equal(0, Run("import", Offices, "--db", database.Argument, "--key", Path.Combine(work, "key")).Exit);

        var (exit, output, error) = Run([.. command.Split(' '), "--db", database.Argument]);

        Assert.Equal(2, exit);
        Assert.Contains(nearest, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(output);
        var reference = database.Store.LoadReference();
        Assert.Empty(reference.Thresholds.Own);
        Assert.Empty(reference.Targets);
    }

    [Fact]
    public void A_county_is_refused_where_a_threshold_needs_a_municipality_district_or_office()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, _, error) = Run("threshold", "set", "--unit", "31", "--indicator", "B.101", "--green", "2", "--red", "3", "--db", database.Argument);

        Assert.Equal(2, exit);
        Assert.Equal("malekort: --unit: 31 er et fylke, men her må det være en kommune, en bydel eller et NAV-kontor.", error.Trim());
    }

    [Fact]
    public void A_municipality_number_from_before_2024_names_its_2024_number()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, _, error) = Run("indicators", "--month", "2024-01", "--unit", "3017", "--db", database.Argument);

        Assert.Equal(2, exit);
        Assert.StartsWith("malekort: --unit: «3017» er et eldre kommunenummer; bruk ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_indicator_names_the_nearest_codes()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, _, error) = Run("threshold", "set", "--unit", "3107", "--indicator", "B101", "--green", "2", "--red", "3", "--db", database.Argument);

        Assert.Equal(2, exit);
        Assert.Equal("malekort: --indicator: «B101» er ikke en kjent indikator. Nærmeste: B.101, B10, B.102.", error.Trim());
    }

    public static TheoryData<string, string> UnusableDatabases() => new()
    {
        { "not-a-database", "Databasefilen er skadet eller er ikke en Målekort-database." },
        { "missing-folder", "Databasefilen kan ikke åpnes: mappen finnes ikke" },
        { "no-server", "Får ikke kontakt med databasen: serveren svarer ikke på adressen i --db." },
        { "no-database", "Får ikke kontakt med databasen: databasen finnes ikke på serveren." },
        { "bad-connection-string", "--db er ikke en gyldig PostgreSQL-tilkoblingsstreng" },
    };

    [Theory]
    [MemberData(nameof(UnusableDatabases))]
    public void A_database_that_cannot_be_used_is_one_norwegian_line_and_exit_code_2(string which, string expected)
    {
        var notADatabase = Path.Combine(work, "notes.db");
        File.WriteAllText(notADatabase, "dette er ikke en database\n");
        var db = which switch
        {
            "not-a-database" => notADatabase,
            "missing-folder" => Path.Combine(work, "finnes-ikke", "malekort.db"),
            "no-server" => "Host=127.0.0.1;Port=1;Database=malekort;Username=malekort;Timeout=3",
            "bad-connection-string" => "Host=127.0.0.1;Databse=malekort",
            _ => PostgresServer.Shared.ConnectionString("finnes_ikke_" + Guid.NewGuid().ToString("N")),
        };

        var (exit, output, error) = Run("indicators", "--month", "2024-01", "--db", db);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("malekort: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("indicators --help")]
    [InlineData("threshold set -h")]
    public void Help_is_in_norwegian(string command)
    {
        var (exit, output, _) = Run(command.Split(' '));

        Assert.Equal(0, exit);
        Assert.Contains("Beskrivelse:", output, StringComparison.Ordinal);
        Assert.Contains("Bruk:", output, StringComparison.Ordinal);
        Assert.Contains("Vis hjelp for kommandoen.", output, StringComparison.Ordinal);
        foreach (var english in new[] { "Usage", "Options", "Description", "Show help", "REQUIRED", "default:", "Commands" })
            Assert.DoesNotContain(english, output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("indicators --mnth 2024-01", "malekort: ukjent valg «--mnth» for «indicators». Mente du --month?")]
    [InlineData("indicators --to 2024-01", "malekort: valget --month må oppgis.")]
    [InlineData("indicators --month 2024-01 --format xml", "malekort: «xml» er ikke en gyldig verdi for --format (én av csv, json, jsonstat, table, xlsx).")]
    [InlineData("generate --months tolv --out x", "malekort: «tolv» er ikke en gyldig verdi for --months (et heltall).")]
    [InlineData("import", "malekort: argumentet <PATH> mangler.")]
    [InlineData("indikatorer", "malekort: ukjent kommando eller argument «indikatorer». Mente du indicators?")]
    public void Argument_errors_are_in_norwegian_and_exit_with_2(string command, string expected)
    {
        var (exit, output, error) = Run(command.Split(' '));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.EndsWith("--help».", error.Trim(), StringComparison.Ordinal);
        foreach (var english in new[] { "Unrecognized", "Required", "required", "Cannot parse", "not recognized", "Did you mean" })
            Assert.DoesNotContain(english, error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }
}
