using System.Text;
using System.Text.Json;

namespace Malekort.Import.Population;

/// <summary>The SSB population formats Målekort reads (spec "Population": tables 07459 and 10826).</summary>
public enum PopulationFormat
{
    /// <summary>The statbank's CSV export: ISO-8859-1, <c>;</c>, quoted, title line, header <c>"region";"age";"Persons 2024"</c>.</summary>
    SsbCsvExport,
    /// <summary><c>aar,region_kode,region_navn,alder,personer</c> (table 07459 by single age).</summary>
    MunicipalitiesByAge,
    /// <summary><c>aar,ssb_region_kode,bydel_kode,region_navn,alder,personer</c> (table 10826 by single age).</summary>
    DistrictsByAge,
    /// <summary><c>aar,region_kode,region_navn,personer_18_66,personer_18_24,personer_alle</c> (07459 sums).</summary>
    MunicipalitySums,
    /// <summary><c>aar,ssb_region_kode,bydel_kode,region_navn,personer_18_66,personer_18_24,personer_alle</c> (10826 sums).</summary>
    DistrictSums,
    /// <summary>A JSON-stat 2.0 dataset, as SSB's PxWebApi v0, v1 and v2 return it.</summary>
    JsonStat,
}

/// <summary>Recognises a population file from its first bytes, so a format detector can route it without reading it whole.</summary>
public static class PopulationFormats
{
    /// <summary>How many bytes recognition looks at.</summary>
    public const int HeadLength = 8192;

    private static readonly (string Header, PopulationFormat Format)[] Headers =
    [
        ("aar,region_kode,region_navn,alder,personer", PopulationFormat.MunicipalitiesByAge),
        ("aar,ssb_region_kode,bydel_kode,region_navn,alder,personer", PopulationFormat.DistrictsByAge),
        ("aar,region_kode,region_navn,personer_18_66,personer_18_24,personer_alle", PopulationFormat.MunicipalitySums),
        ("aar,ssb_region_kode,bydel_kode,region_navn,personer_18_66,personer_18_24,personer_alle", PopulationFormat.DistrictSums),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the file is one of the population formats.</summary>
    public static bool Recognise(string path) => Detect(path) is not null;

    /// <summary>The file's population format, or null when it is none of them or cannot be read.</summary>
    public static PopulationFormat? Detect(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[HeadLength];
            var length = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
            return Detect(head.AsSpan(0, length), wholeFile: length < HeadLength);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The format of a file starting with <paramref name="head"/>.</summary>
    internal static PopulationFormat? Detect(ReadOnlySpan<byte> head, bool wholeFile)
    {
        var body = head.StartsWith(Encoding.UTF8.Preamble) ? head[Encoding.UTF8.Preamble.Length..] : head;
        var start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start < body.Length && body[start] == (byte)'{')
            return IsJsonStat(body, wholeFile) ? PopulationFormat.JsonStat : null;

        // Only whole lines count: the last one may be cut in the middle of a character or a word.
        var text = Decode(body);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (!wholeFile && lines.Count > 1) lines.RemoveAt(lines.Count - 1);
        if (lines.Count > 0)
        {
            foreach (var (header, format) in Headers)
            {
                if (lines[0].Equals(header, StringComparison.Ordinal)) return format;
            }
        }
        return lines.Take(SsbCsvExportReader.HeaderSearchLines).Any(SsbCsvExportReader.IsHeader) ? PopulationFormat.SsbCsvExport : null;
    }

    /// <summary>
    /// Text of a file that may be UTF-8 (with or without BOM) or ISO-8859-1, as the statbank's CSV export is:
    /// bytes that are valid UTF-8 are read as UTF-8, all others as ISO-8859-1 (Norwegian letters in Latin-1
    /// are never valid UTF-8 sequences on their own).
    /// </summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // A cut multi-byte character at the end of a head is still UTF-8.
            for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
            {
                try { return StrictUtf8.GetString(bytes[..^cut]); }
                catch (DecoderFallbackException) { }
            }
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>
    /// A JSON object whose top level has a JSON-stat 2.0 <c>class</c>, or JSON-stat 2.0's <c>version</c> with
    /// <c>id</c>/<c>size</c>/<c>dimension</c>.
    /// </summary>
    private static bool IsJsonStat(ReadOnlySpan<byte> json, bool wholeFile)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip };
        var reader = new Utf8JsonReader(json, isFinalBlock: wholeFile, new JsonReaderState(options));
        string? className = null, version = null;
        var jsonStatKeys = false;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
                var name = reader.GetString();
                if (!reader.Read()) break;
                if (name == "class" && reader.TokenType == JsonTokenType.String) className = reader.GetString();
                else if (name == "version" && reader.TokenType == JsonTokenType.String) version = reader.GetString();
                else if (name is "id" or "size" or "dimension") jsonStatKeys = true;
                if (className is not null) break;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) break;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a name or string that is not valid UTF-8 (or half a surrogate pair) fails on reading.
            return false;
        }
        // Every JSON-stat 2.0 class is taken, so a collection gets a clear "one dataset per file" from the reader.
        return className is "dataset" or "collection" or "dimension"
            || (className is null && version?.StartsWith("2.", StringComparison.Ordinal) == true && jsonStatKeys);
    }
}
