using System.IO.Compression;
using System.Text;
using Malekort.Import.Digisos;
using Malekort.Import.Offices;
using Malekort.Import.Population;

namespace Malekort.Import.Detection;

/// <summary>The formats an input can be.</summary>
public enum InputFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,
    /// <summary>A capture format v1 batch (folder or zip).</summary>
    CaptureBatch,
    /// <summary>SSB population (CSV export, by-age or sum files, JSON-stat 2.0).</summary>
    SsbPopulation,
    /// <summary>The NAV office register.</summary>
    OfficeRegister,
    /// <summary>One Digisos application: a DigisosSak file, or a folder holding digisos-soker.json (and soknad.json).</summary>
    Digisos,
    /// <summary>A KOSTRA 11F (økonomisk sosialhjelp) or 11CF (kvalifiseringsstønad) file.</summary>
    Kostra,
    /// <summary>KOSTRA-level aggregates per municipality as the statbank publishes them (JSON-stat 2.0), for a central instance.</summary>
    KostraAggregates,
}

/// <summary>
/// Recognises an input's format from its content, not its name, looking only at its start, so a folder of mixed files
/// can be imported in one go.
/// </summary>
public static class InputFormats
{
    /// <summary>The format of a file, batch folder or zip.</summary>
    public static InputFormat Recognise(string path)
    {
        // Links and special files are never read (FileKinds): a named pipe would block the look at its start for ever.
        if (FileKinds.Of(path) is not (FileKind.File or FileKind.Folder)) return InputFormat.Unknown;
        if (Directory.Exists(path))
            return File.Exists(System.IO.Path.Combine(path, "batch.json")) ? InputFormat.CaptureBatch
                : DigisosReader.Recognise(path) ? InputFormat.Digisos : InputFormat.Unknown;
        if (!File.Exists(path)) return InputFormat.Unknown;
        if (IsZip(path)) return InputFormat.CaptureBatch;
        if (DigisosReader.Recognise(path)) return InputFormat.Digisos;
        if (OfficeRegisterReader.Recognise(path)) return InputFormat.OfficeRegister;
        if (PopulationFormats.Detect(path) is { } population)
            return population == PopulationFormat.JsonStat && Aggregates.KostraAggregateReader.Recognise(path)
                ? InputFormat.KostraAggregates
                : InputFormat.SsbPopulation;
        if (Kostra.KostraReader.Recognise(path) is not null) return InputFormat.Kostra;
        return InputFormat.Unknown;
    }

    /// <summary>
    /// The inputs a list of paths holds: files, batch folders and zips as given; a folder without <c>batch.json</c> is opened
    /// and its entries taken in name order (recursively), so a folder of mixed extracts imports in one go. A link or special
    /// file inside a folder is an input of its own, which the pipeline rejects with a finding: links are never followed.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<string>();
        foreach (var path in paths) Add(path);
        return inputs;

        void Add(string path)
        {
            if (FileKinds.Of(path) == FileKind.Folder && !File.Exists(System.IO.Path.Combine(path, "batch.json")) && !DigisosReader.Recognise(path))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
                {
                    if (!System.IO.Path.GetFileName(entry).StartsWith('.')) Add(entry);
                }
                return;
            }
            inputs.Add(path);
        }
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }
}
