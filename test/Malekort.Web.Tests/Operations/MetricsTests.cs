using System.Globalization;
using System.Text.RegularExpressions;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Malekort.Testing;

namespace Malekort.Web.Operations;

public sealed partial class MetricsTests : IDisposable
{
    private readonly FnrBatches batches = new();

    [Fact]
    public async Task After_an_import_the_exposition_holds_the_import_computation_request_and_state_series()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        await using var server = await OperationsServer.StartAsync(db.Store);
        var pipeline = new ImportPipeline(db.Store, new Pseudonymizer(batches.Key), TimeProvider.System);

        var accepted = server.Service<ImportTelemetry>().Run(() => pipeline.ImportOne(batches.Accepted));
        server.Service<ImportTelemetry>().Run(() => pipeline.ImportOne(batches.Rejected));
        await server.WaitForDataVersionAsync(db.Store.DataVersion());
        using var units = await server.Client.GetAsync(new Uri("/api/enheter", UriKind.Relative), TestContext.Current.CancellationToken);
        using var response = await server.Client.GetAsync(new Uri(OperationsServices.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var series = Series(text);

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(1, series["malekort_imports{format=\"malekort-capture/1\",outcome=\"importert\"}"]);
        Assert.Equal(1, series["malekort_imports{format=\"malekort-capture/1\",outcome=\"avvist\"}"]);
        Assert.Equal(accepted.Counts["persons"], series["malekort_import_rows{format=\"malekort-capture/1\",kind=\"persons\"}"]);
        Assert.Equal(1, series["malekort_import_duration_seconds_count{format=\"malekort-capture/1\",outcome=\"importert\"}"]);
        Assert.Contains("# TYPE malekort_import_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.True(series["malekort_computations{outcome=\"beregnet\"}"] >= 2, "the start and the import");
        Assert.True(series["malekort_computation_duration_seconds_count"] >= 2);
        Assert.Equal(db.Store.DataVersion(), series["malekort_data_version"]);
        Assert.True(series["malekort_computation_months"] >= 6);
        Assert.True(series["malekort_computation_units"] >= 1);
        Assert.InRange(series["malekort_state_age_seconds"], 0, 60);
        Assert.Equal(1, series["malekort_request_duration_seconds_count{route=\"/api/enheter\",status=\"200\"}"]);
        Assert.DoesNotContain("otel", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_in_one_process_each_count_only_their_own()
    {
        using var first = TestDatabases.Create(TestDatabases.Sqlite);
        using var second = TestDatabases.Create(TestDatabases.Sqlite);
        await using var one = await OperationsServer.StartAsync(first.Store);
        await using var other = await OperationsServer.StartAsync(second.Store);

        var pipeline = new ImportPipeline(first.Store, new Pseudonymizer(batches.Key), TimeProvider.System);
        one.Service<ImportTelemetry>().Run(() => pipeline.ImportOne(batches.Accepted));
        var text = await other.Client.GetStringAsync(new Uri(OperationsServices.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("malekort_imports{", text, StringComparison.Ordinal);
        Assert.Contains("malekort_data_version 0", text, StringComparison.Ordinal);
    }

    public void Dispose() => batches.Dispose();

    // Every sample line: name with labels, and value.
    private static Dictionary<string, double> Series(string exposition) =>
        Sample().Matches(exposition).ToDictionary(m => m.Groups["series"].Value,
            m => double.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<series>[a-z_]+(\{[^}]*\})?) (?<value>[-0-9.eE+]+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
