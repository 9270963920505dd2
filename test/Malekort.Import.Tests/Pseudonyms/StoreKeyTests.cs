using Malekort.Capture;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Testing;

namespace Malekort.Import.Pseudonyms;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreKeyTests : IDisposable
{
    private const string Fnr = "14838512470";
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-storekey-").FullName;

    private string KeyFile => Path.Combine(folder, "pseudonym.key");

    /// <summary>A database with one person made with the key, as an import would leave it.</summary>
    private static void ImportOnePerson(IMalekortStore store, PseudonymKey key)
    {
        var header = new BatchHeader("malekort-capture/1", "test", UnitCode.Parse("3107"), new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31),
            DateTimeOffset.UnixEpoch, CaptureDomains.Persons);
        var batch = new CaptureBatch(header, "hash-" + key.Fingerprint, [new PersonRecord(new Pseudonymizer(key).Of(Fnr), new DateOnly(1985, 3, 14), null)],
            [], [], [], [], [], [], [], [], []);
        store.SaveBatch(batch, new ImportLogEntry("uttrekk", header.Format, DateTimeOffset.UnixEpoch, ImportOutcome.Imported, header.Unit,
            header.PeriodFrom, header.PeriodTo, batch.ContentHash, batch.Counts(), []));
    }

    [Fact]
    public void A_new_database_gets_a_new_key_file_readable_by_its_owner_only_and_records_it()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);

        var key = StoreKey.Open(db.Store, KeyFile, out var created);

        Assert.True(created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(new KeyRecord(key.Fingerprint, 1, db.Store.PseudonymKeyState().Record!.RecordedAt), db.Store.PseudonymKeyState().Record);
        Assert.Equal(key.Fingerprint, StoreKey.Open(db.Store, KeyFile, out var again).Fingerprint);
        Assert.False(again);
    }

    [Fact]
    public void A_missing_key_file_for_a_database_built_with_a_key_stops_with_its_fingerprint_and_creates_nothing()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        var key = StoreKey.Open(db.Store, KeyFile, out _);
        var mistyped = Path.Combine(folder, "pseudonym.kye");

        var refused = Assert.Throws<PseudonymKeyException>(() => StoreKey.Open(db.Store, mistyped, out _));

        Assert.Contains($"Finner ikke pseudonymnøkkelen {mistyped}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"bygd med nøkkel {key.Fingerprint}", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(mistyped));
    }

    [Fact]
    public void Another_key_stops_with_both_fingerprints()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        var key = StoreKey.Open(db.Store, KeyFile, out _);
        var other = PseudonymKey.Create(Path.Combine(folder, "annen.key"))!;

        var refused = Assert.Throws<PseudonymKeyException>(() => StoreKey.Open(db.Store, other.Path, out _));

        Assert.Contains($"(nøkkel {other.Fingerprint}) er ikke den databasen", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"(nøkkel {key.Fingerprint})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_with_persons_but_no_key_recorded_never_gets_a_new_key()
    {
        // A database from before keys were recorded: its persons were made with some key that is not at this path.
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        ImportOnePerson(db.Store, PseudonymKey.FromBytes(new byte[PseudonymKey.Length]));

        var refused = Assert.Throws<PseudonymKeyException>(() => StoreKey.Open(db.Store, KeyFile, out _));

        Assert.Contains("har personer fra før", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
        Assert.Null(db.Store.PseudonymKeyState().Record);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void After_rotation_a_new_import_of_the_same_number_finds_the_same_person(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var key = StoreKey.Open(db.Store, KeyFile, out _);
        ImportOnePerson(db.Store, key);
        var before = File.ReadAllLines(KeyFile);

        var (rotated, persons) = StoreKey.Rotate(db.Store, KeyFile);

        Assert.Equal(1, persons);
        var lines = File.ReadAllLines(KeyFile);
        Assert.Equal(2, lines.Length);
        Assert.Equal(before[0], lines[0]); // the old key stays readable as the file's first line
        Assert.False(File.Exists(KeyFile + StoreKey.PendingSuffix));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(rotated.Fingerprint, StoreKey.Open(db.Store, KeyFile, out _).Fingerprint);
        Assert.NotEqual(key.Fingerprint, rotated.Fingerprint);
        // The key a new import loads pseudonymises the number to exactly the key the stored person now has.
        var stored = db.Store.PersonKeys(UnitCode.Parse("3107"), [1]);
        Assert.Equal(new Pseudonymizer(PseudonymKey.Load(KeyFile)).Of(Fnr), stored[1]);
        Assert.NotEqual(new Pseudonymizer(key).Of(Fnr), stored[1]);
    }

    [Fact]
    public void A_rotation_stopped_after_the_database_changed_says_to_move_the_new_file_into_place()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        var key = StoreKey.Open(db.Store, KeyFile, out _);
        var rotated = key.Rotated();
        Assert.True(rotated.TryWrite(KeyFile + StoreKey.PendingSuffix));
        db.Store.RotatePseudonyms(key.Fingerprint, rotated.Fingerprint, 2, s => Pseudonymizer.Rotate(s, rotated));

        var refused = Assert.Throws<PseudonymKeyException>(() => StoreKey.Open(db.Store, KeyFile, out _));

        Assert.Contains($"flytt {KeyFile}{StoreKey.PendingSuffix} til {KeyFile}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotated_key_pseudonymises_as_the_old_pseudonym_carried_one_step()
    {
        var key = PseudonymKey.FromBytes(Enumerable.Repeat((byte)9, PseudonymKey.Length).ToArray());
        var rotated = key.Rotated().Rotated();
        var once = key.Rotated();

        Assert.Equal(new Pseudonymizer(once).Of(Fnr), Pseudonymizer.Rotate(new Pseudonymizer(key).Of(Fnr), once));
        Assert.Equal(3, rotated.Generations);
        Assert.Null(Pseudonymizer.Rotate("person-00001", once));
        Assert.Matches("^[0-9a-f]{16}$", rotated.Fingerprint);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
