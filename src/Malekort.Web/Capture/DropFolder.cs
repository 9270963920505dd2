using System.Globalization;
using System.Text;
using Malekort.DataQuality;
using Malekort.Import.Detection;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Scorecard;

namespace Malekort.Web.Capture;

/// <summary>Something dropped: a file or folder, and the folder it was dropped in (the root or a unit's folder).</summary>
internal sealed record DropItem(string Path, string Home);

/// <summary>
/// The drop folder's layout. <c>ROOT/&lt;unit&gt;/</c> for each unit in the office register; anything dropped anywhere under
/// ROOT is taken, the unit coming from the content. An imported input is moved to <c>ROOT/&lt;unit&gt;/importert/</c>
/// (reference data without a unit: <c>importert/</c> beside it); a rejected one to <c>avvist/</c> beside it, with
/// <c>&lt;name&gt;.funn.txt</c> listing every finding. Moving rather than leaving a marker keeps the folder a list of what is
/// still waiting. A name already taken there gets <c>-2</c>, <c>-3</c> … before its extension.
/// </summary>
internal sealed class DropFolder(string root)
{
    public const string ImportedFolder = "importert";
    public const string RejectedFolder = "avvist";
    public const string FindingsSuffix = ".funn.txt";

    // Everything under a dropped folder but what links lead to, and what cannot be read.
    private static readonly EnumerationOptions NoLinks = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    // Names that copy tools and browsers give files while they are still being written.
    private static readonly string[] PartialSuffixes = [".part", ".partial", ".tmp", ".crdownload", ".filepart"];

    public string Root { get; } = System.IO.Path.GetFullPath(root);

    /// <summary>Creates the root and a folder for every unit the office register names.</summary>
    public void CreateUnitFolders(OfficeRegister offices)
    {
        Directory.CreateDirectory(Root);
        foreach (var unit in offices.Offices.SelectMany(o => o.Units).Distinct())
            Directory.CreateDirectory(System.IO.Path.Combine(Root, unit.Value));
    }

    /// <summary>
    /// What is waiting, in name order: each entry directly in the root, except unit folders, whose entries are taken instead;
    /// never <c>importert/</c>, <c>avvist/</c>, hidden files or files whose names say they are still being written.
    /// </summary>
    public IReadOnlyList<DropItem> Waiting(Action<string, Exception>? unreadable = null)
    {
        var items = new List<DropItem>();
        if (!Directory.Exists(Root)) return items;
        foreach (var entry in Entries(Root))
        {
            if (!IsUnitFolder(entry))
            {
                items.Add(new DropItem(entry, Root));
                continue;
            }
            // A unit's folder that cannot be listed stops only that unit's imports, never another's.
            try
            {
                foreach (var inner in Entries(entry).ToList()) items.Add(new DropItem(inner, entry));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable?.Invoke(entry, e);
            }
        }
        return items;
    }

    /// <summary>The unit whose folder the item was dropped in; null for an item dropped in the root.</summary>
    public UnitCode? UnitOf(DropItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Home != Root && UnitCode.TryParse(System.IO.Path.GetFileName(item.Home), out var unit) && unit.IsCaptureUnit ? unit : null;
    }

