using Malekort.Import.Capture;
using Malekort.Import.Detection;
using Malekort.Import.Limits;

namespace Malekort.Import.Digisos;

/// <summary>
/// The files of one Digisos input: a single file (digisos-soker.json wrapped in a DigisosSak envelope), or a folder
/// holding <c>digisos-soker.json</c> and, optionally, the søknad's <c>soknad.json</c>.
/// </summary>
internal sealed class DigisosFiles
{
    public const string SokerName = "digisos-soker.json";
    public const string SoknadName = "soknad.json";

    /// <summary>No Digisos file comes near this (they are a few kilobytes); a bigger one is not what it claims to be.</summary>
    private const long MaxBytes = InputLimits.SmallFileBytes;

    private DigisosFiles(string sokerFile, byte[] soker, byte[]? soknad)
    {
        SokerFile = sokerFile;
        Soker = soker;
        Soknad = soknad;
        ContentHash = BatchHash.Of(soknad is null ? [(SokerName, soker)] : [(SokerName, soker), (SoknadName, soknad)]);
    }

    /// <summary>The digisos-soker file as findings name it: its own name, or <c>digisos-soker.json</c> in a folder.</summary>
    public string SokerFile { get; }

    public byte[] Soker { get; }

    public byte[]? Soknad { get; }

    /// <summary>
    /// The <see cref="BatchHash"/> of digisos-soker.json and then soknad.json, by their role names, as capture batches hash
    /// their files: the same content is the same batch whatever the file is called.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>Whether the folder is a Digisos folder (holds digisos-soker.json).</summary>
    public static bool IsFolder(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, SokerName));

    /// <summary>Reads the input; <c>null</c> (with a fatal finding) when it cannot be read.</summary>
    public static DigisosFiles? Load(string path, FindingLog log)
    {
        var shown = FindingLog.Shown(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
        try
        {
            if (Directory.Exists(path)) return FromFolder(path, shown, log);
            if (File.Exists(path)) return ReadLimited(path, shown, log) is { } bytes ? new DigisosFiles(shown, bytes, null) : null;
            log.Fatal(shown, 0, $"Finner ikke {shown}; forventet en Digisos-fil eller en mappe med {SokerName}.");
            return null;
        }
        catch (InputLimitException e)
        {
            log.Fatal(shown, 0, e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Fatal(shown, 0, $"Kunne ikke lese {shown} ({e.GetType().Name}); sjekk at filen finnes og kan leses.");
            return null;
        }
    }

    private static DigisosFiles? FromFolder(string path, string shown, FindingLog log)
    {
        var sokerPath = Path.Combine(path, SokerName);
        if (!File.Exists(sokerPath))
        {
            log.Fatal(shown, 0, $"Mappen {shown} har ingen {SokerName}; en Digisos-mappe har {SokerName} og gjerne {SoknadName}.");
            return null;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name is SokerName or SoknadName || name.StartsWith('.')) continue;
            log.Warning(FindingLog.Shown(name), 0, "",
                $"{FindingLog.Shown(name)} i mappen blir ignorert; en Digisos-mappe leses bare for {SokerName} og {SoknadName}.");
        }
        var soker = ReadLimited(sokerPath, SokerName, log);
        var soknadPath = Path.Combine(path, SoknadName);
        var soknad = File.Exists(soknadPath) ? ReadLimited(soknadPath, SoknadName, log) : null;
        if (soker is null || (soknad is null && File.Exists(soknadPath))) return null;
        return new DigisosFiles(SokerName, soker, soknad);
    }

    private static byte[]? ReadLimited(string path, string shown, FindingLog log)
    {
        if (FileKinds.Of(path) is var kind and not FileKind.File)
        {
            log.Fatal(shown, 0, $"{shown} er {FileKinds.Describe(kind)}, som ikke leses; legg selve filen i mappen.");
            return null;
        }
        return new LimitedRead().File(path, shown, MaxBytes);
    }
}
