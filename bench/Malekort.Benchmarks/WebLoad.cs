using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Malekort.Benchmarks;

/// <summary>
/// The scorecard page and the API under load: <c>malekort serve</c> on loopback with the national data, Debian's <c>wrk</c>
/// with 64 connections cycling through units, offices, counties and the country; requests per second, latency percentiles,
/// errors, and the server's resident-memory high-water mark.
/// </summary>
internal static partial class WebLoad
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Spread = "page-spread";

    /// <param name="units">The units asked for month after month: what fits in the server's response cache.</param>
    /// <param name="allUnits">Every unit with results, asked for with <paramref name="allMonths"/> in a seeded shuffle: far more pages
    /// than the cache holds, so most requests render their page.</param>
    public static void Run(BenchOptions options, string database, IReadOnlyList<string> units, string month,
        IReadOnlyList<string> allUnits, IReadOnlyList<string> allMonths, Report report)
    {
        var wrk = EnsureWrk(report);
        if (wrk is null) return;
        var port = FreePort();
        var url = string.Create(Invariant, $"http://127.0.0.1:{port}");
        // Every page needs a signed-in user: an administrator's token, made the way an operator makes one.
        var token = BenchToken(options, database);
        report.Say($"Starter malekort serve på {url} …");
        using var server = Process.Start(new ProcessStartInfo("dotnet", $"\"{options.App}\" serve --db \"{database}\" --urls {url}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // Where the start goes (issue 14): the server logs its first computation (load + engine + snapshot) as JSON on stdout.
        var startClock = Stopwatch.StartNew();
        var startup = new StartPhases();
        server.OutputDataReceived += (_, e) => startup.See(e.Data, startClock.Elapsed.TotalMilliseconds);
        server.ErrorDataReceived += (_, e) =>
        {
            startup.See(e.Data, startClock.Elapsed.TotalMilliseconds);
            if (e.Data is { Length: > 0 }) report.Say("  server: " + e.Data);
        };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var started = Stopwatch.StartNew();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var paths = new List<(string Kind, string Path)>();
            foreach (var unit in units)
            {
                paths.Add(("page", $"/malekort?enhet={Uri.EscapeDataString(unit)}&maned={month}"));
                paths.Add(("api", $"/api/malekort?enhet={Uri.EscapeDataString(unit)}&maned={month}"));
            }
            var spread = allUnits.SelectMany(u => allMonths.Select(m => $"/malekort?enhet={Uri.EscapeDataString(u)}&maned={m}")).ToArray();
            new Random(options.Seed).Shuffle(spread);
            string Script(string kind)
            {
                var script = Path.Combine(Path.GetTempPath(), $"malekort-wrk-{kind}-{Environment.ProcessId}.lua");
                if (!File.Exists(script))
                    File.WriteAllText(script, LuaScript(kind == Spread ? spread : paths.Where(p => p.Kind == kind).Select(p => p.Path)), new UTF8Encoding(false));
                return script;
            }
            WaitUntilUp(http, url + paths[1].Path, server);
            report.Result("web", "server start until the first API answer (national data)", Timing.Ms(started.Elapsed.TotalMilliseconds));
            startup.Describe(startClock.Elapsed.TotalMilliseconds, report);
            // Warm-up: every URL once, checked, so the measured runs see a warm server.
            foreach (var (_, path) in paths)
            {
                using var response = http.GetAsync(url + path).GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode) report.Fail($"{path} svarte {(int)response.StatusCode}");
            }
            // Each URL on its own, one request at a time (median of three): which ones are slow.
            var perUrl = new List<(string Path, double Ms)>();
            foreach (var (_, path) in paths)
            {
                var times = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var sw = Stopwatch.StartNew();
                    using var response = http.GetAsync(url + path).GetAwaiter().GetResult();
                    response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                perUrl.Add((path, Timing.Of(times).Median));
            }
            report.Section("What limits the web").AppendLine("- One request at a time per URL (median of three), the slowest first: " + string.Join("; ",
                perUrl.OrderByDescending(p => p.Ms).Take(8).Select(p => $"`{p.Path}` {Timing.Ms(p.Ms)}")) + "; the fastest: " + string.Join("; ",
                perUrl.OrderBy(p => p.Ms).Take(3).Select(p => $"`{p.Path}` {Timing.Ms(p.Ms)}")) + ".");
            foreach (var kind in new[] { "page", "api" })
            {
                // One connection first: the time one request takes when nothing waits, before 64 connections queue up.
                var single = Parse(RunWrk(wrk, string.Create(Invariant, $"-t 1 -c 1 -d 5s --latency -s {Script(kind)} {url}"), token));
                report.Result("web", $"{(kind == "page" ? "scorecard page" : "API")}, 1 connection (service time)", string.Create(Invariant,
                    $"{single.RequestsPerSecond:0} req/s; p50 {single.P50:0.0} ms, p95 {single.P95:0.0} ms; {single.BytesPerRequest / 1024:0} KiB per response"));
                var script = Script(kind);
                var arguments = string.Create(Invariant, $"-t 2 -c 64 -d {options.WebSeconds}s --latency -s {script} {url}");
                report.Say($"  wrk {arguments}");
                var output = RunWrk(wrk, arguments, token);
                var result = Parse(output);
                var goal = kind == "page" ? 50.0 : 20.0;
                var what = kind == "page" ? "scorecard page /malekort" : "API /api/malekort";
                report.Result("web", $"{what}, 64 connections", string.Create(Invariant,
                    $"{result.RequestsPerSecond:0} req/s; p50 {result.P50:0.0} ms, p95 {result.P95:0.0} ms, p99 {result.P99:0.0} ms; {result.Errors} errors"),
                    string.Create(Invariant, $"p95 < {goal:0} ms, 0 errors"), result.P95 < goal && result.Errors == 0);
                if (result.Errors > 0) report.Fail($"{what}: {result.Errors} feil under last");
                // Little's law: with every connection always waiting, mean latency = connections ÷ throughput. A p95 goal at 64
                // connections is therefore a throughput goal, and with 2 cores shared with wrk a CPU-time-per-request goal.
                report.Section("What limits the web").AppendLine(string.Create(Invariant,
                    $"- {what}: one connection gets {single.RequestsPerSecond:0} req/s (p50 {single.P50:0.0} ms, {single.BytesPerRequest / 1024:0} KiB a response); ")
                    + string.Create(Invariant, $"64 connections get {result.RequestsPerSecond:0} req/s, so each request waits behind the others: 64 ÷ {result.RequestsPerSecond:0} req/s = ")
                    + string.Create(Invariant, $"{64_000 / result.RequestsPerSecond:0} ms on average. p95 < {goal:0} ms at 64 connections needs roughly {64_000 / goal:0} req/s or more, ")
                    + string.Create(Invariant, $"i.e. under {2_000 / (64_000 / goal):0.0} ms of CPU per request on the 2 cores that the server shares with wrk."));
                report.Section("Web under load").AppendLine(CultureInfo.InvariantCulture,
                    $"`wrk {arguments.Replace(script, $"{kind}.lua", StringComparison.Ordinal)}` ({paths.Count / 2} URLs in turn: {units.Count} units, offices, counties and the country, month {month}):")
                    .AppendLine().AppendLine("```").AppendLine(output.Trim()).AppendLine("```").AppendLine();
            }
            {
                // The worst case for the cache: every unit × every month in a shuffle, each page asked for about once.
                var script = Script(Spread);
                var arguments = string.Create(Invariant, $"-t 2 -c 64 -d {options.WebSeconds}s --latency -s {script} {url}");
                report.Say($"  wrk {arguments}");
                var output = RunWrk(wrk, arguments, token);
                var result = Parse(output);
                report.Result("web", string.Create(Invariant,
                    $"scorecard page, 64 connections, every unit × every month shuffled ({spread.Length} pages, far more than the response cache holds)"),
                    string.Create(Invariant,
                        $"{result.RequestsPerSecond:0} req/s; p50 {result.P50:0.0} ms, p95 {result.P95:0.0} ms, p99 {result.P99:0.0} ms; {result.Errors} errors"));
                if (result.Errors > 0) report.Fail($"sider spredt over alle måneder: {result.Errors} feil under last");
                report.Section("Web under load").AppendLine(CultureInfo.InvariantCulture,
                    $"`wrk {arguments.Replace(script, $"{Spread}.lua", StringComparison.Ordinal)}` ({spread.Length} URLs in a seeded shuffle: every unit with results × {allMonths.Count} months):")
                    .AppendLine().AppendLine("```").AppendLine(output.Trim()).AppendLine("```").AppendLine();
            }
            foreach (var kind in new[] { "page", "api", Spread }) File.Delete(Script(kind));
            var peak = Machine.PeakResident(server.Id);
            report.Result("web", "peak server memory (VmHWM of the serve process, national data)",
                string.Create(Invariant, $"{peak / 1048576.0:0} MiB"), "< 1 GiB", peak < 1L << 30);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
        }
    }

    private static string? EnsureWrk(Report report)
    {
        if (File.Exists("/usr/bin/wrk")) return "/usr/bin/wrk";
        report.Say("Installerer wrk fra Debian …");
        foreach (var arguments in new[] { "update -qq", "install -y -qq wrk" })
        {
            using var apt = Process.Start(new ProcessStartInfo("apt-get", arguments))!;
            apt.WaitForExit();
        }
        if (File.Exists("/usr/bin/wrk")) return "/usr/bin/wrk";
        report.Fail("wrk kunne ikke installeres; webmålingene er hoppet over.");
        return null;
    }

    private static string LuaScript(IEnumerable<string> paths)
    {
        var lua = new StringBuilder("-- Målekort: every URL in turn.\nlocal paths = {\n");
        foreach (var p in paths) lua.Append("  \"").Append(p).Append("\",\n");
        lua.Append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        // --latency prints 50/75/90/99 %; the goals are on p95, so the script prints the percentiles itself (wrk gives µs).
        lua.Append("done = function(summary, latency, requests)\n  for _, p in ipairs({50, 95, 99}) do\n");
        lua.Append("    io.write(string.format(\"p%d_ms %.3f\\n\", p, latency:percentile(p) / 1000))\n  end\nend\n");
        return lua.ToString();
    }

    /// <summary>Runs wrk with the token in every request's header; the arguments as reported never show the token.</summary>
    private static string RunWrk(string wrk, string arguments, string token)
    {
        using var process = Process.Start(new ProcessStartInfo(wrk, $"-H \"Authorization: Bearer {token}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk feilet: {error}");
        return output;
    }

    internal sealed record WrkResult(double RequestsPerSecond, double P50, double P95, double P99, long Errors, double BytesPerRequest);

    /// <summary>wrk's summary, with the percentiles the script's done() hook prints.</summary>
    internal static WrkResult Parse(string output)
    {
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, Invariant);
        double Percentile(int p)
        {
            var m = Regex.Match(output, string.Create(Invariant, $@"^p{p}_ms ([\d.]+)\s*$"), RegexOptions.Multiline);
            return m.Success ? double.Parse(m.Groups[1].Value, Invariant) : double.NaN;
        }
        long errors = 0;
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, Invariant);
        var socket = SocketErrors().Match(output);
        if (socket.Success)
        {
            for (var g = 1; g <= 4; g++) errors += long.Parse(socket.Groups[g].Value, Invariant);
        }
        var requests = Requests().Match(output);
        double bytesPerRequest = 0;
        if (requests.Success)
        {
            var unit = requests.Groups[3].Value switch { "KB" => 1024.0, "MB" => 1048576.0, "GB" => 1073741824.0, _ => 1.0 };
            bytesPerRequest = double.Parse(requests.Groups[2].Value, Invariant) * unit / double.Parse(requests.Groups[1].Value, Invariant);
        }
        return new WrkResult(rps, Percentile(50), Percentile(95), Percentile(99), errors, bytesPerRequest);
    }

    /// <summary>
    /// Adds the benchmark's administrator (once) and makes a new token for it, through <c>malekort users</c> on the database.
    /// </summary>
    private static string BenchToken(BenchOptions options, string database)
    {
        const string User = "benchmark";
        Malekort(options, $"users add {User} --role admin --db \"{database}\"", "benchmarkens-passord-" + Guid.NewGuid().ToString("N"), mayFail: true);
        return Malekort(options, $"users token {User} --db \"{database}\"", null, mayFail: false).Trim();
    }

    private static string Malekort(BenchOptions options, string arguments, string? input, bool mayFail)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{options.App}\" {arguments}")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        if (input is not null) process.StandardInput.WriteLine(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !mayFail) throw new InvalidOperationException($"malekort {arguments} feilet: {error}");
        return output;
    }

    /// <summary>The server's first computation and the moment it listens, read off its log lines as they come.</summary>
    private sealed class StartPhases
    {
        private const string ComputedBy = "\"Category\":\"Malekort.Web.State.ScorecardState\"";
        private readonly Lock gate = new();
        private double? computed, computedAt, listeningAt;

        public void See(string? line, double at)
        {
            if (line is null) return;
            lock (gate)
            {
                if (computed is null && line.Contains(ComputedBy, StringComparison.Ordinal) && Milliseconds(line) is { } ms)
                    (computed, computedAt) = (ms, at);
                else if (listeningAt is null && line.Contains("Now listening on", StringComparison.Ordinal))
                    listeningAt = at;
            }
        }

        /// <summary>One line in "What limits the web": the start's parts, the first request's being the viewer's suppression plan.</summary>
        public void Describe(double answeredAt, Report report)
        {
            lock (gate)
            {
                if (computed is not { } ms || computedAt is not { } done || listeningAt is not { } listening) return;
                report.Section("What limits the web").AppendLine(string.Create(Invariant,
                    $"- Server start, {Timing.Ms(answeredAt)} until the first API answer: the process and its first computation (`store.Load`, the engine, the snapshot; ")
                    + string.Create(Invariant, $"{Timing.Ms(ms)} by the server's own log) until {Timing.Ms(done)}, listening at {Timing.Ms(listening)}, then {Timing.Ms(answeredAt - listening)} ")
                    + "for the first request. A signed-in user other than the operator sees other offices' small counts suppressed, and the first request of a scope " +
                    "computes its disclosure plan (`ShownResultsCache.For`, kept for the snapshot after that): complementary suppression over every unit and month, " +
                    "in one thread. Profiled on 2026-12-07 (`dotnet-trace collect --profile dotnet-sampled-thread-time -p PID` around that request, national data), " +
                    "`ComplementarySuppression.WorkOut` was 90 % of the request, its cost growing with the months since each month's rounds went through the relations " +
                    "and settled cells of all months before it; since then the suppression is incremental (a month works out and bounds only what it reaches, " +
                    "`ComplementarySuppression`), so what is left of the request is what the months themselves need.");
            }
        }

        private static double? Milliseconds(string line)
        {
            const string Key = "\"Milliseconds\":";
            var at = line.IndexOf(Key, StringComparison.Ordinal);
            if (at < 0) return null;
            var start = at + Key.Length;
            var end = start;
            while (end < line.Length && (char.IsAsciiDigit(line[end]) || line[end] is '.' or 'E' or 'e' or '-' or '+')) end++;
            return double.TryParse(line.AsSpan(start, end - start), NumberStyles.Float, Invariant, out var value) ? value : null;
        }
    }

    private static void WaitUntilUp(HttpClient http, string url, Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException($"malekort serve stoppet med kode {server.ExitCode}.");
            try
            {
                using var response = http.GetAsync(url).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("malekort serve svarte ikke innen 3 minutter.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
