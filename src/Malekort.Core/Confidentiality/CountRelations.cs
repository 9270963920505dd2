using Malekort.Indicators;

namespace Malekort.Confidentiality;

/// <summary>A part of an indicator's value.</summary>
public enum ValuePart
{
    /// <summary>The numerator (a count's count).</summary>
    Numerator,
    /// <summary>The denominator.</summary>
    Denominator,
}

/// <summary>One number of a unit: an indicator's numerator or denominator in a month, or in the month before.</summary>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Part">Numerator or denominator.</param>
/// <param name="MonthsBack">0 for the month itself, 1 for the month before.</param>
public sealed record CountOf(string Indicator, ValuePart Part = ValuePart.Numerator, int MonthsBack = 0);

/// <summary>
/// The persons counted by <paramref name="Subset"/> are among those counted by <paramref name="Whole"/> in every unit and
/// month, so <c>Whole − Subset</c> counts persons too: shown side by side they publish it.
/// </summary>
/// <param name="Whole">The wider count.</param>
/// <param name="Subset">The narrower count.</param>
/// <param name="Remainder">What the difference counts (English, for reading); pairs naming the same remainder share it.</param>
public sealed record NestedCounts(CountOf Whole, CountOf Subset, string Remainder);

/// <summary>
/// Two numbers of the same unit and month that are the same number (a share's numerator and the count it is) or hidden
/// together (PL151's days with its cases): <paramref name="Follower"/> is shown exactly when <paramref name="Leader"/> is.
/// </summary>
/// <param name="Leader">The number suppression decides about.</param>
/// <param name="Follower">The number that follows it.</param>
/// <param name="WhenEqual">Only where the two happen to be equal (B.104's denominator is BL151 over the units with family
/// data); elsewhere the follower is decided on its own.</param>
public sealed record SameNumber(CountOf Leader, CountOf Follower, bool WhenEqual = false);

/// <summary>
/// Counts of one unit and month that add up: <paramref name="Total"/> is the sum of <paramref name="Parts"/> (KVP ended, by
/// the situation after it).
/// </summary>
/// <param name="Total">The total.</param>
/// <param name="Parts">The parts.</param>
public sealed record SumOfCounts(CountOf Total, IReadOnlyList<CountOf> Parts);

/// <summary>
/// How the indicators' numbers are tied to each other within a unit (issue 10 item 3): what complementary suppression
/// protects besides the sums of units into offices, Oslo, counties and the country (Aggregation). Read from the declarations,
/// never named here: each indicator's rule (<see cref="IndicatorRule"/>: the counter behind its numerator and denominator, and
/// where it is computed) and how the counters are tied (<see cref="CounterRelations"/>), so an indicator declared over the
/// counters is protected without being named. A relation is only used where a unit's numbers bear it out (DisclosureModel).
/// </summary>
public static class CountRelations
{
    /// <summary>
    /// The numbers that are one number (two indicators' parts over the same counter, computed where the same data is
    /// captured: BL151 and B.101's numerator, KVP ended and each situation's denominator), or the same where they happen to
    /// be equal (the same counter over narrower data: B.104's denominator is BL151 over the units with family data), or
    /// hidden together (a sum of days with its number of cases, PL151).
    /// </summary>
    public static IReadOnlyList<SameNumber> Same { get; } = SameNumbers();

    /// <summary>Counts of persons that include other counts of persons (<see cref="CounterRelations.Within"/>).</summary>
    public static IReadOnlyList<NestedCounts> Nested { get; } = NestedNumbers();

    /// <summary>Counts of one unit and month that add up (<see cref="CounterRelations.Sums"/>).</summary>
    public static IReadOnlyList<SumOfCounts> Sums { get; } =
    [
        .. CounterRelations.Sums
            .Where(s => Leader(s.Total) is not null)
            .Select(s => new SumOfCounts(Leader(s.Total)!, [.. s.Parts.Select(Leader).OfType<CountOf>()])),
    ];

    /// <summary>Whether the indicator's part is a number that can be hidden: a count of persons or cases (a count's
    /// denominator is 1, and SSB's populations are published, spec "Population").</summary>
    public static bool CanHide(IndicatorDefinition definition, ValuePart part)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return part == ValuePart.Numerator || (definition.Kind != ValueKind.Count && !IndicatorCatalog.PopulationDenominators.Contains(definition.Code));
    }

    /// <summary>
    /// Every number that counts through one of the engine's counters, in catalog order (numerator before denominator), with
    /// where it is computed: the indicator's parts and look-back (a share has both parts only where both are captured).
    /// </summary>
    private static List<(CountOf Number, Counter Counter, (DataParts Needs, DataParts LookBack, int Months) Where)> Numbers()
    {
        var numbers = new List<(CountOf, Counter, (DataParts, DataParts, int))>();
        foreach (var d in IndicatorCatalog.All)
        {
            var rule = d.Rule;
            var where = (rule.Needs | rule.Per.Needs, rule.LookBackPart, rule.LookBackMonths);
            numbers.Add((new CountOf(d.Code), rule.Counts, where));
            if (rule.Per.Kind == PerKind.Counter) numbers.Add((new CountOf(d.Code, ValuePart.Denominator), rule.Per.Counts, where));
        }
        return numbers;
    }

    /// <summary>The first number over the counter: the one the others over it follow.</summary>
    private static CountOf? Leader(Counter counter) => Numbers().FirstOrDefault(n => n.Counter == counter).Number;

    private static List<SameNumber> SameNumbers()
    {
        var numbers = Numbers();
        var same = new List<SameNumber>();
        foreach (var d in IndicatorCatalog.All)
        {
            // A sum of days is no count: it is shown exactly when its number of cases is.
            if (CounterRelations.IsSumOfDays(d.Rule.Counts) && d.Rule.Per.Kind == PerKind.Counter)
                same.Add(new SameNumber(new CountOf(d.Code, ValuePart.Denominator), new CountOf(d.Code)));
        }
        for (var i = 0; i < numbers.Count; i++)
        {
            var (number, counter, where) = numbers[i];
            if (CounterRelations.IsSumOfDays(counter)) continue;
            var first = numbers.FindIndex(n => n.Counter == counter);
            if (first == i) continue;
            same.Add(new SameNumber(numbers[first].Number, number, WhenEqual: numbers[first].Where != where));
        }
        // Followers first, then the ones the same only where equal, as DisclosureModel reads them.
        return [.. same.Where(s => !s.WhenEqual), .. same.Where(s => s.WhenEqual)];
    }

    private static List<NestedCounts> NestedNumbers()
    {
        var nested = new List<NestedCounts>();
        foreach (var within in CounterRelations.Within)
        {
            // A share whose numerator counts some of the persons its denominator counts: its own two parts, computed over the
            // same units.
            var shares = IndicatorCatalog.All.Where(d => within.WholeMonthsBack == 0 && d.Rule.Counts == within.Subset
                && d.Rule.Per.Kind == PerKind.Counter && d.Rule.Per.Counts == within.Whole).ToList();
            foreach (var share in shares)
                nested.Add(new NestedCounts(new CountOf(share.Code, ValuePart.Denominator), new CountOf(share.Code), within.Remainder));
            if (shares.Count > 0 || Leader(within.Whole) is not { } whole || Leader(within.Subset) is not { } subset) continue;
            nested.Add(new NestedCounts(whole with { MonthsBack = within.WholeMonthsBack }, subset, within.Remainder));
        }
        return nested;
    }
}
