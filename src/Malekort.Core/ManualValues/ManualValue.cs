using Malekort.Periods;
using Malekort.Units;

namespace Malekort.ManualValues;

/// <summary>
/// A value a person typed for a municipality or district and month without captured data (issue 11 item 4; seed 000, slide 15:
/// municipalities without automatic capture type their numbers in): the fact as typed, with who and when. Whether it is shown,
/// or replaced by captured data, is worked out each time the scorecard is computed (<see cref="ManualEntries.Apply"/>), never stored.
/// </summary>
/// <param name="Unit">The municipality or district.</param>
/// <param name="Month">The month.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Numerator">The numerator, or the count itself.</param>
/// <param name="Denominator">The denominator; null for a count, whose denominator is 1 by definition.</param>
/// <param name="EnteredBy">Who typed it.</param>
/// <param name="EnteredAt">When.</param>
public sealed record ManualValue(UnitCode Unit, Month Month, string Indicator, long Numerator, long? Denominator, string EnteredBy,
    DateTimeOffset EnteredAt);
