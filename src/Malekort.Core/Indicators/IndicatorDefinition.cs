using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>What an indicator's value is.</summary>
public enum ValueKind
{
    /// <summary>A count of persons (or cases); denominator 1.</summary>
    Count,
    /// <summary>numerator ÷ denominator × 100.</summary>
    Percent,
    /// <summary>numerator ÷ denominator (PL151: mean days).</summary>
    Mean,
}

/// <summary>Whether a higher or a lower value is better (for colouring by thresholds).</summary>
public enum Direction
{
    /// <summary>Higher is better.</summary>
    HigherIsBetter,
    /// <summary>Lower is better.</summary>
    LowerIsBetter,
}

/// <summary>Where an indicator comes from.</summary>
public enum IndicatorSource
{
    /// <summary>The Østfold pilot, seed 000.</summary>
    OstfoldPilot,
    /// <summary>The directorate's recommendation of 11.02.2014, seed 002.</summary>
    Directorate,
    /// <summary>A state indicator on the same scorecard (B10).</summary>
    State,
    /// <summary>Supplementary measures: KVP follow-up (seed 003) and stock flow (seed 004).</summary>
    Supplementary,
    /// <summary>Conditions and the activity duty (seed 004, sosialtjenesteloven § 20a; KOSTRA 11F VILKAR, VEDTAK, SANKSJON).</summary>
    ActivityDuty,
    /// <summary>A municipality's or office's own indicator, a formula over the counts (issue 11 item 6; <see cref="OwnIndicators"/>).</summary>
    Own,
}

/// <summary>
/// An indicator, declared once: code as the spec writes it, Norwegian texts for the scorecard, what its value is, and
/// (<see cref="Rule"/>) which of the engine's counters it shows over which denominator. The engine, the confidentiality plan,
/// the explanation, the API and the pages read this declaration; nothing else lists indicators.
/// </summary>
/// <param name="Code">The spec's code, e.g. <c>BL151</c>, <c>B.101</c>.</param>
/// <param name="Name">Name (nb).</param>
/// <param name="Numerator">What the numerator counts (nb), shown on click.</param>
/// <param name="Denominator">What the denominator counts (nb), shown on click; "1" for counts.</param>
/// <param name="Kind">Count, per cent or mean.</param>
/// <param name="Direction">Which way is better, for the default thresholds.</param>
/// <param name="Source">Which document defines it.</param>
/// <param name="IsCore">
/// Whether it is one of the scorecard's indicators, with status, thresholds and targets: the 14 agreed ones and the activity
/// duty's V.101–V.104 (the rest are supplementary measures).
/// </param>
/// <param name="IsFlow">
/// Whether it counts events in the month (sanctions, applications, starts), so a year's figure is the sum of its months; the
/// rest are levels of the month (persons in it, shares, means), whose year is their mean (targets: <c>Targets/TargetYear</c>).
/// </param>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Numerator,
    string Denominator,
    ValueKind Kind,
    Direction Direction,
    IndicatorSource Source,
    bool IsCore = true,
    bool IsFlow = false)
{
    private readonly IndicatorRule? rule;

    /// <summary>
    /// How the engine computes a national indicator: numerator counter, the parts it needs, its look-back and its denominator.
    /// Every entry of <see cref="IndicatorCatalog"/> declares one; an own indicator declares a <see cref="Formula"/> instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">An own indicator, which has a formula and no rule.</exception>
    public IndicatorRule Rule
    {
        get => rule ?? throw new InvalidOperationException($"Indikatoren {Code} er en formel, ikke en regel i motoren.");
        init => rule = value;
    }

    /// <summary>For an own indicator, the checked formula over national counts it is computed from (issue 11 item 6); null for a national one.</summary>
    public IndicatorFormula? Formula { get; init; }

    /// <summary>For an own indicator, the facts it was defined with (owner, who it was given to, description); null for a national one.</summary>
    public OwnIndicator? Own { get; init; }

    /// <summary>For a version the directorate added in the browser, the facts it was added with; null otherwise.</summary>
    public NationalVersion? Stored { get; init; }

    /// <summary>What a <see cref="ValueKind.Mean"/> is multiplied by: 1 for the national ones; an own share's factor other than 100.</summary>
    public decimal Factor { get; init; } = 1;

    /// <summary>The version of the definition this entry computes: 1 for the first (issue 11 item 7).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The first month this version applies in; null: from the first month there is.</summary>
    public Month? ValidFrom { get; init; }

    /// <summary>The last month this version applies in; null: open.</summary>
    public Month? ValidUntil { get; init; }

    /// <summary>For a later version, the code of the indicator it is a version of; null for the first version.</summary>
    public string? VersionOf { get; init; }

    /// <summary>
    /// Later versions declared with the indicator. Each becomes its own catalogue entry beside this one
    /// (<see cref="IndicatorCatalog.All"/>), so in the months both apply the two are computed, shown and published side by
    /// side, and this version's numbers stay what they were.
    /// </summary>
    public IReadOnlyList<IndicatorVersion> LaterVersions { get; init; } = [];

    /// <summary>Whether this version applies in <paramref name="month"/>.</summary>
    public bool AppliesIn(Month month) => (ValidFrom is not { } from || month >= from) && (ValidUntil is not { } until || month <= until);

    /// <summary>The catalogue entry of a later version: its code is this one's with <c>.v</c> and the number.</summary>
    internal IndicatorDefinition At(IndicatorVersion version) => this with
    {
        Code = $"{Code}.v{version.Number}",
        Name = $"{Name} (versjon {version.Number})",
        Numerator = version.Numerator,
        Rule = version.Rule,
        Version = version.Number,
        ValidFrom = version.From,
        ValidUntil = version.Until,
        VersionOf = Code,
        LaterVersions = [],
    };

    /// <summary>The version of the definitions that produced every value, shown beside numerator and denominator.</summary>
    public const string DefinitionVersion = "indicators.md v1 (seed 000, 002, 004; Østfold 2014, direktoratet 11.02.2014, Alna Aktiv)";

    /// <summary>The value from numerator and denominator; null when either is missing or the denominator is zero.</summary>
    public double? ValueOf(long? numerator, long? denominator) => Kind switch
    {
        _ when numerator is null || denominator is null || denominator == 0 => null,
        ValueKind.Count => numerator,
        ValueKind.Percent => (double)numerator.Value / denominator.Value * 100.0,
        _ => (double)numerator.Value / denominator.Value * (double)Factor,
    };
}

/// <summary>A later version of an indicator's definition, applying from a month on (issue 11 item 7).</summary>
/// <param name="Number">The version number, 2 and up.</param>
/// <param name="From">The first month it applies in.</param>
/// <param name="Numerator">What its numerator counts (nb).</param>
/// <param name="Rule">How the engine computes it.</param>
/// <param name="Change">What changed from the version before (nb), for the documentation and the pages.</param>
public sealed record IndicatorVersion(int Number, Month From, string Numerator, IndicatorRule Rule, string Change)
{
    /// <summary>The last month it applies in; null: open.</summary>
    public Month? Until { get; init; }
}
