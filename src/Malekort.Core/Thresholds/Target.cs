using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Thresholds;

/// <summary>A target (måltall) for an indicator in a unit and month (seed 003: KVP targets per office).</summary>
/// <param name="Unit">The unit or office.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Month">The month the target is for.</param>
/// <param name="Value">The target value, in the indicator's own unit.</param>
public sealed record Target(UnitCode Unit, string Indicator, Month Month, decimal Value)
{
    /// <summary>Goal attainment (måloppnåelse) = actual ÷ target × 100; null without a value or with a zero target.</summary>
    public double? Attainment(double? actual) => actual is null || Value == 0 ? null : actual.Value / (double)Value * 100.0;
}