    /// <summary>The path relative to the root with <c>/</c>, as the run log shows it.</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// What the item looks like now: every file's relative name, length and last write, and every folder's name. Equal
    /// fingerprints some seconds apart mean nobody is writing to it.
    /// </summary>
    public static string Fingerprint(string path)
    {
        var text = new StringBuilder();
        switch (FileKinds.Of(path))
        {
            case FileKind.File:
                Describe(new FileInfo(path), path, text);
                break;
            case FileKind.Folder:
                var folder = new DirectoryInfo(path);
                text.Append("d ").Append(folder.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
                foreach (var entry in folder.EnumerateFileSystemInfos("*", NoLinks).OrderBy(e => e.FullName, StringComparer.Ordinal))
                    Describe(entry, path, text);
                break;
            case var other:
                // A link is never followed (a link to / would list the whole disk) and a pipe never read: the import
                // rejects it by name.
                text.Append(other.ToString()).Append('\n');
                break;
        }
        return text.ToString();
    }

    /// <summary>Moves an imported input to its unit's <c>importert/</c> (or the one beside it) and returns where it went.</summary>
    public string MoveToImported(string input, UnitCode? unit, string home)
    {
        var folder = unit is { IsCaptureUnit: true } u
            ? System.IO.Path.Combine(Root, u.Value, ImportedFolder)
            : System.IO.Path.Combine(home, ImportedFolder);
        return Move(input, folder);
    }

    /// <summary>Moves a rejected input to <c>avvist/</c> beside it, with its findings in <c>&lt;name&gt;.funn.txt</c>.</summary>
    public string MoveToRejected(string input, string home, ImportLogEntry entry)
    {
        var target = Move(input, System.IO.Path.Combine(home, RejectedFolder));
        // Written beside it and then renamed: whoever sees the findings file (a person, a test) sees all of it.
        var findings = target + FindingsSuffix;
        File.WriteAllText(findings + ".tmp", FindingsText(System.IO.Path.GetFileName(target), entry), new UTF8Encoding(false));
        File.Move(findings + ".tmp", findings, overwrite: true);
        return target;
    }

    /// <summary>Removes a folder that held only inputs that have all been moved out.</summary>
    public static void RemoveIfEmpty(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var inner in Directory.EnumerateDirectories(folder)) RemoveIfEmpty(inner);
        if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }

    /// <summary>The findings file: what was rejected, when, and every finding as <c>file:line: column: why</c>.</summary>
    internal static string FindingsText(string name, ImportLogEntry entry)
    {
        var text = new StringBuilder();
        text.Append("Avvist: ").Append(name).Append(" (").Append(entry.Format).Append(")\n");
        text.Append("Tidspunkt: ").Append(NorwegianFormat.Instant(entry.ImportedAt)).Append('\n');
        var errors = Finding.Total(entry.Findings, f => f.Rejects);
        text.Append(CultureInfo.InvariantCulture, $"{errors} feil, {Finding.Total(entry.Findings) - errors} andre funn. ")
            .Append("Ingenting fra leveransen er lagret.\n");
        text.Append("Rett feilene og legg leveransen i mappen på nytt; en rettet leveranse leses inn som ny.\n\n");
        foreach (var finding in entry.Findings) text.Append(finding).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<string> Entries(string folder) => Directory.EnumerateFileSystemEntries(folder)
        .Where(e => !IsIgnored(System.IO.Path.GetFileName(e)))
        .Order(StringComparer.Ordinal);

    private static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || name.Equals(ImportedFolder, StringComparison.Ordinal) || name.Equals(RejectedFolder, StringComparison.Ordinal)
        || name.EndsWith(FindingsSuffix, StringComparison.Ordinal)
        || PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    // A folder named like a municipality or district is a unit's folder, unless it is itself a batch (or a link).
    private static bool IsUnitFolder(string path) =>
        FileKinds.Of(path) == FileKind.Folder
        && UnitCode.TryParse(System.IO.Path.GetFileName(path), out var unit) && unit.IsCaptureUnit
        && !File.Exists(System.IO.Path.Combine(path, "batch.json"));

    private static void Describe(FileSystemInfo entry, string root, StringBuilder text)
    {
        text.Append(System.IO.Path.GetRelativePath(root, entry.FullName)).Append(' ');
        if (entry is FileInfo file) text.Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append(' ');
        text.Append(entry.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Move(string input, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(input));
        var target = System.IO.Path.Combine(folder, name);
        var isFile = File.Exists(input);
        for (var n = 2; File.Exists(target) || Directory.Exists(target) || File.Exists(target + FindingsSuffix); n++)
        {
            var extension = isFile ? System.IO.Path.GetExtension(name) : "";
            var stem = name[..^extension.Length];
            target = System.IO.Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}"));
        }
        if (isFile) File.Move(input, target);
        else Directory.Move(input, target);
        return target;
    }
}
