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
    /// <summary>How the engine computes it: numerator counter, the parts it needs, its look-back and its denominator.</summary>
    public required IndicatorRule Rule { get; init; }

    /// <summary>The version of the definitions that produced every value, shown beside numerator and denominator.</summary>
    public const string DefinitionVersion = "indicators.md v1 (seed 000, 002, 004; Østfold 2014, direktoratet 11.02.2014, Alna Aktiv)";

    /// <summary>The value from numerator and denominator; null when either is missing or the denominator is zero.</summary>
    public double? ValueOf(long? numerator, long? denominator) => Kind switch
    {
        _ when numerator is null || denominator is null || denominator == 0 => null,
        ValueKind.Count => numerator,
        ValueKind.Percent => (double)numerator.Value / denominator.Value * 100.0,
        _ => (double)numerator.Value / denominator.Value,
    };
}
