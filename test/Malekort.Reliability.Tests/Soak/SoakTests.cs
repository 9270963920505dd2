using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Malekort.Reliability.Soak;

/// <summary>
/// <c>malekort serve</c> under 64 busy connections for a while (15 seconds in the test command, 30 minutes in
/// <c>./malekort reliability</c>): scorecard pages of every unit and month, the JSON API, the data-quality page, the run log,
/// health and metrics, uploads (new, repeated and broken) and drop-folder deliveries, all at once. Every answer is checked;
/// the server's memory is sampled all along. It passes with zero errors, memory under its bound and, at full length, no
/// upward trend.
/// </summary>
public sealed class SoakTests
{
    /// <summary>The most resident memory the server may reach: national data computed, requests rendering, imports running.</summary>
    private static readonly long MemoryBound = (ReliabilitySettings.Full ? 2048L : 1024L) * 1024 * 1024;

    [Fact]
    public async Task The_server_under_64_connections_of_pages_API_uploads_and_drops_answers_every_request_within_a_steady_memory_bound()
    {
        using var installation = await Installation.WithData("soak");
        using var server = await ServerProcess.Start(installation);
        var units = await Units(server);
        var deliveries = new Deliveries(units.Where(u => u.Code.Length is 4 or 6).Take(10).Select(u => u.Code), DateTimeOffset.UtcNow.AddHours(-1));
        var measured = new Measurements();
        using var stop = new CancellationTokenSource(ReliabilitySettings.SoakDuration);
        var clock = Stopwatch.StartNew();

        var sampler = Task.Run(async () =>
        {
            var every = ReliabilitySettings.Full ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(500);
            while (!stop.IsCancellationRequested)
            {
                measured.Memory(clock.Elapsed.TotalMinutes, server.Resident());
                await Task.Delay(every, CancellationToken.None);
            }
        }, CancellationToken.None);
        var workers = new List<Task>();
        for (var i = 0; i < ReliabilitySettings.Connections - 2; i++) workers.Add(Browse(server, units, new Random(i), measured, stop.Token));
        workers.Add(Upload(server, deliveries, measured, stop.Token));
        workers.Add(Drop(installation, deliveries, measured, stop.Token));
        await Task.WhenAll(workers);
        await sampler;

        var peak = server.PeakResident();
        var trend = measured.Trend();
        Report(measured, peak, trend, clock.Elapsed);
        Assert.True(measured.Errors.Count == 0, $"{measured.Errors.Count} feil, de første:\n{string.Join('\n', measured.Errors.Take(10))}\n{server.Output}");
        Assert.True(measured.Requests > 0);
        Assert.True(peak < MemoryBound, string.Create(CultureInfo.InvariantCulture, $"Toppminne {peak / 1048576} MiB, grensen er {MemoryBound / 1048576} MiB"));
        if (ReliabilitySettings.Full)
            Assert.True(trend.LastThirdMiB <= trend.FirstThirdMiB * 1.10 + 32, string.Create(CultureInfo.InvariantCulture,
                $"Minnet vokser: {trend.FirstThirdMiB:0} MiB i første tredjedel, {trend.LastThirdMiB:0} MiB i siste"));
    }

