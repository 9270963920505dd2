using System.Security.Cryptography;
using Malekort.Import.Kostra;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Import.Pipeline;

/// <summary>Population and office files are read once for both reading and hashing; the logged hash is still the file's SHA-256.</summary>
public sealed class PipelineContentHashTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-hash-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's connection pool may still hold the database file; the temp folder is left for the OS to clean.
        }
    }

    [Theory]
    [InlineData("offices", "gyldig.csv", "kontorregister")]
    [InlineData("population", "ssb_07459_jsonstat2_2024.json", "ssb-befolkning")]
    [InlineData("population", "ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv", "ssb-befolkning")]
    public void Imported_file_is_logged_with_the_SHA256_of_its_bytes(string fixtures, string name, string format)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixtures, name);
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now));

        var entry = pipeline.ImportOne(path);

        Assert.Equal((ImportOutcome.Imported, format), (entry.Outcome, entry.Format));
        var logged = Assert.Single(store.ImportLog());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), logged.ContentHash);
    }
}
