using System.Globalization;
using System.Text.RegularExpressions;
using Malekort.Population;
using Malekort.Units;
using nietras.SeparatedValues;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>
/// The statbank's CSV export of table 07459 or 10826 (ISO-8859-1, <c>;</c>, quoted): a title line
/// (<c>"07459: Population, by region, age, contents and year"</c>), a blank line, the header
/// <c>"region";"age";"Persons 2024"</c> (Norwegian: <c>"region";"alder";"Personer 2024"</c>; one column per year),
/// then one row per region and age.
/// </summary>
internal static partial class SsbCsvExportReader
{
    /// <summary>How many lines may come before the header (title, blank line, notes).</summary>
    internal const int HeaderSearchLines = 10;

    /// <summary>Whether a line is the export's header: its first cell is <c>region</c> and it is <c>;</c>-separated.</summary>
    internal static bool IsHeader(string line)
    {
        var cells = line.Split(';');
        return cells.Length >= 3 && Unquoted(cells[0]).Equals("region", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<PopulationFigure> Read(string text, FileFindings findings)
    {
        var (headerIndex, offset, title) = FindHeader(text);
        if (headerIndex < 0)
        {
            findings.Fatal(0, "",
                "Fant ikke overskriftslinjen \"region\";\"age\";\"Persons 2024\" (eller \"region\";\"alder\";\"Personer 2024\") " +
                "blant de første linjene.");
            return [];
        }
        var tableInTitle = TitleTable().Match(title) is { Success: true } m ? m.Groups[1].Value : "";
        if (tableInTitle.Length > 0 && tableInTitle is not ("07459" or "10826"))
        {
            findings.Fatal(1, "",
                $"Tabell {tableInTitle} («{title}») er ikke en befolkningstabell: " +
                "Målekort leser befolkning fra SSB-tabell 07459 (kommuner) og 10826 (bydeler).");
            return [];
        }

        using var reader = Open(text[offset..], headerIndex + 1, findings);
        if (reader is null) return [];
        var columns = Columns(reader.Header.ColNames, headerIndex + 1, findings);
        if (columns is null) return [];
        var (regionColumn, ageColumn, years) = columns.Value;

        var accumulator = new PopulationAccumulator(findings);
        var skipped = new SkippedRegions("rad", "rader");
        var regions = new Dictionary<string, RegionResolution>(StringComparer.Ordinal);
        var ages = new Dictionary<string, SsbAge>(StringComparer.Ordinal);
        var districts = false;
        var expected = reader.Header.ColNames.Count;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom + headerIndex;
            if (row.ColCount == 1 && row[0].Span.Trim().Length == 0) continue;
            if (row.ColCount != expected)
            {
                findings.Error(line, "", Invariant($"Linjen har {row.ColCount} kolonner, overskriften {expected}."));
                continue;
            }
            var regionLabel = row[regionColumn].ToString();
            var (code, name) = RegionResolver.SplitLabel(regionLabel);
            if (!regions.TryGetValue(code, out var region)) regions[code] = region = RegionResolver.Default.Resolve(code);
            if (region.Kind != RegionKind.Unit)
            {
                skipped.Note(region, name, line, "region");
                continue;
            }
            districts |= region.Unit.Kind == UnitKind.District;
            var ageLabel = row[ageColumn].ToString().Trim();
            if (!ages.TryGetValue(ageLabel, out var age)) ages[ageLabel] = age = SsbAge.FromLabel(ageLabel);
            foreach (var (index, header, year) in years)
            {
                var count = SsbCount.Parse(row[index].Span);
                if (count.State == CountState.Invalid)
                {
                    findings.Error(line, header, $"{regionLabel}, {ageLabel}: {count.Problem}.");
                    continue;
                }
                accumulator.AddAge(region, name, year, age, ageLabel, count, line, header);
            }
        }
        skipped.Report(findings);
        var table = tableInTitle;
        if (table.Length == 0)
        {
            table = districts ? "10826" : "07459";
            findings.Info(1, "", $"Filen har ingen tittellinje med tabellnummer; tolket som tabell {table} ut fra regionkodene.");
        }
        return accumulator.Finish($"SSB {table} (CSV-eksport {findings.File})");
    }

    /// <summary>
    /// The header's 0-based line and character offset (line -1 when none of the first <see cref="HeaderSearchLines"/> is one),
    /// and the first non-blank line before it, the title. Only those lines are looked at: the rest can be the whole country.
    /// </summary>
    private static (int Line, int Offset, string Title) FindHeader(string text)
    {
        string? title = null;
        var offset = 0;
        for (var index = 0; index < HeaderSearchLines; index++)
        {
            var end = text.IndexOf('\n', offset);
            var line = end < 0 ? text[offset..] : text[offset..end];
            if (IsHeader(line.TrimEnd('\r'))) return (index, offset, title ?? "");
            if (title is null && Unquoted(line.Trim()) is { Length: > 0 } shown) title = shown;
            if (end < 0) break;
            offset = end + 1;
        }
        return (-1, 0, "");
    }

    /// <summary>The rows from the header on; Sep refuses a header naming a column twice, which is the file's fault: a finding.</summary>
    private static SepReader? Open(string body, int line, FileFindings findings)
    {
        try
        {
            return Sep.New(';').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(body);
        }
        catch (ArgumentException)
        {
            findings.Fatal(line, "", "Overskriften har samme kolonne flere ganger; region, alder og hvert år kan stå én gang hver.");
            return null;
        }
    }

    private static (int Region, int Age, List<(int Index, string Header, int Year)> Years)? Columns(
        IReadOnlyList<string> names, int line, FileFindings findings)
    {
        int region = -1, age = -1;
        var years = new List<(int, string, int)>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (name.Equals("region", StringComparison.OrdinalIgnoreCase)) region = i;
            else if (name.Equals("age", StringComparison.OrdinalIgnoreCase) || name.Equals("alder", StringComparison.OrdinalIgnoreCase))
                age = i;
            else if (YearColumn().Match(name) is { Success: true } m
                     && PopulationAccumulator.TryYear(m.Groups[1].ValueSpan, out var year))
                years.Add((i, name, year));
            else
            {
                findings.Fatal(line, name,
                    $"Kolonnen «{name}» er verken region, alder eller personer for et år " +
                    "(forventet f.eks. \"Persons 2024\" eller \"Personer 2024\").");
                return null;
            }
        }
        if (age < 0)
        {
            findings.Fatal(line, "",
                "Overskriften mangler kolonnen \"age\" (eller \"alder\"): Målekort trenger befolkningen etter ettårig alder.");
            return null;
        }
        if (years.Count == 0)
        {
            findings.Fatal(line, "", "Overskriften har ingen kolonne med personer for et år (f.eks. \"Persons 2024\").");
            return null;
        }
        if (years.GroupBy(y => y.Item3).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            findings.Fatal(line, "", Invariant($"Året {twice.Key} har flere kolonner; hvilken som gjelder er uklart."));
            return null;
        }
        return (region, age, years);
    }

    private static string Unquoted(string cell)
    {
        var text = cell.Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    [GeneratedRegex(@"^(\d{5})\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex TitleTable();

    [GeneratedRegex(@"^(?:Persons|Personer|Population|Befolkning)?\s*(\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearColumn();
}
