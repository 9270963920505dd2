using System.Globalization;
using System.Text;
using Malekort.Population;
using Malekort.Units;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>
/// Collects one file's counts per region, year and age (or its ready sums) and turns them into
/// <see cref="PopulationFigure"/>s by the rules of spec "Population": ages 18–66 and 18–24 at 1 January,
/// municipalities in 2024 numbering (older numbers that merged are summed into the new one).
/// A value missing for any age 18–66 makes the unit-year unknown (a Warning, no figure): never a zero.
/// </summary>
internal sealed class PopulationAccumulator(FileFindings findings)
{
    private const int YoungFrom = 18;
    private const int YoungTo = 24;
    private const int AdultTo = 66;

    private readonly Dictionary<(string Region, int Year), AgeRows> ages = [];
    private readonly Dictionary<(string Region, int Year), Contribution> sums = [];
    private readonly SortedDictionary<string, (SsbAge Age, int Line, string Column, int Rows)> skippedAges = new(StringComparer.Ordinal);

    /// <summary>A year of SSB's population statistics: four digits, 1900–2199.</summary>
    public static bool TryYear(ReadOnlySpan<char> text, out int year) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2199;

    /// <summary>Adds the count of one age; <paramref name="count"/> is a value or missing, never invalid.</summary>
    public void AddAge(RegionResolution region, string name, int year, SsbAge age, string ageText, SsbCount count, int line, string column)
    {
        if (!age.Counts)
        {
            skippedAges[ageText] = skippedAges.TryGetValue(ageText, out var seen)
                ? seen with { Rows = seen.Rows + 1 }
                : (age, line, column, 1);
            return;
        }
        if (!ages.TryGetValue((region.Code, year), out var rows))
            ages[(region.Code, year)] = rows = new AgeRows(region, name, year, line, column);
        if (rows.Seen(age.Years) is { } earlier)
        {
            findings.Error(line, column,
                $"Alder {ageText} for {Named(region, name)} i {Year(year)} står to ganger (også {earlier}); " +
                "hvilket tall som gjelder er uklart.");
            return;
        }
        rows.Add(age, ageText, count, line, column);
    }

    /// <summary>Adds a region-year's ready sums (the <c>nevnere</c> files); each is a value or missing, never invalid.</summary>
    public void AddSums(RegionResolution region, string name, int year, SsbCount aged18To66, SsbCount aged18To24, SsbCount total, int line)
    {
        if (sums.TryGetValue((region.Code, year), out var earlier))
        {
            findings.Error(line, "", Invariant($"{Named(region, name)} i {Year(year)} står to ganger (også linje {earlier.Line})."));
            return;
        }
        var missing = new List<string>();
        if (aged18To66.State == CountState.Missing) missing.Add($"personer_18_66 ({aged18To66.Text})");
        if (aged18To24.State == CountState.Missing) missing.Add($"personer_18_24 ({aged18To24.Text})");
        if (missing.Count == 0)
        {
            if (aged18To24.Value > aged18To66.Value)
                findings.Error(line, "personer_18_24",
                    $"{Named(region, name)} {Year(year)}: personer 18–24 ({aged18To24.Text}) " +
                    $"er flere enn personer 18–66 ({aged18To66.Text}).");
            if (total.State == CountState.Value && aged18To66.Value > total.Value)
                findings.Error(line, "personer_alle",
                    $"{Named(region, name)} {Year(year)}: personer 18–66 ({aged18To66.Text}) er flere enn alle personer ({total.Text}).");
        }
        var totalPartial = total.State == CountState.Missing;
        sums[(region.Code, year)] = new Contribution(region, name, year,
            aged18To66.Value, aged18To24.Value, totalPartial ? aged18To66.Value : total.Value,
            string.Join(" og ", missing), line, missing.Count > 0 ? "personer_18_66" : "",
            Empty: IsEmpty(aged18To66, aged18To24, total), TotalPartial: totalPartial);
    }

