using System.Globalization;
using Malekort.DataQuality;
using Malekort.Federation;
using Malekort.Import.Population;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using static System.FormattableString;

namespace Malekort.Import.Aggregates;

/// <summary>
/// KOSTRA-level aggregates as SSB's statbank publishes KOSTRA tables, in JSON-stat 2.0 (issue 15 item 5, docs/federation.md):
/// a region dimension (<c>KOKkommuneregion0000</c>, <c>Region</c> or role <c>geo</c>; codes <c>K-3101</c> or <c>3101</c>), a
/// time dimension (<c>Tid</c> or role <c>time</c>; a year <c>2024</c> or a month <c>2024M12</c>) and <c>ContentsCode</c> (role
/// <c>metric</c>), mapped to indicators by <see cref="KostraContents"/>. Every other dimension must hold one category. A year's
/// figure is the year's count, shown on December (<see cref="ValueNotes.YearlyCount"/>), as KOSTRA's yearly counts are
/// elsewhere. Counties, the country and other groups are left out (the central sums its own); an empty value (SSB's <c>..</c>,
/// <c>:</c>, <c>.</c>) is not captured, never zero. Any error rejects the whole file.
/// </summary>
internal static class KostraAggregateReader
{
    /// <summary>The import log's name for the format.</summary>
    public const string FormatName = "kostra-aggregater";

    /// <summary>The largest count taken: more than Norway's population is not a count of people.</summary>
    private const decimal MaxCount = 10_000_000m;

    /// <summary>
    /// Whether a JSON-stat dataset is meant as KOSTRA aggregates: its contents dimension holds a mapped code, or it is a named
    /// statbank table other than the population tables (so a table with none of the mapped codes is told which there are).
    /// </summary>
    public static bool Recognise(JsonStatDataset dataset) =>
        Contents(dataset) is >= 0 and var c && (dataset.Dimensions[c].Codes.Any(code => KostraContents.Find(code) is not null)
            || dataset.TableId is { Length: > 0 } table && table is not ("07459" or "10826"));

