using System.Runtime.InteropServices;
using static System.FormattableString;

namespace Malekort.Import.Kostra;

/// <summary>Writes a record's key into <paramref name="key"/> and returns its length, or -1 when the record has none.</summary>
internal delegate int KeyOf(in KostraRecord record, Span<char> key);

/// <summary>
/// Rules 005A and 005B: a key (fødselsnummer, journal number) that more than one record holds. Each record whose key another
/// shares is reported in line order, naming the others by line and journal number. The records are read past twice, not
/// held: the first time only a 64-bit hash of each key is kept (8 bytes a record), and only when two hashes are equal are the
/// records with those hashes read again for their exact keys (<see cref="NeedsKeys"/>), so a file without duplicates costs
/// one pass and equal hashes of different keys are never reported.
/// </summary>
internal sealed class Duplicates(KostraRule rule, string column, KeyOf keyOf, string lead)
{
    /// <summary>The longest key: a field of a record, or two with a separator.</summary>
    private const int MaxKeyChars = 2 * KostraLines.KeptChars + 1;

    // A message names at most this many of the other records, so a file of one line repeated stays linear to report.
    private const int NamedOthers = 5;

    private readonly List<ulong> hashes = [];
    private HashSet<ulong>? shared;
    // Of the records whose key hash is shared: each in line order, and by exact key the lines that hold it.
    private readonly List<(int Line, string Key)> candidates = [];
    private readonly Dictionary<string, Holders> byKey = new(StringComparer.Ordinal);

    /// <summary>Rule 005B, the same in both skjema: a journal number more than one record holds; blank ones are not compared.</summary>
    public static Duplicates JournalNumbers(KostraRule rule) => new(rule, "PERSON_JOURNALNR", JournalKey, "Journalnummeret står også i");

    /// <summary>Whether <see cref="Collect"/> must see the records again: some key hashes are shared.</summary>
    public bool NeedsKeys => (shared ??= Shared()).Count > 0;

    /// <summary>Makes room for about this many records' hashes at once, so the list does not grow (and copy) as it fills.</summary>
    public void Expect(int records) => hashes.EnsureCapacity(records);

    /// <summary>First pass: notes the hash of the record's key.</summary>
    public void Count(in KostraRecord record)
    {
        Span<char> key = stackalloc char[MaxKeyChars];
        var length = keyOf(record, key);
        if (length >= 0) hashes.Add(Hash(key[..length]));
    }

    /// <summary>Second pass, when <see cref="NeedsKeys"/>: keeps the exact key of a record whose key hash is shared.</summary>
    public void Collect(in KostraRecord record)
    {
        Span<char> key = stackalloc char[MaxKeyChars];
        var length = keyOf(record, key);
        if (length < 0 || !(shared ??= Shared()).Contains(Hash(key[..length]))) return;
        // Looked up by the span, so a key held by many records is one string.
        var lookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key[..length], out var text, out var holders))
        {
            text = key[..length].ToString();
            byKey[text] = holders = new Holders();
        }
        candidates.Add((record.LineNumber, text));
        holders.Count++;
        // A finding names the first NamedOthers holders other than its own record: at most the first NamedOthers + 1.
        if (holders.Count <= NamedOthers + 1)
        {
            holders.Lines.Add(record.LineNumber);
            holders.Named.Add(Invariant($"linje {record.LineNumber} (journalnummer {JournalOf(record)})"));
        }
    }

    /// <summary>Reports every record whose key another record holds, in line order.</summary>
    public void Report(RuleReport report)
    {
        foreach (var (line, key) in candidates)
        {
            var holders = byKey[key];
            if (holders.Count <= 1) continue;
            var own = holders.Lines.IndexOf(line);
            var others = holders.Named.Where((_, i) => i != own).Take(NamedOthers);
            var more = holders.Count - 1 > NamedOthers ? Invariant($" og {holders.Count - 1 - NamedOthers} poster til") : "";
            report.Add(rule, line, column, $"{lead} {string.Join(", ", others)}{more}; hver skal bare stå én gang.");
        }
    }

    private HashSet<ulong> Shared()
    {
        var sorted = CollectionsMarshal.AsSpan(hashes);
        sorted.Sort();
        var result = new HashSet<ulong>();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1]) result.Add(sorted[i]);
        }
        hashes.Clear();
        hashes.TrimExcess();
        return result;
    }

    /// <summary>FNV-1a over the characters, 64 bits: equal keys hash equal; unequal ones are told apart by the second pass.</summary>
    private static ulong Hash(ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key) hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }

    private static int JournalKey(in KostraRecord r, Span<char> key)
    {
        if (r.IsBlank((int)CommonField.PersonJournalnr)) return -1;
        var journal = r[CommonField.PersonJournalnr];
        journal.CopyTo(key);
        return journal.Length;
    }

    private static string JournalOf(in KostraRecord r) => PersonNumbers.Shown(r[CommonField.PersonJournalnr].Trim(' '));

    private sealed class Holders
    {
        public int Count;
        public readonly List<int> Lines = [];
        public readonly List<string> Named = [];
    }
}
