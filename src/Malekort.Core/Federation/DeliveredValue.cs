using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Federation;

/// <summary>
/// One indicator of one municipality or district in one month as a local instance (or a KOSTRA-level source) delivered it
/// to the central instance: numerator and denominator, never anything about a person.
/// </summary>
/// <param name="Unit">The municipality or district.</param>
/// <param name="Month">The month.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Numerator">The numerator; null when not captured (or not computed).</param>
/// <param name="Denominator">The denominator; null when not captured.</param>
/// <param name="Notes">How the value was made (older population, not computed, from KOSTRA-level aggregates, …).</param>
public sealed record DeliveredValue(UnitCode Unit, Month Month, string Indicator, long? Numerator, long? Denominator, ValueNotes Notes);
