using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// Own indicators (issue 11 item 6) on the hand-computed oracle batch, on both databases: defined with <c>own-indicator add</c>,
/// computed by the engine beside the national indicators and summed up the same way, against numbers worked out by hand from
/// <c>Fixtures/oracle/expected.csv</c> (HAND-CALCULATION.md): in 3107, BL151 is 6, 7, 6 and BL153 2, 2, 0 in January–March 2024,
/// and BL166 is 5 in March (January and February look back past the batch: not computed).
/// </summary>
public sealed class OwnIndicatorOracleTests : IDisposable
{
    private static readonly string Oracle = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle");
    private readonly string work = Directory.CreateTempSubdirectory("malekort-own-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_share_a_difference_and_a_ratio_by_formula_give_the_hand_computed_numbers_in_the_unit_and_its_office(string kind)
    {
        using var database = TestDatabases.CreateEmpty(kind);
        var db = database.Argument;
        Assert.Equal(0, Run("import", Path.Combine(Oracle, "batch"), Path.Combine(Oracle, "population.csv"), Path.Combine(Oracle, "offices.csv"),
            "--db", db, "--key", Path.Combine(work, "key")).Exit);

        Added(db, "EGEN.LANGTID", "BL166 / BL151 * 100", "prosent");
        Added(db, "EGEN.ELDRE", "BL151 - BL153", "personer");
        Added(db, "EGEN.PER.UNG", "BL151 / BL153", "mottakere per ung");
        var (exit, output, error) = Run("indicators", "--month", "2024-01", "--to", "2024-03", "--format", "csv", "--db", db);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(",EGEN.", StringComparison.Ordinal)).ToList();

        foreach (var unit in new[] { "3107", "NAV-0106", "31", "0" })
        {
            // Not computed while BL166 looks back past the batch; 5 of 6 in March.
            Assert.Contains($"{unit},2024-01,EGEN.LANGTID,,,", lines);
            Assert.Contains($"{unit},2024-03,EGEN.LANGTID,5,6,83.333333", lines);
            // A difference of counts is a count: 6 − 2, 7 − 2, 6 − 0.
            Assert.Contains($"{unit},2024-01,EGEN.ELDRE,4,1,4", lines);
            Assert.Contains($"{unit},2024-02,EGEN.ELDRE,5,1,5", lines);
            Assert.Contains($"{unit},2024-03,EGEN.ELDRE,6,1,6", lines);
            // A ratio: 6 / 2 = 3; in March BL153 is 0, so the value is not computed, never 0.
            Assert.Contains($"{unit},2024-01,EGEN.PER.UNG,6,2,3", lines);
            Assert.Contains($"{unit},2024-03,EGEN.PER.UNG,6,0,", lines);
        }
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_bad_formula_is_refused_with_its_column_and_nothing_is_stored_and_every_version_is_kept(string kind)
    {
        using var database = TestDatabases.CreateEmpty(kind);
        var db = database.Argument;
        Assert.Equal(0, Run("import", Path.Combine(Oracle, "offices.csv"), "--db", db, "--key", Path.Combine(work, "key")).Exit);

        var unknown = Run("own-indicator", "add", "--code", "EGEN.X", "--name", "X", "--formula", "BL166 / BL15 * 100", "--measure", "prosent",
            "--owner", "3107", "--db", db);
        var nested = Run("own-indicator", "add", "--code", "EGEN.X", "--name", "X", "--formula", "BL151 - BL166 / BL151", "--measure", "prosent",
            "--owner", "3107", "--db", db);
        Added(db, "EGEN.X", "BL151 - BL153", "personer");
        Added(db, "EGEN.X", "BL151 + BL153", "personer");
        var listed = Run("own-indicator", "list", "--db", db);
        var history = Run("own-indicator", "history", "--code", "EGEN.X", "--db", db);
        var removed = Run("own-indicator", "remove", "--code", "EGEN.X", "--db", db);

        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("--formula: Tegn 9: Ukjent kode «BL15». Mente du «BL151»", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, nested.Exit);
        Assert.Contains("--formula: Tegn 15: Deling er bare lov øverst i formelen", nested.Error, StringComparison.Ordinal);
        Assert.StartsWith("EGEN.X               3107      BL151 + BL153  lokal operatør ", listed.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal(["BL151 - BL153 → BL151 + BL153", "(ny) → BL151 - BL153"],
            history.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(": ", 2)[1].Trim()));
        Assert.Equal("EGEN.X er fjernet.", removed.Output.Trim());
        Assert.Empty(database.Store.OwnIndicators());
        Assert.Equal([null, "BL151 + BL153", "BL151 - BL153"], database.Store.OwnIndicatorChanges("EGEN.X").Select(c => c.NewFormula));
    }

    private static void Added(string db, string code, string formula, string measure)
    {
        var (exit, output, error) = Run("own-indicator", "add", "--code", code, "--name", code, "--formula", formula, "--measure", measure,
            "--owner", "3107", "--direction", "lavere", "--db", db);
        Assert.True(exit == 0, $"own-indicator add failed ({exit}):\n{output}\n{error}");
    }

    private static (int Exit, string Output, string Error) Run(params string[] args) =>
        OracleRun.Cli(new DateTimeOffset(2024, 4, 15, 8, 0, 0, TimeSpan.Zero), args);
}
