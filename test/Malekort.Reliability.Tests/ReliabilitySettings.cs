using System.Globalization;

namespace Malekort.Reliability;

/// <summary>
/// How big the runs are. The test command runs them small (seconds); <c>./malekort reliability</c> sets
/// <c>MALEKORT_RELIABILITY=full</c> for the full-size runs whose results go into <c>docs/reliability.md</c>.
/// </summary>
internal static class ReliabilitySettings
{
    public static bool Full { get; } = Environment.GetEnvironmentVariable("MALEKORT_RELIABILITY") == "full";

    /// <summary>How long the soak runs: 30 minutes in full (<c>MALEKORT_SOAK_MINUTES</c> to change it), 15 seconds otherwise.</summary>
    public static TimeSpan SoakDuration { get; } = Full
        ? TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("MALEKORT_SOAK_MINUTES"), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var minutes) ? minutes : 30)
        : TimeSpan.FromSeconds(15);

    /// <summary>Connections the soak keeps busy at once.</summary>
    public const int Connections = 64;

    /// <summary>The synthetic data the soak and the kills run on: the whole country in full, a small sample otherwise.</summary>
    public static double Scale => Full ? 1.0 : 0.01;

    /// <summary>Months of synthetic data.</summary>
    public static int Months => Full ? 36 : 12;

    /// <summary>
    /// How many of the last months arrive as monthly extracts besides the yearly ones (each unit gets a batch per year and one
    /// per such month, whatever the scale): the three of the benchmarks in full, none in the short run.
    /// </summary>
    public static int MonthlyTail => Full ? 3 : 0;

    /// <summary>How many times an import is killed per database.</summary>
    public static int Kills => Full ? 20 : 1;

    /// <summary>Where the runs write what they measured, for <c>docs/reliability.md</c>.</summary>
    public static string ResultsFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "reliability");

    /// <summary>Where generated data is kept between runs (it takes minutes to make at national scale).</summary>
    public static string DataFolder { get; } = Path.Combine(RepositoryRoot(), ".malekort", "reliability");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Malekort.slnx"))) return folder.FullName;
        }
        return Path.GetTempPath();
    }
}
