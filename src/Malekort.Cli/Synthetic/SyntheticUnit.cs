using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// A unit to generate data for, sized by its SSB population (persons 18–66 and 18–24); <paramref name="Level"/> is its level of
/// social assistance relative to the national one, or null for one drawn from the seed between 0.8 and 1.2.
/// </summary>
internal sealed record SyntheticUnit(UnitCode Unit, long Aged18To66, long Aged18To24, double? Level = null);

/// <summary>
/// What to generate: the seed, the months the batches cover, and the fraction of the real population to
/// simulate (<c>0.1</c> gives a tenth of the persons, for quick runs), and how many of the last months are delivered as
/// monthly extracts rather than in the yearly ones (<see cref="BatchPlan.WithMonthlyTail"/>).
/// </summary>
internal sealed record SyntheticOptions(int Seed, MonthRange Months, double Scale = 1.0, int MonthlyTail = 0);
