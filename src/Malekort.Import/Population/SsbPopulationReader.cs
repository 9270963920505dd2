using Malekort.Import.Limits;
using Malekort.Population;

namespace Malekort.Import.Population;

/// <summary>
/// Reads SSB population figures (spec "Population": persons aged 18–66 and 18–24 at 1 January, table 07459 for
/// municipalities, 10826 for Oslo's districts) from any of the <see cref="PopulationFormat"/>s, recognised by content.
/// Bad input never throws: it becomes findings with file, line and column.
/// </summary>
public sealed class SsbPopulationReader
{
    /// <summary>Reads one file; the figures are in 2024 municipality numbering, Oslo districts only.</summary>
    public ReadResult<IReadOnlyList<PopulationFigure>> Read(string path)
    {
        var findings = new FileFindings(Path.GetFileName(path));
        byte[] bytes;
        try
        {
            bytes = new LimitedRead().File(path, findings.File, InputLimits.SmallFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            findings.Fatal(0, "", $"Filen kan ikke leses: {e.Message}");
            return ReadResult<IReadOnlyList<PopulationFigure>>.Reject(findings.Items);
        }
        return Read(findings.File, bytes);
    }

    /// <summary>Reads a file's content; <paramref name="fileName"/> names it in findings.</summary>
    public ReadResult<IReadOnlyList<PopulationFigure>> Read(string fileName, byte[] bytes)
    {
        var findings = new FileFindings(fileName);
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, PopulationFormats.HeadLength));
        var format = PopulationFormats.Detect(head, wholeFile: bytes.Length <= PopulationFormats.HeadLength);
        IReadOnlyList<PopulationFigure> figures = format switch
        {
            PopulationFormat.JsonStat => JsonStatPopulationReader.Read(bytes, findings),
            PopulationFormat.SsbCsvExport => SsbCsvExportReader.Read(PopulationFormats.Decode(bytes), findings),
            { } csv => PopulationCsvReader.Read(PopulationFormats.Decode(bytes), csv, findings),
            null => Unrecognised(findings),
        };
        return ReadResult<IReadOnlyList<PopulationFigure>>.From(figures, findings.Items);
    }

    private static IReadOnlyList<PopulationFigure> Unrecognised(FileFindings findings)
    {
        findings.Fatal(0, "",
            "Filen er ikke et befolkningsformat Målekort kjenner: " +
            "SSBs CSV-eksport av tabell 07459/10826 (\"region\";\"age\";\"Persons 2024\"), " +
            "filene etter alder (aar,region_kode,region_navn,alder,personer) " +
            "eller med summer (…,personer_18_66,personer_18_24,personer_alle), " +
            "eller JSON-stat 2.0 fra SSBs API.");
        return [];
    }
}
