using Malekort.Units;

namespace Malekort.Targets;

/// <summary>
/// One change of a year's targets for an indicator in a unit or office, kept for ever: who, when, how the new targets were
/// set, and the 12 monthly targets before and after (null where a month had or has none). A removal has no <paramref name="How"/>.
/// </summary>
public sealed record TargetChange(UnitCode Unit, string Indicator, int Year, DateTimeOffset ChangedAt, string ChangedBy, Periodisation? How,
    decimal? Yearly, IReadOnlyList<decimal>? Weights, IReadOnlyList<decimal?> Old, IReadOnlyList<decimal?> New);
