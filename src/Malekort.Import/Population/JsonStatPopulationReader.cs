using System.Globalization;
using System.Text.Json;
using Malekort.Import.Limits;
using Malekort.Population;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>
/// SSB tables 07459 (municipalities) and 10826 (districts) as JSON-stat 2.0. The region dimension is <c>Region</c>
/// (or role <c>geo</c>), age <c>Alder</c>, time <c>Tid</c> (or role <c>time</c>). Every other dimension
/// (e.g. <c>Kjonn</c>) is summed over, except its total category (see <see cref="IsTotalCategory"/>);
/// a measure dimension (<c>ContentsCode</c>, role <c>metric</c>) must hold one measure, since measures do not add up.
/// </summary>
internal static class JsonStatPopulationReader
{
    public static IReadOnlyList<PopulationFigure> Read(byte[] bytes, FileFindings findings) =>
        JsonStatDataset.Read(bytes, findings) is { } dataset ? Read(dataset, findings) : [];

    internal static IReadOnlyList<PopulationFigure> Read(JsonStatDataset dataset, FileFindings findings)
    {
        if (dataset.TableId is not ("07459" or "10826"))
        {
            findings.Fatal(0, "extension.px.tableid", dataset.TableId.Length == 0
                ? "Datasettet sier ikke hvilken SSB-tabell det er (verken \"extension.px.tableid\" eller «07459: …» i \"label\"); " +
                  "Målekort leser befolkning fra tabell 07459 og 10826."
                : $"Tabell {dataset.TableId} («{dataset.Label}») er ikke en befolkningstabell: " +
                  "Målekort leser befolkning fra SSB-tabell 07459 (kommuner) og 10826 (bydeler).");
            return [];
        }
        var region = dataset.IndexOf("Region", "geo");
        var age = dataset.IndexOf("Alder");
        var time = dataset.IndexOf("Tid", "time");
        var absent = new[] { (region, "Region"), (age, "Alder"), (time, "Tid") }.Where(d => d.Item1 < 0).Select(d => d.Item2).ToList();
        if (absent.Count > 0)
        {
            findings.Fatal(0, "dimension",
                $"Datasettet mangler dimensjonen {string.Join(" og ", absent)}; en befolkningstabell har Region, Alder og Tid.");
            return [];
        }
        var others = SummedCategories(dataset, [region, age, time], findings);
        if (others is null) return [];

        var years = Years(dataset.Dimensions[time], findings);
        var accumulator = new PopulationAccumulator(findings);
        var skipped = new SkippedRegions("verdi", "verdier");
        var regionDimension = dataset.Dimensions[region];
        var ageDimension = dataset.Dimensions[age];
        var ages = ageDimension.Codes.Select(c => SsbAge.FromCode(c, ageDimension.LabelOf(c))).ToArray();
        var ageTexts = ageDimension.Codes.Select(c => ageDimension.LabelOf(c) is var label && label != c ? $"{c} {label}" : c).ToArray();
        var coordinates = new int[dataset.Dimensions.Count];
        for (var r = 0; r < regionDimension.Codes.Count; r++)
        {
            var code = regionDimension.Codes[r];
            var name = regionDimension.LabelOf(code);
            if (name == code) name = "";
            var resolution = RegionResolver.Default.Resolve(code);
            if (resolution.Kind != RegionKind.Unit)
            {
                skipped.Note(resolution, name, 0, $"{regionDimension.Id}={code}", dataset.Values.Count / regionDimension.Codes.Count);
                continue;
            }
            coordinates[region] = r;
            for (var t = 0; t < years.Length; t++)
            {
                if (years[t] is not { } year) continue;
                coordinates[time] = t;
                for (var a = 0; a < ages.Length; a++)
                {
                    coordinates[age] = a;
                    var column = $"{regionDimension.Id}={code}, {ageDimension.Id}={ageDimension.Codes[a]}, " +
                        $"{dataset.Dimensions[time].Id}={dataset.Dimensions[time].Codes[t]}";
                    if (Sum(dataset, coordinates, others, 0, column, findings) is { } count)
                        accumulator.AddAge(resolution, name, year, ages[a], ageTexts[a], count, 0, column);
                }
            }
        }
        skipped.Report(findings);
        return accumulator.Finish($"SSB {dataset.TableId} (JSON-stat, {findings.File})");
    }

