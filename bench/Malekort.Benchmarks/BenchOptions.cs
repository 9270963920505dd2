using System.Globalization;

namespace Malekort.Benchmarks;

/// <summary>
/// <c>./malekort bench [--runs N] [--only STEPS] [--out FILE] [--wait-for-quiet MINUTES] [--import-sqlite-only]</c>. The launcher passes <c>--app</c>, the
/// published <c>malekort.dll</c> that generates data and serves the web.
/// </summary>
internal sealed record BenchOptions(string Root, string App, int Runs, int Seed, string Output, IReadOnlySet<string> Steps, int WaitForQuietMinutes,
    int WebSeconds, double Scale, int ProfileSeconds, bool ImportToPostgres = true)
{
    public static readonly string[] AllSteps = ["import", "engine", "duckdb", "bandwidth", "scaling", "web"];

    public bool Has(string step) => Steps.Contains(step);

    public static BenchOptions Parse(string[] args)
    {
        var root = FindRoot();
        string? app = null;
        var runs = 5;
        var seed = 2014;
        var output = Path.Combine(root, "docs", "benchmarks.md");
        var steps = new HashSet<string>(AllSteps, StringComparer.Ordinal);
        var wait = 0;
        var webSeconds = 20;
        var scale = 1.0;
        var profileSeconds = 0;
        var importToPostgres = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} mangler en verdi.");
            switch (args[i])
            {
                case "--app": app = Next(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Path.GetFullPath(Next()); break;
                case "--only": steps = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--wait-for-quiet": wait = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--web-seconds": webSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                // A smaller data set for the engine, DuckDB and web steps, for trying the suite out quickly.
                case "--scale": scale = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                // After the engine step, recompute for this many seconds more, for a profiler (dotnet-trace) to sample.
                case "--profile-seconds": profileSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                // The import step into SQLite only (and its phases), for measuring a reader change without PostgreSQL's minutes.
                case "--import-sqlite-only": importToPostgres = false; break;
                default: throw new ArgumentException($"Ukjent valg {args[i]}. Valg: --runs N, --only {string.Join(',', AllSteps)}, --out FIL, --wait-for-quiet MINUTTER, --web-seconds S, --import-sqlite-only.");
            }
        }
        var unknown = steps.Where(s => !AllSteps.Contains(s)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Ukjente steg: {string.Join(", ", unknown)}.");
        app ??= Path.Combine(root, "artifacts", "app", "malekort.dll");
        if (!File.Exists(app)) throw new ArgumentException($"Fant ikke {app}; kjør via ./malekort bench, som bygger programmet først.");
        return new BenchOptions(root, app, Math.Max(1, runs), seed, output, steps, wait, webSeconds, scale, profileSeconds, importToPostgres);
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Malekort.slnx"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Fant ikke Målekort-repoet (Malekort.slnx).");
    }
}