    /// <summary>One connection's worth of a person browsing: scorecard pages mostly, the API, and the other pages now and then.</summary>
    private static async Task Browse(ServerProcess server, IReadOnlyList<(string Code, IReadOnlyList<string> Months)> units, Random random,
        Measurements measured, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (code, months) = units[random.Next(units.Count)];
            var month = months[random.Next(months.Count)];
            var (kind, path) = random.Next(100) switch
            {
                < 65 => ("side /malekort", $"/malekort?enhet={Uri.EscapeDataString(code)}&maned={month}"),
                < 85 => ("API /api/malekort", $"/api/malekort?enhet={Uri.EscapeDataString(code)}&maned={month}"),
                < 89 => ("API /api/indikatorer", $"/api/indikatorer?enhet={Uri.EscapeDataString(code)}"),
                < 92 => ("side /datakvalitet", "/datakvalitet"),
                < 95 => ("side /driftslogg", "/driftslogg"),
                < 97 => ("API /api/enheter", "/api/enheter"),
                < 99 => ("/metrics", "/metrics"),
                _ => ("/helse/klar", "/helse/klar"),
            };
            await Send(server, measured, kind, () => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)),
                status => status == HttpStatusCode.OK);
        }
    }

    /// <summary>Uploads one delivery after another: new content is 201, the same again 200, the broken one 422.</summary>
    private static async Task Upload(ServerProcess server, Deliveries deliveries, Measurements measured, CancellationToken stop)
    {
        var seen = new HashSet<int>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var (unit, zip, valid) = deliveries[i];
            var first = seen.Add(i % deliveries.Count);
            await Send(server, measured, "opplasting", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/leveranser?filnavn=soak-{unit}.zip", UriKind.Relative))
                {
                    Content = new ByteArrayContent(zip),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                return request;
            }, status => !valid ? status == HttpStatusCode.UnprocessableEntity
                : first ? status is HttpStatusCode.Created or HttpStatusCode.OK : status == HttpStatusCode.OK);
        }
    }

    /// <summary>Drops one delivery at a time into its unit's folder and waits until the server has moved it on.</summary>
    private static async Task Drop(Installation installation, Deliveries deliveries, Measurements measured, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var (unit, zip, valid) = deliveries[i];
            var folder = Path.Combine(installation.DropFolder, unit);
            Directory.CreateDirectory(folder);
            var name = string.Create(CultureInfo.InvariantCulture, $"levering-{i:D5}.zip");
            var staging = Path.Combine(installation.Folder, name);
            await File.WriteAllBytesAsync(staging, zip, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            File.Move(staging, Path.Combine(folder, name));
            var expected = Path.Combine(folder, valid ? "importert" : "avvist", name);
            // The server reads a file after 10 s of quiet and rescans every 30 s: a minute and a half is a stuck drop folder.
            while (!File.Exists(expected) && watch.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (stop.IsCancellationRequested && watch.Elapsed > TimeSpan.FromSeconds(45)) return;
                await Task.Delay(200, CancellationToken.None);
            }
            if (File.Exists(expected)) measured.Request("mottaksmappe", watch.Elapsed.TotalMilliseconds);
            else measured.Error($"mottaksmappe: {name} ble ikke flyttet til {(valid ? "importert" : "avvist")}/ på 90 sekunder");
        }
    }

    private static async Task Send(ServerProcess server, Measurements measured, string kind, Func<HttpRequestMessage> request,
        Func<HttpStatusCode, bool> expected)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var message = request();
            using var response = await server.Client.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            if (!expected(response.StatusCode) || body.Length == 0)
                measured.Error($"{kind} {message.RequestUri}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
            else measured.Request(kind, watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            measured.Error($"{kind}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<IReadOnlyList<(string Code, IReadOnlyList<string> Months)>> Units(ServerProcess server)
    {
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/enheter", UriKind.Relative)));
        var first = Periods.Month.Parse(document.RootElement.GetProperty("firstMonth").GetString()!);
        var last = Periods.Month.Parse(document.RootElement.GetProperty("lastMonth").GetString()!);
        var months = new Periods.MonthRange(first, last).Months().Select(m => m.ToString()).ToList();
        return [.. document.RootElement.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("code").GetString()!, (IReadOnlyList<string>)months))];
    }

    private static void Report(Measurements measured, long peak, (double FirstThirdMiB, double LastThirdMiB, double SlopeMiBPerMinute) trend, TimeSpan duration)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Soak: {duration.TotalMinutes:0.0} minutes, {ReliabilitySettings.Connections} connections at once, scale {ReliabilitySettings.Scale} ({ReliabilitySettings.Months} months).");
        text.AppendLine();
        text.AppendLine("| requests | count | p50 ms | p95 ms | p99 ms | slowest ms |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var (kind, count, p50, p95, p99, max) in measured.Latencies())
            text.AppendLine(invariant, $"| {kind} | {count} | {Measurements.Ms(p50)} | {Measurements.Ms(p95)} | {Measurements.Ms(p99)} | {Measurements.Ms(max)} |");
        text.AppendLine(invariant, $"| **all** | **{measured.Requests}** | | | | |");
        text.AppendLine();
        text.AppendLine(invariant, $"Errors: **{measured.Errors.Count}**. Server memory (VmRSS): peak {peak / 1048576.0:0} MiB (bound {MemoryBound / 1048576} MiB); ");
        text.AppendLine(invariant, $"median {trend.FirstThirdMiB:0} MiB in the first third after warm-up, {trend.LastThirdMiB:0} MiB in the last; slope {trend.SlopeMiBPerMinute:0.0} MiB/min.");
        ResultsFile.Write("soak", text.ToString());
    }
}