    /// <summary>
    /// A category is a total when its code is <c>0</c>, <c>00</c>, <c>000</c>, <c>999</c>, <c>T</c>, <c>TOT</c> or
    /// <c>Total</c>, or its label is «I alt», «Total», «Begge kjønn», «Both sexes», «Alle» or «All» (ignoring case).
    /// Totals are left out of a sum when the dimension has other categories: adding them would count people twice.
    /// </summary>
    internal static bool IsTotalCategory(string code, string label) =>
        code.Trim().ToUpperInvariant() is "0" or "00" or "000" or "999" or "T" or "TOT" or "TOTAL"
        || label.Trim().ToUpperInvariant() is "I ALT" or "TOTAL" or "BEGGE KJØNN" or "BOTH SEXES" or "ALLE" or "ALL";

    private static List<(int Dimension, int[] Categories)>? SummedCategories(JsonStatDataset dataset, int[] named, FileFindings findings)
    {
        var result = new List<(int, int[])>();
        for (var d = 0; d < dataset.Dimensions.Count; d++)
        {
            if (named.Contains(d)) continue;
            var dimension = dataset.Dimensions[d];
            var all = Enumerable.Range(0, dimension.Codes.Count).ToArray();
            var isMetric = dimension.Id.Equals("ContentsCode", StringComparison.OrdinalIgnoreCase)
                || (dataset.Roles.TryGetValue("metric", out var metric) && metric.Contains(dimension.Id, StringComparer.Ordinal));
            if (isMetric && all.Length > 1)
            {
                findings.Fatal(0, $"dimension.{dimension.Id}",
                    $"Dimensjonen {dimension.Id} har flere statistikkvariabler ({string.Join(", ", dimension.Codes)}), " +
                    "som ikke kan legges sammen; hent bare Personer.");
                return null;
            }
            if (all.Length == 1)
            {
                result.Add((d, all));
                continue;
            }
            var totals = all.Where(i => IsTotalCategory(dimension.Codes[i], dimension.LabelOf(dimension.Codes[i]))).ToArray();
            var parts = totals.Length < all.Length ? all.Except(totals).ToArray() : all;
            var described = string.Join(", ", parts.Select(i => Described(dimension, i)));
            var leftOut = parts.Length < all.Length
                ? $"; {string.Join(", ", totals.Select(i => Described(dimension, i)))} er en sum av de andre og hoppes over"
                : "";
            findings.Info(0, $"dimension.{dimension.Id}", $"Personene summeres over dimensjonen {dimension.Id} ({described}){leftOut}.");
            result.Add((d, parts));
        }
        return result;
    }

    private static string Described(JsonStatDimension dimension, int index)
    {
        var code = dimension.Codes[index];
        var label = dimension.LabelOf(code);
        return label == code ? code : $"{code} {label}";
    }

    private static int?[] Years(JsonStatDimension time, FileFindings findings)
    {
        var years = new int?[time.Codes.Count];
        for (var i = 0; i < years.Length; i++)
        {
            if (PopulationAccumulator.TryYear(time.Codes[i], out var year)) years[i] = year;
            else findings.Error(0, $"{time.Id}={time.Codes[i]}",
                $"Tidskoden «{time.Codes[i]}» er ikke et årstall; tabell 07459 og 10826 gjelder 1. januar hvert år.");
        }
        return years;
    }

    /// <summary>The sum over the summed dimensions of one region, age and year: missing when any part is.</summary>
    private static SsbCount? Sum(JsonStatDataset dataset, int[] coordinates, List<(int Dimension, int[] Categories)> others, int depth,
        string column, FileFindings findings)
    {
        if (depth == others.Count)
        {
            var flat = dataset.Flat(coordinates);
            if (dataset.Values[flat] is not { } number)
                return SsbCount.MissingAs(dataset.Status[flat] ?? "null");
            var count = SsbCount.FromNumber(number, number.ToString(CultureInfo.InvariantCulture));
            if (count.State != CountState.Invalid) return count;
            findings.Error(0, Where(dataset, coordinates), count.Problem + ".");
            return null;
        }
        var (dimension, categories) = others[depth];
        long total = 0;
        SsbCount? missing = null;
        foreach (var category in categories)
        {
            coordinates[dimension] = category;
            if (Sum(dataset, coordinates, others, depth + 1, column, findings) is not { } part) return null;
            if (part.State == CountState.Missing) missing ??= part;
            else
            {
                try { total = checked(total + part.Value); }
                catch (OverflowException)
                {
                    findings.Error(0, column, "Summen er for stor til å regnes ut.");
                    return null;
                }
            }
        }
        return missing ?? SsbCount.Of(total);
    }

    private static string Where(JsonStatDataset dataset, int[] coordinates) =>
        string.Join(", ", dataset.Dimensions.Select((d, i) => $"{d.Id}={d.Codes[coordinates[i]]}"));
}
