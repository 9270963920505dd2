using Malekort.Storage;

namespace Malekort.Import.Pseudonyms;

/// <summary>The pseudonym key does not fit the database: nothing was imported or changed.</summary>
public sealed class PseudonymKeyException(string message) : InvalidOperationException(message);

/// <summary>
/// The key a database's imports use, checked against the one its persons were made with (issue 10 item 6). The database
/// records the key's fingerprint at its first import; from then on a missing key file, or another key, stops the import with
/// a message that says so, instead of creating a second, unlinkable set of persons.
/// </summary>
public static class StoreKey
{
    /// <summary>The suffix of the key file a rotation writes before the database is changed.</summary>
    public const string PendingSuffix = ".ny";

    /// <summary>
    /// The key at <paramref name="path"/> (or the default place, see <see cref="PseudonymKey.ResolvePath(string?)"/>) for the
    /// store. A missing file is created only for a database without persons and without a key recorded; the key is recorded
    /// in the database when it has none.
    /// </summary>
    /// <param name="store">The database.</param>
    /// <param name="path">The key file given, or null for the default.</param>
    /// <param name="created">Whether a new key file was created.</param>
    /// <exception cref="PseudonymKeyException">The file is missing for a database that has persons or a key, or holds another key.</exception>
    /// <exception cref="InvalidDataException">The file is not a key file.</exception>
    public static PseudonymKey Open(IMalekortStore store, string? path, out bool created)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolved = PseudonymKey.ResolvePath(path);
        created = false;
        PseudonymKey key;
        if (File.Exists(resolved))
        {
            key = PseudonymKey.Load(resolved);
        }
        else
        {
            var state = store.PseudonymKeyState();
            if (state.Record is not null || state.HasPersons) throw new PseudonymKeyException(Missing(resolved, store, state.Record));
            var made = PseudonymKey.Create(resolved);
            created = made is not null;
            key = made ?? PseudonymKey.Load(resolved);
        }
        var record = store.RecordPseudonymKey(key.Fingerprint, key.Generations);
        if (record.Fingerprint != key.Fingerprint) throw new PseudonymKeyException(Wrong(resolved, key, store, record));
        return key;
    }

    /// <summary>
    /// Rotates the key: a new generation is written to <c>FILE.ny</c>, every stored pseudonym is carried to it in one
    /// transaction, and the new file then replaces the old. Stopped half-way, the database keeps the old key (and the
    /// <c>.ny</c> file is written anew next time) or already has the new one (and the next rotation or <see cref="Open"/>
    /// says to move <c>FILE.ny</c> into place).
    /// </summary>
    /// <returns>The new key and how many persons were given new pseudonyms.</returns>
    public static (PseudonymKey Key, int Persons) Rotate(IMalekortStore store, string? path)
    {
        var current = Open(store, path, out _);
        var file = current.Path!;
        var pending = file + PendingSuffix;
        if (File.Exists(pending)) File.Delete(pending); // a rotation that stopped before the database changed: Open found the old key in force
        var rotated = current.Rotated();
        if (!rotated.TryWrite(pending)) throw new IOException($"Kunne ikke skrive den nye nøkkelen til {pending}: filen finnes allerede.");
        int persons;
        try
        {
            persons = store.RotatePseudonyms(current.Fingerprint, rotated.Fingerprint, rotated.Generations, s => Pseudonymizer.Rotate(s, rotated));
        }
        catch
        {
            File.Delete(pending);
            throw;
        }
        File.Move(pending, file, overwrite: true);
        return (rotated.At(file), persons);
    }

    private static string Missing(string path, IMalekortStore store, KeyRecord? record) =>
        $"Finner ikke pseudonymnøkkelen {path}. " +
        (record is null
            ? $"Databasen ({store.Description}) har personer fra før; "
            : $"Databasen ({store.Description}) er bygd med nøkkel {record.Fingerprint}; ") +
        "med en ny nøkkel ville de samme personene fått andre pseudonymer og ikke blitt koblet til tidligere uttrekk. " +
        $"Oppgi riktig nøkkelfil med --key eller {PseudonymKey.FileVariable}. Ingenting er importert.";

    private static string Wrong(string path, PseudonymKey key, IMalekortStore store, KeyRecord record)
    {
        var message = $"Pseudonymnøkkelen i {path} (nøkkel {key.Fingerprint}) er ikke den databasen ({store.Description}) er bygd med " +
                      $"(nøkkel {record.Fingerprint}). Med feil nøkkel ville de samme personene fått andre pseudonymer. ";
        var pending = path + PendingSuffix;
        if (File.Exists(pending) && TryLoad(pending)?.Fingerprint == record.Fingerprint)
            message += $"En rotering av nøkkelen ble avbrutt etter at databasen var endret: flytt {pending} til {path}. ";
        return message + "Ingenting er importert.";
    }

    private static PseudonymKey? TryLoad(string path)
    {
        try
        {
            return PseudonymKey.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
