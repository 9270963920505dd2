using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Malekort.Import.Detection;
using Malekort.Import.Limits;

namespace Malekort.Import.Capture;

/// <summary>
/// The files of a batch by their name inside it, from a folder or a zip (files at the root or inside one top folder), and the
/// batch's content hash, which does not depend on the container. Each file is read once when the batch is loaded; the small
/// files a reader parses are kept from that read, within <see cref="BatchFile.WholeBatchBytes"/> for the batch, and the rest
/// are opened again as a stream by their reader (<see cref="BatchFile"/>), so a zip stays open until the batch is read
/// (dispose it then).
/// </summary>
internal sealed class BatchFiles : IDisposable
{
    private const string MacMetadataFolder = "__MACOSX/";
    private readonly Dictionary<string, BatchFile> files;
    private readonly IDisposable? container;

    private BatchFiles(Dictionary<string, BatchFile> files, IDisposable? container, bool streamOnly)
    {
        this.files = files;
        this.container = container;
        Names = files.Keys.Order(StringComparer.Ordinal).ToArray();
        // BatchHash over the files sorted by name, each read once; the same read tells its reader what it needs and keeps the
        // small files a reader will parse (a file the format does not know is only hashed, never kept).
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long held = 0;
        foreach (var name in Names)
        {
            var file = files[name];
            var keep = !streamOnly && CaptureFiles.IsKnown(name) && file.Length <= BatchFile.WholeFileBytes
                && held + file.Length <= BatchFile.WholeBatchBytes;
            if (keep) held += file.Length;
            file.ScanInto(hash, FindingLog.Shown(name), keep);
        }
        ContentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The file names, sorted ordinally.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The <see cref="BatchHash"/> of the files sorted by name: a folder and a zip of the same files hash equal.</summary>
    public string ContentHash { get; }

    public BatchFile? Get(string name) => files.GetValueOrDefault(name);

    public bool Contains(string name) => files.ContainsKey(name);

    public void Dispose() => container?.Dispose();

    /// <summary>Reads the batch at <paramref name="path"/>; <c>null</c> (with a fatal finding) when it cannot be read.</summary>
    /// <param name="path">A batch folder or a zip of one.</param>
    /// <param name="log">Where the findings go.</param>
    /// <param name="streamOnly">Streams every file, the small ones too: the plain path that the whole files are tested against.</param>
    public static BatchFiles? Load(string path, FindingLog log, bool streamOnly = false)
    {
        var shownName = FindingLog.Shown(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
        IDisposable? opened = null;
        try
        {
            if (Directory.Exists(path)) return FromFolder(path, log, streamOnly);
            if (File.Exists(path)) return FromZip(path, shownName, log, streamOnly, out opened);
            log.Fatal(shownName, 0, "Finner ikke batchen; forventet en mappe eller en zip-fil med batch.json.");
            return null;
        }
        catch (InputLimitException e)
        {
            opened?.Dispose();
            log.Fatal(shownName, 0, e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            opened?.Dispose();
            log.Fatal(shownName, 0, $"Batchen kunne ikke leses ({e.GetType().Name}); sjekk at filene finnes og kan leses.");
            return null;
        }
        catch (InvalidDataException)
        {
            opened?.Dispose();
            log.Fatal(shownName, 0, "Filen er verken en mappe eller en gyldig zip-fil; forventet en batchmappe eller en zip av den.");
            return null;
        }
    }

    private static BatchFiles FromFolder(string path, FindingLog log, bool streamOnly)
    {
        var files = new Dictionary<string, BatchFile>(StringComparer.Ordinal);
        var limits = new LimitedRead();
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            var name = FindingLog.Shown(Path.GetFileName(entry));
            switch (FileKinds.Of(entry))
            {
                case FileKind.File:
                    // The length when listed: a file that grows meanwhile is read as far as it was (the drop folder reads quiet files).
                    var length = limits.CheckFile(new FileInfo(entry).Length, name);
                    files[Path.GetFileName(entry)] = new BatchFile(Path.GetFileName(entry), length,
                        () => new FileStream(entry, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
                    break;
                case FileKind.Folder:
                    log.Warning(name, 0, "", $"Mappen {name} i batchen blir ignorert; filene skal ligge direkte i batchmappen.");
                    break;
                case FileKind.Missing:
                    break; // removed while the folder was listed: what is not there was not delivered
                case var other:
                    log.Error(name, 0, "", $"{name} er {FileKinds.Describe(other)}, som ikke leses; legg selve filen i batchmappen.");
                    break;
            }
        }
        return new BatchFiles(files, null, streamOnly);
    }

    private static BatchFiles? FromZip(string path, string zipName, FindingLog log, bool streamOnly, out IDisposable? opened)
    {
        opened = null;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        opened = stream;
        if (ZipDirectory.CountEntries(stream, InputLimits.ZipEntries) > InputLimits.ZipEntries)
        {
            log.Fatal(zipName, 0, string.Create(CultureInfo.InvariantCulture,
                $"Zip-filen har mer enn {InputLimits.ZipEntries} filer; en batch har batch.json og noen få CSV-filer."));
            stream.Dispose();
            return null;
        }
        stream.Position = 0;
        var archive = new ZipArchive(stream, ZipArchiveMode.Read);
        opened = archive;
        var limits = new LimitedRead();
        var entries = new List<(string Name, ZipArchiveEntry Entry)>();
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            // Folder entries carry no content; __MACOSX/ is metadata the macOS archiver adds, never batch content.
            if (name.EndsWith('/') || name.StartsWith(MacMetadataFolder, StringComparison.Ordinal)) continue;
            entries.Add((name, entry));
        }
        var prefix = TopFolder(entries.Select(e => e.Name).ToList());
        var files = new Dictionary<string, BatchFile>(StringComparer.Ordinal);
        foreach (var (fullName, entry) in entries)
        {
            var name = fullName[prefix.Length..];
            if (files.ContainsKey(name))
            {
                log.Error(FindingLog.Shown(name), 0, "", $"Filen står flere ganger i {zipName}; hver fil kan stå én gang.");
                continue;
            }
            // Checked against the limits before a byte is unpacked; the scan then reads exactly the size the entry declares.
            files[name] = new BatchFile(name, limits.CheckEntry(entry, FindingLog.Shown(name)), entry.Open);
        }
        return new BatchFiles(files, archive, streamOnly);
    }

    /// <summary>"" when batch.json is at the root, else the single top folder holding everything (with its slash).</summary>
    private static string TopFolder(List<string> names)
    {
        if (names.Contains("batch.json", StringComparer.Ordinal) || names.Count == 0) return "";
        var slash = names[0].IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return "";
        var top = names[0][..(slash + 1)];
        foreach (var name in names)
        {
            if (!name.StartsWith(top, StringComparison.Ordinal)) return "";
        }
        return top;
    }
}
