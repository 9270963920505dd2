using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Malekort.Reliability.Bombs;

/// <summary>
/// The hostile inputs of issue 13 uploaded to a running server, at the sizes in <c>./malekort reliability</c> and
/// smaller in the test command: each is rejected (422) with a short answer and a bounded list of findings, while the server's
/// memory stays within its bound. The sizes, times, answers and the server's peak memory go into <c>docs/reliability.md</c>.
/// </summary>
public sealed class BombTests
{
    private static readonly long MemoryBound = (ReliabilitySettings.Full ? 2048L : 1024L) * 1024 * 1024;

    [Fact]
    public async Task Every_hostile_upload_is_rejected_with_a_short_answer_and_bounded_findings_in_bounded_memory()
    {
        using var installation = await Installation.Empty("bomber");
        var folder = Directory.CreateDirectory(Path.Combine(installation.Folder, "inndata")).FullName;
        var full = ReliabilitySettings.Full;
        var inputs = new List<(string What, Func<string> Make, string Expected)>
        {
            (full ? "1 000 000 like utbetalingsrader" : "50 000 like utbetalingsrader",
                () => HostileInputs.DuplicateRows(folder, full ? 1_000_000 : 50_000), ""),
            (full ? "3 000 000 rader med seks brudd hver" : "50 000 rader med seks brudd hver",
                () => HostileInputs.BrokenRows(folder, full ? 3_000_000 : 50_000), "funn til av samme slag"),
            (full ? "zip-bombe, 4 GiB mellomrom" : "zip-bombe, 200 MiB mellomrom",
                // 4 GiB passes the one-file limit before the expansion ratio is looked at; 200 MiB is refused for its ratio.
                () => HostileInputs.ZipBomb(folder, full ? 4L << 30 : 200L << 20), full ? "mer enn grensen på 512" : "zip-bombe"),
            (full ? "zip med 1 000 000 tomme oppføringer" : "zip med 20 000 tomme oppføringer",
                () => HostileInputs.ManyEntries(folder, full ? 1_000_000 : 20_000), "mer enn 1000 filer"),
            ("Digisos-JSON nøstet 100 000 nivåer", () => HostileInputs.DeepJson(folder, 100_000), "nøstet dypere enn 64"),
        };
        if (full) inputs.Add(("persons.csv med 5 000 001 rader", () => HostileInputs.OverRowLimit(folder, 5_000_001), "mer enn 5000000 rader"));
        using var server = await ServerProcess.Start(installation);
        var results = new List<string>();

        foreach (var (what, make, expected) in inputs)
        {
            var path = make();
            var before = server.Resident();
            var (status, body, duration, peak) = await Upload(server, path);
            var problem = JsonDocument.Parse(body).RootElement;
            var detail = problem.GetProperty("detail").GetString() + " " + string.Join(" ", problem.TryGetProperty("findings", out var findings)
                ? findings.EnumerateArray().Select(f => f.GetProperty("message").GetString()) : []);
            var listed = findings.ValueKind == JsonValueKind.Array ? findings.GetArrayLength() : 0;
            var total = findings.ValueKind == JsonValueKind.Array ? findings.EnumerateArray().Sum(f => (long)f.GetProperty("count").GetInt32()) : 0;
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {new FileInfo(path).Length / 1048576.0:0.0} MB | {(int)status} | {body.Length / 1024.0:0.0} KB | {listed} ({total:N0} i alt) | {duration.TotalSeconds:0.0} s | {before / 1048576} → {peak / 1048576} MiB |"));

            Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{what}: {(int)status} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(400, body.Length)))}");
            Assert.Contains(expected, detail, StringComparison.Ordinal);
            Assert.True(body.Length < 4 * 1024 * 1024, $"{what}: svaret er {body.Length} byte");
            Assert.True(listed <= 2 * Import.Limits.InputLimits.FindingsListed + 4, $"{what}: {listed} funn i listen");
            Assert.True(peak < MemoryBound, $"{what}: serveren brukte {peak / 1048576} MiB");
            File.Delete(path);
        }

        ResultsFile.Write("bombs", "| input | size | status | answer | findings listed | time | server memory (before → peak) |\n"
            + "|---|---|---|---|---|---|---|\n" + string.Join('\n', results) + "\n");
    }

    /// <summary>Uploads a file as the body, sampling the server's memory every 20 ms while it works.</summary>
    private static async Task<(HttpStatusCode Status, byte[] Body, TimeSpan Duration, long Peak)> Upload(ServerProcess server, string path)
    {
        var peak = server.Resident();
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.Resident());
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/leveranser?filnavn={Path.GetFileName(path)}", UriKind.Relative))
        {
            Content = new StreamContent(file),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var duration = watch.Elapsed;
        await done.CancelAsync();
        await sampler;
        return (response.StatusCode, body, duration, Math.Max(peak, server.Resident()));
    }
}
