using System.Text.Json;
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
    public async Task Batches_with_fnr_dropped_in_the_drop_folder_accepted_and_rejected_log_no_number_and_no_pseudonym()
    {
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var drop = Path.Combine(folder, "mottak");
        await using var server = await OperationsServer.StartAsync(store, o => new MalekortWebOptions
        {
            Urls = o.Urls,
            LogFormat = o.LogFormat,
            DropDirectory = drop,
            DropQuietPeriod = TimeSpan.FromMilliseconds(300),
            DropRescanInterval = TimeSpan.FromMilliseconds(200),
            PseudonymKey = batches.Key,
        });

        // Copied in whole elsewhere on the disk, then moved in, as docs/server-mode.md advises. The server makes the folder
        // in the background as it starts; making it here too keeps the test from racing it.
        Directory.CreateDirectory(drop);
        foreach (var batch in new[] { batches.Accepted, batches.Rejected })
        {
            var staged = Path.Combine(folder, Path.GetFileName(batch));
            CopyFolder(batch, staged);
            Directory.Move(staged, Path.Combine(drop, Path.GetFileName(batch)));
        }
        await server.WaitForEventsAsync(1001, 1002);
        await server.WaitForDataVersionAsync(store.DataVersion());

        var imports = store.ImportLog();
        Assert.Contains(imports, e => e.Outcome == ImportOutcome.Imported && e.Unit?.Value == "3107");
        var rejected = Assert.Single(imports, e => e.Outcome == ImportOutcome.Rejected);
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

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        batches.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
