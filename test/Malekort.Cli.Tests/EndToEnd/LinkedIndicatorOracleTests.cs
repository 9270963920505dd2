using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// The linked indicators (Arena and the municipal data, seed 004) on the hand-computed oracle batch: recipients registered as
/// ordinary job seekers, and those of them followed up in the last three months, as counts and shares of BL151, worked out
/// in the oracle's HAND-CALCULATION.md ("Linked indicators") and compared line by line with <c>malekort indicators --all</c>.
/// </summary>
public sealed class LinkedIndicatorOracleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 15, 8, 0, 0, TimeSpan.Zero);
    private readonly string work = Directory.CreateTempSubdirectory("malekort-linked-").FullName;
    private readonly TestDatabase database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void Recipients_registered_as_job_seekers_and_followed_up_equal_the_hand_calculation()
    {
        OracleRun.ImportAll(database, work, Now);

        var output = Run("indicators", "--month", "2024-01", "--to", "2024-03", "--all", "--unit", "3107", "--format", "csv", "--db", database.Argument);

        OracleRun.AssertSameLines(
            [
                "3107,2024-01,KOBLET.ARBEIDSSOKER,2,6,33.333333",
                "3107,2024-01,KOBLET.OPPFOLGING,1,6,16.666667",
                "3107,2024-02,KOBLET.ARBEIDSSOKER,2,7,28.571429",
                "3107,2024-02,KOBLET.OPPFOLGING,1,7,14.285714",
                "3107,2024-03,KOBLET.ARBEIDSSOKER,2,6,33.333333",
                "3107,2024-03,KOBLET.OPPFOLGING,1,6,16.666667",
            ],
            [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("3107,", StringComparison.Ordinal) && l.Contains(",KOBLET.", StringComparison.Ordinal))]);
    }

    private static string Run(params string[] args)
    {
        var (exit, output, error) = OracleRun.Cli(Now, args);
        Assert.True(exit == 0, $"{args[0]} failed ({exit}):\n{output}\n{error}");
        return output;
    }
}
