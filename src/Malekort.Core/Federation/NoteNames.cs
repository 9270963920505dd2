using Malekort.Indicators;

namespace Malekort.Federation;

/// <summary>
/// <see cref="ValueNotes"/> as text, for storage and the delivery document: the flags' names in camel case, comma-separated
/// (<c>olderPopulation,partialCoverage</c>), never their bit values, which a later version may renumber. Suppression is
/// the viewer's, not the value's, and is never written; nor is <see cref="ValueNotes.Kostra"/>, which the stored source says.
/// </summary>
public static class NoteNames
{
    private static readonly (ValueNotes Flag, string Name)[] Names = Enum.GetValues<ValueNotes>()
        // Where a number came from is the delivery's (its source), never a note a sender may set on a value.
        .Where(f => f is not (ValueNotes.None or ValueNotes.Suppressed or ValueNotes.Kostra))
        .Select(f => (f, char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..]))
        .ToArray();

    /// <summary>The names of the flags set, in declaration order.</summary>
    public static IReadOnlyList<string> List(ValueNotes notes) => Names.Where(n => notes.HasFlag(n.Flag)).Select(n => n.Name).ToList();

    /// <summary>The names of the flags set, comma-separated; empty for none.</summary>
    public static string Of(ValueNotes notes) => string.Join(',', List(notes));

    /// <summary>The flags named; a name this version does not know (a newer version's) is left out.</summary>
    public static ValueNotes Parse(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var notes = ValueNotes.None;
        foreach (var name in names)
        {
            foreach (var (flag, known) in Names)
                if (string.Equals(known, name.Trim(), StringComparison.Ordinal)) notes |= flag;
        }
        return notes;
    }

    /// <summary>The flags of a comma-separated text (<see cref="Of"/>).</summary>
    public static ValueNotes Parse(string text) => Parse((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
