using Malekort.Import.Digisos;
using Malekort.Import.Kostra;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Units;

namespace Malekort.Import.Pipeline;

/// <summary>
/// A rejected input is logged with the unit it is for, where that is known, so its findings (which quote its values) are
/// shown to that unit's office and to no other (issue 10 item 1); where it is not known, or the input and the way it came
/// disagree, it is logged without a unit and only administrators see them.
/// </summary>
public sealed class RejectedUnitTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rejected-unit-").FullName;

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

    public static TheoryData<string, string?, string?> Inputs() => new()
    {
        // input, the unit it was delivered for (drop folder, upload), the unit logged
        { "capture batch of 3107 with an impossible period", null, "3107" },
        { "capture batch of 3107 with an impossible period", "3107", "3107" },
        { "capture batch of 3107 with an impossible period", "3105", null },
        { "capture batch whose unit is not a municipality", null, null },
        { "capture batch whose unit is not a municipality", "3107", "3107" },
        { "KOSTRA file of 3107 with a broken record", null, "3107" },
        { "KOSTRA file with records of 3107 and 3105", null, null },
        { "Digisos file of 3107 with an impossible time", null, "3107" },
        { "file of no known format", null, null },
        { "file of no known format", "3107", "3107" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_rejected_input_is_logged_with_its_unit_only_where_that_is_known_and_agreed(string input, string? deliveredFor, string? logged)
    {
        var path = Write(input);
        using var store = new SqliteStore(Path.Combine(folder, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, KostraFixture.Pseudonyms, new KostraFixture.FixedClock(KostraFixture.Now));

        var entry = pipeline.ImportOne(path, deliveredFor is null ? null : UnitCode.Parse(deliveredFor));

        Assert.Equal(ImportOutcome.Rejected, entry.Outcome);
        Assert.NotEmpty(entry.Findings);
        Assert.Equal(logged, entry.Unit?.Value);
        Assert.Equal(logged, Assert.Single(store.ImportLog()).Unit?.Value);
    }

    private string Write(string input)
    {
        var path = Path.Combine(folder, "input");
        switch (input)
        {
            case "capture batch of 3107 with an impossible period":
                CopyBatch(path, json => json.Replace("\"2024-03-31\"", "\"2024-13-31\"", StringComparison.Ordinal));
                break;
            case "capture batch whose unit is not a municipality":
                CopyBatch(path, json => json.Replace("\"3107\"", "\"9999\"", StringComparison.Ordinal));
                break;
            case "KOSTRA file of 3107 with a broken record":
                path += ".dat";
                File.WriteAllBytes(path, KostraFixture.File(KostraRecordBuilder.Kvalifisering(2025).Apply("STATUS=9")));
                break;
            case "KOSTRA file with records of 3107 and 3105":
                path += ".dat";
                File.WriteAllBytes(path, KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025),
                    KostraRecordBuilder.Sosialhjelp(2025, "3105").Apply("PERSON_JOURNALNR=J0000002")));
                break;
            case "Digisos file of 3107 with an impossible time":
                path += ".json";
                var sak = File.ReadAllText(DigisosFixture.Fixture("fredrikstad-socio.json"));
                File.WriteAllText(path, sak.Replace("\"2024-01-11T08:00:00.000Z\"", "\"2024-13-11T08:00:00.000Z\"", StringComparison.Ordinal));
                break;
            default:
                path += ".txt";
                File.WriteAllText(path, "ikke en leveranse\n");
                break;
        }
        return path;
    }

    private static void CopyBatch(string path, Func<string, string> edit)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "capture", "valid-small");
        Directory.CreateDirectory(path);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(path, Path.GetFileName(file)));
        var batch = Path.Combine(path, "batch.json");
        File.WriteAllText(batch, edit(File.ReadAllText(batch)));
    }
}
