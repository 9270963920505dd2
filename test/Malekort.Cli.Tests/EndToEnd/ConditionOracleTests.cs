using System.Text.Json;
using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// V.101–V.104 end to end through the real command on both databases: the hand-computed Alna batch
/// (<c>Fixtures/conditions-oracle</c>, worked out in its HAND-CALCULATION.md), a batch without the condition files, a
/// KOSTRA 11F file whose sanctions are known only by year, and the same recipients by KOSTRA and by capture format
/// (<c>Fixtures/conditions-routes</c>).
/// </summary>
public sealed class ConditionOracleTests : IDisposable
{
    private static readonly string Oracle = Path.Combine(AppContext.BaseDirectory, "Fixtures", "conditions-oracle");
    private static readonly string Routes = Path.Combine(AppContext.BaseDirectory, "Fixtures", "conditions-routes");
    private static readonly string[] ConditionFiles = ["conditions.csv", "activity_exemptions.csv", "sanctions.csv"];

    private readonly string work = Directory.CreateTempSubdirectory("malekort-conditions-").FullName;
    private readonly List<TestDatabase> databases = [];

    public void Dispose()
    {
        foreach (var database in databases) database.Dispose();
        Directory.Delete(work, recursive: true);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void V_indicators_of_the_conditions_oracle_equal_the_hand_calculation(string kind)
    {
        var db = Database(kind);
        ImportSucceeds(db, Path.Combine(Oracle, "batch"), Path.Combine(Oracle, "offices.csv"));

        OracleRun.AssertSameLines(File.ReadAllLines(Path.Combine(Oracle, "expected.csv")), VRows(Csv(db, "2024-01", "2024-04")));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_batch_without_the_condition_files_says_nothing_about_conditions(string kind)
    {
        var db = Database(kind);
        var batch = Path.Combine(work, "batch");
        Directory.CreateDirectory(batch);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Oracle, "batch")).Where(f => !ConditionFiles.Contains(Path.GetFileName(f))))
            File.Copy(file, Path.Combine(batch, Path.GetFileName(file)));
        ImportSucceeds(db, batch);

        var rows = VRows(Csv(db, "2024-01", "2024-04", "--unit", "030112")).Skip(1).ToList();

        Assert.Equal(16, rows.Count);
        // Not captured: no numerator and no value. A count keeps its denominator 1 (docs/decisions.md); the shares keep theirs,
        // recipients (aged 18–29), which the batch does say.
        Assert.All(rows, r => Assert.Matches(@"^030112,2024-0[1-4],V\.10[1-4],,[0-9]+,$", r));
        Assert.Equal(["030112,2024-01,V.101,,9,", "030112,2024-01,V.102,,11,", "030112,2024-01,V.103,,1,", "030112,2024-01,V.104,,1,"], rows[..4]);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_KOSTRA_sanction_without_a_date_is_a_yearly_count_shown_on_December_and_marked_as_such(string kind)
    {
        var db = Database(kind);
        ImportSucceeds(db, Path.Combine(Routes, "11F_3112_2024.dat"));

        var sanctions = Csv(db, "2024-01", "2024-12", "--unit", "3112").Where(l => l.Contains(",V.104,", StringComparison.Ordinal)).ToList();

        // The first recipient has SANKSJONRED, the second both SANKSJONRED and SANKSJONANDRE: two persons, in December.
        Assert.Equal([.. Enumerable.Range(1, 11).Select(m => $"3112,2024-{m:D2},V.104,,1,"), "3112,2024-12,V.104,2,1,2"], sanctions);
        using var json = JsonDocument.Parse(Run("indicators", "--month", "2024-11", "--to", "2024-12", "--unit", "3112", "--format", "json",
            "--db", db.Argument).Output);
        var (november, december) = (Sanctions(json, "2024-11"), Sanctions(json, "2024-12"));
        Assert.Equal("yearlyOnly", november.GetProperty("reason").GetString());
        Assert.Contains(december.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("årstall", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_KOSTRA_and_capture_routes_give_the_same_V101_and_V102_for_the_same_recipients(string kind)
    {
        var (kostra, capture) = (Database(kind), Database(kind));
        ImportSucceeds(kostra, Path.Combine(Routes, "11F_3112_2024.dat"));
        ImportSucceeds(capture, Path.Combine(Routes, "capture"));

        string[] Shares(TestDatabase db) => [.. Csv(db, "2024-01", "2024-12", "--unit", "3112")
            .Where(l => l.Contains(",V.101,", StringComparison.Ordinal) || l.Contains(",V.102,", StringComparison.Ordinal))];

        var byKostra = Shares(kostra);
        Assert.Equal(24, byKostra.Length);
        // January: four recipients aged 18–29 (born 1995, 1999, 2001 and 31 Dec 1994), one of them with VILKARKURS.
        Assert.Contains("3112,2024-01,V.101,1,4,25", byKostra);
        OracleRun.AssertSameLines(byKostra, Shares(capture));
    }

    private TestDatabase Database(string kind)
    {
        var database = TestDatabases.CreateEmpty(kind);
        databases.Add(database);
        return database;
    }

    private void ImportSucceeds(TestDatabase db, params string[] paths)
    {
        var (exit, output, error) = Run(["import", .. paths, "--db", db.Argument, "--key", Path.Combine(work, "pseudonym.key")]);
        Assert.True(exit == 0, $"import failed ({exit}):\n{output}\n{error}");
    }

    private static string[] Csv(TestDatabase db, string from, string to, params string[] more)
    {
        var (exit, output, error) = Run(["indicators", "--month", from, "--to", to, "--format", "csv", "--db", db.Argument, .. more]);
        Assert.True(exit == 0, $"indicators failed ({exit}):\n{error}");
        return [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
    }

    /// <summary>The header and the rows of the V indicators.</summary>
    private static string[] VRows(string[] lines) => [lines[0], .. lines.Skip(1).Where(l => l.Split(',')[2].StartsWith("V.", StringComparison.Ordinal))];

    private static JsonElement Sanctions(JsonDocument json, string month) => json.RootElement.EnumerateArray()
        .Single(r => r.GetProperty("indicator").GetString() == "V.104" && r.GetProperty("month").GetString() == month);

    private static (int Exit, string Output, string Error) Run(params string[] args) => OracleRun.Cli(new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero), args);
}