    /// <summary>Whether a file is a JSON-stat dataset of KOSTRA aggregates (read whole, within the small-file limit).</summary>
    public static bool Recognise(string path)
    {
        try
        {
            var bytes = new Limits.LimitedRead().File(path, Path.GetFileName(path), Limits.InputLimits.SmallFileBytes);
            return JsonStatDataset.Read(bytes, new FileFindings(path)) is { } dataset && Recognise(dataset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException
            or InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The values a file holds, or a rejection with every reason.</summary>
    public static ReadResult<IReadOnlyList<DeliveredValue>> Read(string file, byte[] bytes, DateTimeOffset now)
    {
        var findings = new FileFindings(file);
        var values = JsonStatDataset.Read(bytes, findings) is { } dataset ? Read(dataset, findings, now) : null;
        return values is null || findings.Rejects ? ReadResult<IReadOnlyList<DeliveredValue>>.Reject(findings.Items)
            : ReadResult<IReadOnlyList<DeliveredValue>>.Accept(values, findings.Items);
    }

    internal static List<DeliveredValue>? Read(JsonStatDataset dataset, FileFindings findings, DateTimeOffset now)
    {
        var region = dataset.IndexOf("KOKkommuneregion0000") is >= 0 and var k ? k : dataset.IndexOf("Region", "geo");
        var time = dataset.IndexOf("Tid", "time");
        var contents = Contents(dataset);
        var absent = new[] { (region, "region (KOKkommuneregion0000 eller Region)"), (time, "tid (Tid)"), (contents, "statistikkvariabel (ContentsCode)") }
            .Where(d => d.Item1 < 0).Select(d => d.Item2).ToList();
        if (absent.Count > 0)
        {
            findings.Fatal(0, "dimension", $"Datasettet mangler dimensjonen for {string.Join(" og ", absent)}; en KOSTRA-tabell har region, tid og statistikkvariabel.");
            return null;
        }
        for (var d = 0; d < dataset.Dimensions.Count; d++)
        {
            if (d == region || d == time || d == contents || dataset.Dimensions[d].Codes.Count == 1) continue;
            var other = dataset.Dimensions[d];
            var listed = string.Join(", ", other.Codes.Take(5)) + (other.Codes.Count > 5 ? ", …" : "");
            findings.Fatal(0, $"dimension.{other.Id}", Invariant($"Dimensjonen {other.Id} har {other.Codes.Count} kategorier ({listed}); ")
                + "tallene kan ikke legges sammen over den. Hent tabellen med én kategori der.");
            return null;
        }

        var contentsDimension = dataset.Dimensions[contents];
        var mapped = contentsDimension.Codes.Select(KostraContents.Find).ToArray();
        if (mapped.All(m => m is null))
        {
            findings.Fatal(0, $"dimension.{contentsDimension.Id}",
                (dataset.TableId.Length > 0 ? $"Tabell {dataset.TableId} er verken en befolkningstabell (SSB 07459, 10826) eller en KOSTRA-tabell Målekort leser: " : "") +
                $"ingen av statistikkvariablene ({string.Join(", ", contentsDimension.Codes.Take(5))}) er blant dem Målekort tar fra KOSTRA: " +
                string.Join(", ", KostraContents.All.Select(c => $"{c.Code} ({c.Label}) → {c.Indicator}")) + ".");
            return null;
        }
        var left = contentsDimension.Codes.Where((_, i) => mapped[i] is null).ToList();
        if (left.Count > 0)
            findings.Info(0, $"dimension.{contentsDimension.Id}",
                $"Statistikkvariablene {string.Join(", ", left)} er ikke med i tilordningen til Målekorts indikatorer og er ikke lest inn.");

        var timeDimension = dataset.Dimensions[time];
        var months = new (Month Month, ValueNotes Notes)?[timeDimension.Codes.Count];
        var thisMonth = Month.Of(DateOnly.FromDateTime(now.UtcDateTime));
        for (var t = 0; t < months.Length; t++)
        {
            var code = timeDimension.Codes[t];
            months[t] = Period(code);
            if (months[t] is not { } period)
                findings.Error(0, $"dimension.{timeDimension.Id}", $"Tiden «{code}» er verken et år (2024) eller en måned (2024M12).");
            else if (period.Month > thisMonth)
                findings.Error(0, $"dimension.{timeDimension.Id}", $"Tiden «{code}» er ikke begynt ennå.");
            else if (period.Month.Year < 2000)
                findings.Error(0, $"dimension.{timeDimension.Id}", $"Tiden «{code}» er før 2000.");
        }

        var regionDimension = dataset.Dimensions[region];
        var skipped = new SkippedRegions("verdi", "verdier");
        var values = new List<DeliveredValue>();
        var seen = new Dictionary<(UnitCode, Month, string), string>();
        var coordinates = new int[dataset.Dimensions.Count];
        for (var r = 0; r < regionDimension.Codes.Count; r++)
        {
            var code = regionDimension.Codes[r];
            var name = regionDimension.LabelOf(code) is var label && label != code ? label : "";
            var resolution = RegionResolver.Default.Resolve(code);
            var field = $"dimension.{regionDimension.Id}";
            switch (resolution.Kind)
            {
                case RegionKind.Unit:
                    break;
                case RegionKind.Unknown:
                    findings.Error(0, field, $"Regionen «{code}»{(name.Length > 0 ? $" ({name})" : "")} er ikke en kommune eller bydel Målekort kjenner.");
                    continue;
                case RegionKind.Split:
                    findings.Error(0, field, $"Kommunen «{code}» ble delt ({resolution.SplitInto}); tallene kan ikke føres på én av dem.");
                    continue;
                default:
                    // Counties, the country and groups: the central sums its own from the municipalities.
                    skipped.Note(resolution, name, 0, $"{regionDimension.Id}={code}", dataset.Values.Count / regionDimension.Codes.Count);
                    continue;
            }
            coordinates[region] = r;
            for (var t = 0; t < months.Length; t++)
            {
                if (months[t] is not { } period) continue;
                coordinates[time] = t;
                for (var c = 0; c < mapped.Length; c++)
                {
                    if (mapped[c] is not { } content) continue;
                    coordinates[contents] = c;
                    var at = dataset.Flat(coordinates);
                    var where = $"{regionDimension.Id}={code}, {timeDimension.Id}={timeDimension.Codes[t]}, {contentsDimension.Id}={content.Code}";
                    if (dataset.Values[at] is not { } number) continue;
                    if (number < 0 || number != decimal.Truncate(number) || number > MaxCount)
                    {
                        findings.Error(0, Invariant($"value[{at}]"),
                            $"{where}: {number.ToString(CultureInfo.InvariantCulture)} er ikke et antall (et helt tall fra 0 til {MaxCount:0}).");
                        continue;
                    }
                    if (seen.TryGetValue((resolution.Unit, period.Month, content.Indicator), out var before))
                    {
                        findings.Error(0, field, $"{where}: {resolution.Unit} har tall fra før i filen ({before}); " +
                            "to regioner gir samme kommune (et gammelt og et nytt kommunenummer?).");
                        continue;
                    }
                    seen[(resolution.Unit, period.Month, content.Indicator)] = code;
                    values.Add(new DeliveredValue(resolution.Unit, period.Month, content.Indicator, (long)number, 1, period.Notes));
                }
            }
        }
        skipped.Report(findings);
        if (values.Count == 0 && !findings.Rejects)
            findings.Fatal(0, "value", "Filen har ingen tall for en kommune eller bydel Målekort kan ta inn.");
        return values;
    }

    private static int Contents(JsonStatDataset dataset) => dataset.IndexOf("ContentsCode", "metric");

    /// <summary><c>2024</c> (the year's count, on December) or <c>2024M12</c>.</summary>
    private static (Month Month, ValueNotes Notes)? Period(string code)
    {
        var text = code.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
            return (new Month(year, 12), ValueNotes.YearlyCount);
        if (text.Length == 7 && text[4] == 'M' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 && year >= 1)
            return (new Month(year, month), ValueNotes.None);
        return null;
    }
}
