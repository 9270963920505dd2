using System.Text.Json;
using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Operations;

/// <summary>The server's log never holds a fødselsnummer or a pseudonym, whatever is imported and whatever a message says.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-ops-log-").FullName;
    private readonly FnrBatches batches = new();

    [Fact]
    public async Task Importing_batches_with_fnr_accepted_and_rejected_logs_no_number_and_no_pseudonym()
    {
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        await using var server = await OperationsServer.StartAsync(store);
        var telemetry = server.Service<ImportTelemetry>();
        var pipeline = new ImportPipeline(store, new Pseudonymizer(batches.Key), TimeProvider.System);

        var accepted = telemetry.Run(() => pipeline.ImportOne(batches.Accepted));
        var rejected = telemetry.Run(() => pipeline.ImportOne(batches.Rejected));
        await server.WaitForDataVersionAsync(store.DataVersion());

        Assert.Equal(ImportOutcome.Imported, accepted.Outcome);
        Assert.Equal(ImportOutcome.Rejected, rejected.Outcome);
        Assert.Contains(rejected.Findings, f => f.Message.Contains("kontrollsiffer", StringComparison.Ordinal));
        var log = server.Log.Text;
        Assert.NotEmpty(batches.Numbers);
        Assert.All(batches.Numbers, fnr => Assert.DoesNotContain(fnr, log, StringComparison.Ordinal));
        Assert.All(batches.Pseudonyms, pseudonym => Assert.DoesNotContain(pseudonym, log, StringComparison.OrdinalIgnoreCase));
        var events = server.Log.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var landed = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1001);
        var state = landed.GetProperty("State");
        Assert.Equal("3107", state.GetProperty("Unit").GetString());
        Assert.Equal("2024-01", state.GetProperty("FirstMonth").GetString());
        Assert.Equal("importert", state.GetProperty("Outcome").GetString());
        Assert.True(state.GetProperty("Rows").GetInt32() > 0);
        var refused = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1002);
        Assert.Equal("avvist", refused.GetProperty("State").GetProperty("Outcome").GetString());
        Assert.True(refused.GetProperty("State").GetProperty("Errors").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_number_or_pseudonym_put_into_a_log_message_is_masked_in_message_properties_and_exception()
    {
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        await using var server = await OperationsServer.StartAsync(store);
        var fnr = batches.Numbers.Order(StringComparer.Ordinal).First();
        var pseudonym = batches.Pseudonyms.Order(StringComparer.Ordinal).First();
        var spaced = fnr[..6] + " " + fnr[6..];
        var asNumber = long.Parse(fnr, System.Globalization.CultureInfo.InvariantCulture);
        var numberMask = new string('*', asNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var logger = server.Service<ILoggerFactory>().CreateLogger("Malekort.Test");

#pragma warning disable CA1848, CA2254 // The point is a careless message: interpolated, not a template.
        logger.LogWarning(new InvalidOperationException($"Ugyldig rad for {fnr}"), $"Rad med {fnr} og {pseudonym} avvist ({{Person}}, {{Number}})",
            spaced, asNumber);
#pragma warning restore CA1848, CA2254

        var line = Assert.Single(server.Log.Lines, l => l.Contains("Malekort.Test", StringComparison.Ordinal));
        Assert.DoesNotContain(fnr, line, StringComparison.Ordinal);
        Assert.DoesNotContain(fnr[6..], line, StringComparison.Ordinal);
        Assert.DoesNotContain(asNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.DoesNotContain(pseudonym, line, StringComparison.Ordinal);
        var entry = JsonDocument.Parse(line).RootElement;
        Assert.Equal($"Rad med {PersonDataRedaction.NumberMask} og {PersonDataRedaction.PseudonymMask} avvist (************, {numberMask})",
            entry.GetProperty("Message").GetString());
        Assert.Equal("************", entry.GetProperty("State").GetProperty("Person").GetString());
        Assert.Contains($"Ugyldig rad for {PersonDataRedaction.NumberMask}", entry.GetProperty("Exception").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        batches.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
