using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>What the oracle tests share: the CLI run in-process at a fixed time, and a line-by-line comparison.</summary>
internal static class OracleRun
{
    /// <summary>The hand-computed oracle (<c>Fixtures/oracle</c>, HAND-CALCULATION.md).</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle");

    /// <summary>Imports the oracle's batch, population and offices into <paramref name="database"/>, with its key in <paramref name="work"/>.</summary>
    public static void ImportAll(TestDatabase database, string work, DateTimeOffset now)
    {
        var (exit, _, error) = Cli(now, "import", Path.Combine(Folder, "batch"), Path.Combine(Folder, "population.csv"), Path.Combine(Folder, "offices.csv"),
            "--db", database.Argument, "--key", Path.Combine(work, "pseudonym.key"));
        Assert.True(exit == 0, error);
    }

    public static (int Exit, string Output, string Error) Cli(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, new FixedClock(now));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every differing line, numbered, so a reviewer can hold it against HAND-CALCULATION.md.</summary>
    public static void AssertSameLines(string[] expected, string[] actual)
    {
        var differences = new List<string>();
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "(no line)";
            var a = i < actual.Length ? actual[i] : "(no line)";
            if (!string.Equals(e, a, StringComparison.Ordinal)) differences.Add($"line {i + 1}: expected «{e}», got «{a}»");
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }
}
