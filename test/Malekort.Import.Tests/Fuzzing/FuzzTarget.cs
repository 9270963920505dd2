using Malekort.DataQuality;

namespace Malekort.Import.Fuzzing;

/// <summary>One mutated input as written for the reader: where it is, what was done to it, and what the target keeps about it.</summary>
internal sealed class FuzzCase(string path, string seed, List<string> mutations)
{
    public string Path => path;

    /// <summary>The seed it was mutated from.</summary>
    public string Seed => seed;

    /// <summary>The mutations applied, in order.</summary>
    public List<string> Mutations => mutations;

    /// <summary>The mutated files by name, for invariants that look at the input (row counts).</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Files"/> is what the reader sees (not so for zips laid out in odd ways).</summary>
    public bool FilesKnown { get; set; } = true;

    /// <summary>What puts the shared working files back as they were, run after the input is read.</summary>
    public List<Action> Undo { get; } = [];

    public override string ToString() => $"{seed}: {string.Join("; ", mutations)}";
}

/// <summary>A reader under fuzzing: how to make the next mutated input, how to read it, and what must hold of the result.</summary>
internal abstract class FuzzTarget : IDisposable
{
    /// <summary>The format's name in the test output and the failure folder.</summary>
    public abstract string Format { get; }

    /// <summary>Whether the input can hold fødselsnumre, so no finding may show one.</summary>
    public virtual bool PersonData => false;

    /// <summary>Writes the next mutated input where the reader will find it.</summary>
    public abstract FuzzCase Prepare(Random random);

    /// <summary>Reads the input once.</summary>
    public abstract ReadOutcome Read(FuzzCase input);

    /// <summary>Undoes what <see cref="Prepare"/> changed that the next input must not see.</summary>
    public virtual void Restore(FuzzCase input)
    {
        foreach (var undo in input.Undo) undo();
    }

    /// <summary>Copies the input to <paramref name="destination"/> (a path without extension) so it can be read again.</summary>
    public virtual string Save(FuzzCase input, string destination) => CopyFile(input, destination);

    /// <summary>
    /// <see cref="Save"/> for a target whose input may be a folder: a file is copied, a folder is written again from
    /// <see cref="FuzzCase.Files"/> (the working folder is put back before the next input).
    /// </summary>
    protected static string SaveFileOrFolder(FuzzCase input, string destination)
    {
        if (File.Exists(input.Path)) return CopyFile(input, destination);
        Directory.CreateDirectory(destination);
        foreach (var (name, bytes) in input.Files) File.WriteAllBytes(System.IO.Path.Combine(destination, name), bytes);
        return destination;
    }

    /// <summary>
    /// A finding the reader's last-resort catch made from an exception: the reader did not crash, but something in it did,
    /// so the input is reported like a crash.
    /// </summary>
    public virtual bool FromSafetyNet(Finding finding) => false;

    public virtual void Dispose()
    {
    }

    private static string CopyFile(FuzzCase input, string destination)
    {
        var target = destination + System.IO.Path.GetExtension(input.Path);
        File.Copy(input.Path, target, overwrite: true);
        return target;
    }
}
