using System.Globalization;
using Malekort.Import.Kostra;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Import.Pipeline;

/// <summary>
/// <see cref="ImportPipeline.Import"/> stores the batches that are ready together (<see cref="IMalekortStore.SaveBatches"/>);
/// <see cref="ImportPipeline.ImportOne"/> stores each alone. Whatever the grouping, both give the same log and the same rows.
/// </summary>
public sealed class PipelineTogetherTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-together-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's connection pool may still hold the database file; the temp folder is left for the OS to clean.
        }
    }

    [Fact]
    public void Inputs_imported_together_give_the_same_log_and_rows_as_the_same_inputs_imported_one_by_one()
    {
        var unknown = Path.Combine(folder, "ukjent.txt");
        File.WriteAllText(unknown, "ikke et format\n");
        // Batches of three formats, a rejection between them and the same content twice, so a group meets all of it.
        string[] inputs =
        [
            Path.Combine(Fixtures, "capture", "valid-small"),
            Path.Combine(Fixtures, "digisos", "fredrikstad-socio.json"),
            Path.Combine(Fixtures, "digisos", "oslo-velferd.json"),
            unknown,
            Path.Combine(Fixtures, "digisos", "nav-eksempel"),
            Path.Combine(Fixtures, "kostra", "ssb-kvalifisering-minimal-2024.dat"),
            Path.Combine(Fixtures, "capture", "valid-small"),
            Path.Combine(Fixtures, "capture", "valid-small-fnr"),
        ];

        var (alone, aloneRows) = Run("alone.db", pipeline => [.. inputs.Select(pipeline.ImportOne)]);
        var (together, togetherRows) = Run("together.db", pipeline => pipeline.Import(inputs));

        Assert.Equal(alone.Select(Shown), together.Select(Shown));
        Assert.Contains(ImportOutcome.AlreadyImported, together.Select(e => e.Outcome));
        Assert.Contains(ImportOutcome.Rejected, together.Select(e => e.Outcome));
        Assert.True(together.Count(e => e.Outcome == ImportOutcome.Imported) >= 5, string.Join('\n', together.Select(Shown)));
        Assert.Equal(aloneRows, togetherRows);
    }

    [Fact]
    public async Task The_store_waits_for_more_inputs_until_the_reader_waits_for_room_then_takes_what_is_ready()
    {
        using var ahead = new ReadAhead<int>(maxItems: 2, maxBytes: 100);
        Assert.True(ahead.Reserve(10));
        ahead.Add(1);
        var taking = Task.Run(() => ahead.TakeReady(atLeast: 5), TestContext.Current.CancellationToken);
        Assert.True(ahead.Reserve(10));
        ahead.Add(2);
        // Two are held, the most: the third waits for room, and that lets the store take the two without waiting for five.
        var third = Task.Run(() => ahead.Reserve(10), TestContext.Current.CancellationToken);

        Assert.Equal([1, 2], await taking);
        ahead.Landed(10);
        Assert.True(await third);
    }

    [Fact]
    public void The_store_takes_fewer_inputs_than_it_waits_for_once_the_reader_is_done()
    {
        using var ahead = new ReadAhead<int>(maxItems: 64, maxBytes: 100);
        Assert.True(ahead.Reserve(10));
        ahead.Add(1);
        ahead.Complete();

        Assert.Equal([1], ahead.TakeReady(atLeast: 5));
        Assert.Empty(ahead.TakeReady(atLeast: 5));
    }

    private (IReadOnlyList<ImportLogEntry> Entries, IReadOnlyList<string> Rows) Run(string name, Func<ImportPipeline, IReadOnlyList<ImportLogEntry>> import)
    {
        var path = Path.Combine(folder, name);
        using var store = new SqliteStore(path);
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now));
        var entries = import(pipeline);
        return (entries, [.. store.ImportLog().Select(Shown), .. Counts(path)]);
    }

    private static string Shown(ImportLogEntry e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Source} {e.Format} {e.Outcome} {e.Unit} {e.PeriodFrom} {e.PeriodTo} {e.ContentHash} " +
        $"{string.Join(',', e.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))} {string.Join('|', e.Findings)}");

    private static List<string> Counts(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        connection.Open();
        var counts = new List<string>();
        foreach (var table in new[] { "import_log", "import_findings", "batches", "batch_rows", "people", "persons", "payments", "livelihood", "family",
                     "cases", "kvp", "jobseekers", "followups", "conditions", "activity_exemptions", "sanctions", "code_lists" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts.Add($"{table}: {command.ExecuteScalar()}");
        }
        return counts;
    }
}
