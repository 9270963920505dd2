using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>
/// One change of a unit's own limits for an indicator, as kept for ever: who, when, the limits before and after. A first
/// setting has no <paramref name="Old"/>; a removal (the default applies again) has no <paramref name="New"/>.
/// </summary>
/// <param name="Unit">The unit the limits are for.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="ChangedAt">When (the store's clock).</param>
/// <param name="ChangedBy">Who: the signed-in user, or what the command line was told.</param>
/// <param name="Old">The unit's own limits before, if it had any.</param>
/// <param name="New">The unit's own limits after, if it has any.</param>
public sealed record ThresholdChange(UnitCode Unit, string Indicator, DateTimeOffset ChangedAt, string ChangedBy, Limits? Old, Limits? New);

/// <summary>A direction with its green and red limits: what a threshold says, without whose it is.</summary>
public readonly record struct Limits(Indicators.Direction Direction, decimal Green, decimal Red)
{
    /// <summary>A short Norwegian description, e.g. "grønn ≤ 2,5 · rød &gt; 4".</summary>
    public string Describe(System.Globalization.CultureInfo culture) => Direction == Indicators.Direction.HigherIsBetter
        ? string.Create(culture, $"grønn ≥ {Green:0.##} · rød < {Red:0.##}")
        : string.Create(culture, $"grønn ≤ {Green:0.##} · rød > {Red:0.##}");
}