    /// <summary>The figures, ordered by unit and year; findings about gaps, merges and skipped ages go to the file's findings.</summary>
    public IReadOnlyList<PopulationFigure> Finish(string source)
    {
        ReportSkippedAges();
        var contributions = new List<Contribution>(sums.Values);
        foreach (var rows in ages.Values)
        {
            if (Summed(rows) is { } contribution) contributions.Add(contribution);
        }
        var figures = new List<PopulationFigure>();
        var renumbered = new SortedSet<string>(StringComparer.Ordinal);
        var partialTotals = new List<Contribution>();
        foreach (var group in contributions.GroupBy(c => (c.Region.Unit, c.Year)).OrderBy(g => g.Key.Unit).ThenBy(g => g.Key.Year))
        {
            var parts = WithoutEmptyParts(group.OrderBy(c => c.Line).ToList());
            foreach (var part in parts.Where(p => p.Region.RenumberedFrom.Length > 0))
                renumbered.Add($"{part.Region.RenumberedFrom} → {part.Region.Unit}");
            var unknown = parts.Where(p => p.Missing.Length > 0).ToList();
            if (unknown.Count > 0)
            {
                foreach (var part in unknown) ReportUnknown(part, parts.Count);
                continue;
            }
            if (Combined(parts, source) is not { } figure) continue;
            figures.Add(figure);
            partialTotals.AddRange(parts.Where(p => p.TotalPartial));
            if (figure.Total == 0)
            {
                findings.Warning(parts[0].Line, "",
                    $"Alle personer er 0 for {UnitName(figure.Unit)} i {Year(figure.Year)}; sjekk at regionen fantes dette året.");
            }
            if (parts.Count > 1)
            {
                findings.Info(parts[0].Line, "",
                    $"{UnitName(figure.Unit)} {Year(figure.Year)} er summen av " +
                    $"{string.Join(", ", parts.Select(p => Named(p.Region, p.Name)))} (sammenslått kommune).");
            }
        }
        if (renumbered.Count > 0)
        {
            findings.Info(0, "", $"Kommunenummer fra før 2024 er ført over til 2024-inndelingen: {Shortened(renumbered)}.");
        }
        ReportPartialTotals(partialTotals);
        return figures;
    }

    private Contribution? Summed(AgeRows rows)
    {
        if (rows.Overflowed)
        {
            findings.Error(rows.FirstLine, rows.FirstColumn,
                $"Summen av personer for {Named(rows.Region, rows.Name)} i {Year(rows.Year)} er for stor til å regnes ut.");
            return null;
        }
        var missing = new List<int>(rows.MissingAdultAges);
        var totalPartial = rows.OpenTop is null || rows.MissingOtherAge;
        var top = rows.OpenTop ?? rows.HighestAge;
        for (var age = 0; age <= Math.Max(top, AdultTo); age++)
        {
            if (rows.Seen(age) is not null) continue;
            if (age is >= YoungFrom and <= AdultTo) missing.Add(age);
            else totalPartial = true;
        }
        missing.Sort();
        var (line, column) = missing.Count > 0 && rows.FirstMissing is { } first
            ? (first.Line, first.Column)
            : (rows.FirstLine, rows.FirstColumn);
        var what = missing.Count == 0
            ? ""
            : $"alder {Ages(missing)}" + (rows.FirstMissing is { } m ? $" (verdi {m.Symbol})" : " (ingen rad)");
        return new Contribution(rows.Region, rows.Name, rows.Year, rows.Aged18To66, rows.Aged18To24, rows.Total, what, line, column,
            Empty: !rows.AnyPeople, TotalPartial: totalPartial && missing.Count == 0);
    }

    /// <summary>
    /// When older numbers merge, SSB's tables carry each number in every year, with 0 or <c>..</c> in the years
    /// it did not exist. Such an empty part says nothing; the unit's figure is the sum of the parts with people.
    /// </summary>
    private List<Contribution> WithoutEmptyParts(List<Contribution> parts)
    {
        if (parts.Count < 2) return parts;
        var withPeople = parts.Where(p => !p.Empty).ToList();
        if (withPeople.Count == 0 || withPeople.Count == parts.Count) return parts;
        var ignored = parts.Where(p => p.Empty).ToList();
        findings.Info(ignored[0].Line, ignored[0].Column,
            $"{string.Join(", ", ignored.Select(p => Named(p.Region, p.Name)))} har ingen personer i {Year(parts[0].Year)} " +
            "(0 eller manglende tall: regionen fantes ikke da) " +
            $"og teller ikke med i {UnitName(parts[0].Region.Unit)}.");
        return withPeople;
    }

    private PopulationFigure? Combined(List<Contribution> parts, string source)
    {
        try
        {
            long adults = 0, young = 0, total = 0;
            foreach (var part in parts)
            {
                adults = checked(adults + part.Aged18To66);
                young = checked(young + part.Aged18To24);
                total = checked(total + part.Total);
            }
            return new PopulationFigure(parts[0].Region.Unit, parts[0].Year, adults, young, total, source);
        }
        catch (OverflowException)
        {
            findings.Error(parts[0].Line, parts[0].Column,
                $"Summen av personer for {UnitName(parts[0].Region.Unit)} i {Year(parts[0].Year)} er for stor til å regnes ut.");
            return null;
        }
    }

    private void ReportUnknown(Contribution part, int parts)
    {
        var unit = part.Region.Unit;
        var whose = parts > 1 || part.Region.RenumberedFrom.Length > 0 ? $"{UnitName(unit)} (2024-nummer)" : "enheten";
        findings.Warning(part.Line, part.Column,
            $"Befolkningstallet for {Named(part.Region, part.Name)} per 1.1.{Year(part.Year)} mangler for {part.Missing}; " +
            $"{whose} får ingen nevner for {Year(part.Year)} fra denne filen (et manglende tall er ikke 0).");
    }

