using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Checks and compiles the national versions the directorate adds in the browser (issue 11 item 7), through the own indicators'
/// formula machinery (<see cref="OwnIndicators"/>): the formula is checked the same way, with its column, and compiled into a
/// declaration the engine computes after the sums, beside the version before it (<c>docs/decisions.md</c>, «Definisjonsversjoner
/// lagt til i nettleseren»).
/// </summary>
public static class NationalVersions
{
    /// <summary>The longest description of what changed.</summary>
    public const int MaxChange = 1000;

    /// <summary>
    /// The number the next version of <paramref name="code"/> gets: one more than any declared in code and any ever stored
    /// (<paramref name="everStored"/> includes removed ones, so a removed version's code is never reused for other numbers).
    /// </summary>
    public static int Next(string code, IEnumerable<NationalVersion> everStored)
    {
        ArgumentNullException.ThrowIfNull(everStored);
        var declared = IndicatorCatalog.All.Where(d => d.Code == code || d.VersionOf == code).Select(d => d.Version).DefaultIfEmpty(1).Max();
        var stored = everStored.Where(v => v.VersionOf == code).Select(v => v.Number).DefaultIfEmpty(1).Max();
        return Math.Max(declared, stored) + 1;
    }

    /// <summary>
    /// Every problem with <paramref name="candidate"/> as typed, field by field (<c>indikator</c>, <c>fra</c>, <c>formel</c>,
    /// <c>endring</c>): a national first version to add to, a free number, a formula that checks as an own indicator's does over the
    /// national counts and population, and that gives the same kind of value as the indicator (a count, a percentage, a mean).
    /// </summary>
    public static IReadOnlyList<FormulaError> Check(NationalVersion candidate, IReadOnlyList<NationalVersion> stored)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(stored);
        var errors = new List<FormulaError>();
        var national = IndicatorCatalog.Find(candidate.VersionOf);
        if (national is null || national.VersionOf is not null)
        {
            errors.Add(new("indikator", 0, string.IsNullOrWhiteSpace(candidate.VersionOf) ? "Velg indikatoren det er en ny versjon av."
                : $"«{candidate.VersionOf}» er ikke en nasjonal indikator. Velg indikatoren selv, ikke en av versjonene."));
        }
        else if (IndicatorCatalog.Find(candidate.Code) is not null || stored.Any(v => v.Code == candidate.Code))
        {
            errors.Add(new("indikator", 0, $"Versjon {candidate.Number} av {national.Code} finnes alt."));
        }
        if (string.IsNullOrWhiteSpace(candidate.Change)) errors.Add(new("endring", 0, "Skriv kort hva som er endret fra versjonen før."));
        else if (candidate.Change.Length > MaxChange) errors.Add(new("endring", 0, $"Beskrivelsen er lengre enn {MaxChange} tegn."));
        if (national is null || national.VersionOf is not null) return errors;

        var own = AsFormula(candidate, national);
        errors.AddRange(OwnIndicators.Check(own, []).Where(e => e.Field == "formel"));
        if (errors.Any(e => e.Field == "formel")) return errors;
        var compiled = OwnIndicators.Compile([own]).Single();
        if (compiled.Kind != national.Kind || (national.Kind == ValueKind.Mean && compiled.Factor != national.Factor))
            errors.Add(new("formel", 0, national.Kind switch
            {
                ValueKind.Count => $"{national.Code} er et antall; formelen kan ikke være en andel («teller / nevner»).",
                ValueKind.Percent => $"{national.Code} er en andel i prosent; skriv formelen som «teller / nevner * 100».",
                _ => $"{national.Code} er et gjennomsnitt; skriv formelen som «teller / nevner».",
            }));
        return errors;
    }

    /// <summary>
    /// The declarations of the stored versions, each right after its indicator's own versions in version order, for the engine. One
    /// whose formula no longer checks (a count it names has gone) is left out: not computed rather than computed wrongly.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> Compile(IReadOnlyList<NationalVersion> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var definitions = new List<IndicatorDefinition>();
        foreach (var version in stored.OrderBy(v => IndicatorCatalog.Find(v.VersionOf) is null ? int.MaxValue : IndicatorCatalog.IndexOf(v.VersionOf))
            .ThenBy(v => v.Number))
        {
            if (IndicatorCatalog.Find(version.VersionOf) is not { VersionOf: null } national || Check(version, []).Count > 0) continue;
            var compiled = OwnIndicators.Compile([AsFormula(version, national)]).Single();
            definitions.Add(compiled with
            {
                Name = $"{national.Name} (versjon {version.Number})",
                Direction = national.Direction,
                Source = national.Source,
                IsCore = national.IsCore,
                IsFlow = national.IsFlow,
                Own = null,
                Version = version.Number,
                ValidFrom = version.From,
                VersionOf = national.Code,
                Stored = version,
            });
        }
        return definitions;
    }

    /// <summary>
    /// The national catalogue with the compiled stored versions (<see cref="Compile"/>) in place: each right after its indicator's
    /// declared versions, so wherever the national set is listed a version stands beside the version before it.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> InCatalogue(IEnumerable<IndicatorDefinition> compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var byIndicator = compiled.Where(d => d.Stored is not null).ToLookup(d => d.VersionOf!, StringComparer.Ordinal);
        if (byIndicator.Count == 0) return IndicatorCatalog.All;
        var all = IndicatorCatalog.All;
        var list = new List<IndicatorDefinition>(all.Count + byIndicator.Sum(g => g.Count()));
        for (var i = 0; i < all.Count; i++)
        {
            list.Add(all[i]);
            var code = all[i].VersionOf ?? all[i].Code;
            if (i + 1 == all.Count || (all[i + 1].VersionOf ?? all[i + 1].Code) != code) list.AddRange(byIndicator[code].OrderBy(d => d.Version));
        }
        return list;
    }

    // Checked and compiled as an own indicator of nobody's that names only national counts (an own indicator is not everyone's to see).
    private static OwnIndicator AsFormula(NationalVersion version, IndicatorDefinition national) =>
        new(version.Code, national.Name, version.Change, national.Direction, "-", version.Formula, UnitCode.Country, [], version.AddedBy, version.AddedAt);
}