    private void ReportSkippedAges()
    {
        foreach (var (text, (age, line, column, rows)) in skippedAges)
        {
            var why = age.Kind == AgeKind.Group
                ? "er en gruppe av flere aldre (eller alle aldre) og hoppes over; " +
                  "bare ettårige aldre summeres, ellers ville personer telle to ganger"
                : "er ikke en alder Målekort kjenner igjen (forventet f.eks. «18 år», «18 years», kode 018 eller 105+) " +
                  "og hoppes over";
            findings.Warning(line, column, Invariant($"Alderskategorien «{text}» {why} ({rows} verdier)."));
        }
    }

    private void ReportPartialTotals(List<Contribution> partial)
    {
        if (partial.Count == 0) return;
        var first = partial[0];
        findings.Warning(first.Line, first.Column,
            Invariant($"Alle personer (Total) er ufullstendig for {partial.Count} enhet-år ") +
            $"(f.eks. {Named(first.Region, first.Name)} {Year(first.Year)}): " +
            "filen mangler tall for noen aldre utenfor 18–66 (eller personer_alle), så Total er bare det som finnes. " +
            "Nevnerne 18–66 og 18–24 er hele.");
    }

    private static bool IsEmpty(params SsbCount[] counts) => counts.All(c => c.State == CountState.Missing || c.Value == 0);

    private static string Named(RegionResolution region, string name) => name.Length > 0 ? $"{region.Code} {name}" : region.Code;

    private static string UnitName(UnitCode unit) => $"{unit} {UnitRegister.Default.NameOf(unit)}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Shortened(IReadOnlyCollection<string> items) =>
        items.Count <= 12
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(12)) + Invariant($" og {items.Count - 12} til");

    /// <summary>Ages as short ranges: <c>18, 20–22, 30</c>.</summary>
    internal static string Ages(IReadOnlyList<int> sorted)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1) i++;
            if (text.Length > 0) text.Append(", ");
            text.Append(start.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != start) text.Append('–').Append(sorted[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>
    /// One region-year's ages, summed as they come so that a whole national table never has to be held per cell.
    /// Where an age was first seen is kept (line, or code for JSON-stat) to name it in a duplicate's finding.
    /// </summary>
    private sealed class AgeRows(RegionResolution region, string name, int year, int firstLine, string firstColumn)
    {
        private readonly bool[] seen = new bool[SsbAge.Highest + 1];
        private readonly int[] lineOf = new int[SsbAge.Highest + 1];
        private readonly string?[] textOf = new string?[SsbAge.Highest + 1];

        public RegionResolution Region => region;
        public string Name => name;
        public int Year => year;
        public int FirstLine => firstLine;
        public string FirstColumn => firstColumn;
        public long Aged18To66 { get; private set; }
        public long Aged18To24 { get; private set; }
        public long Total { get; private set; }
        public bool AnyPeople { get; private set; }
        public bool Overflowed { get; private set; }
        public int? OpenTop { get; private set; }
        public int HighestAge { get; private set; }
        public List<int> MissingAdultAges { get; } = [];
        public bool MissingOtherAge { get; private set; }
        public (string Symbol, int Line, string Column)? FirstMissing { get; private set; }

        /// <summary>Where the age was seen (its line, or in JSON-stat its category), or null when it was not.</summary>
        public string? Seen(int age) =>
            !seen[age] ? null : lineOf[age] > 0 ? Invariant($"linje {lineOf[age]}") : $"kategorien {textOf[age]}";

        /// <summary>
        /// Adds one age; <paramref name="ageText"/> is kept only for JSON-stat, whose reader shares one string per category.
        /// </summary>
        public void Add(SsbAge age, string ageText, SsbCount count, int line, string column)
        {
            seen[age.Years] = true;
            lineOf[age.Years] = line;
            if (line == 0) textOf[age.Years] = ageText;
            HighestAge = Math.Max(HighestAge, age.Years);
            if (age.Kind == AgeKind.OpenTop) OpenTop = age.Years;
            if (count.State == CountState.Missing)
            {
                if (age.Years is >= YoungFrom and <= AdultTo)
                {
                    FirstMissing ??= (count.Text, line, column);
                    MissingAdultAges.Add(age.Years);
                }
                else MissingOtherAge = true;
                return;
            }
            var value = count.Value;
            AnyPeople |= value != 0;
            try
            {
                Total = checked(Total + value);
                if (age.Years is >= YoungFrom and <= AdultTo) Aged18To66 = checked(Aged18To66 + value);
                if (age.Years is >= YoungFrom and <= YoungTo) Aged18To24 = checked(Aged18To24 + value);
            }
            catch (OverflowException)
            {
                Overflowed = true;
            }
        }
    }

    /// <summary>One region's part of a unit-year: the whole of it, or one older municipality of a merged one.</summary>
    private sealed record Contribution(RegionResolution Region, string Name, int Year, long Aged18To66, long Aged18To24, long Total,
        string Missing, int Line, string Column, bool Empty, bool TotalPartial);
}
