using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>One extract: the days it is the full truth for and when the source system made it.</summary>
internal sealed record BatchPeriod(DateOnly From, DateOnly To, DateTimeOffset ExtractedAt)
{
    /// <summary>The first day the extract knows nothing about: events from this day on are not in it.</summary>
    public DateOnly KnownBefore => DateOnly.FromDateTime(ExtractedAt.UtcDateTime);
}

/// <summary>
/// Splits months into overlapping yearly extracts the way a municipality delivers them: each calendar year's
/// extract also covers January–March of the next year when the months go on past March, and the next year's
/// extract (newer) then supersedes it for those days (docs/capture-format.md, "The batch").
/// </summary>
internal static class BatchPlan
{
    public static IReadOnlyList<BatchPeriod> Yearly(MonthRange months)
    {
        var batches = new List<BatchPeriod>();
        for (var year = months.First.Year; year <= months.Last.Year; year++)
        {
            var first = Max(months.First, new Month(year, 1));
            Month last;
            if (months.Last >= new Month(year + 1, 4)) last = new Month(year + 1, 3);
            else if (months.Last.Year == year) last = months.Last;
            else last = new Month(year, 12);
            batches.Add(new BatchPeriod(first.Start, last.End, ExtractionTime(last.End)));
        }
        return batches;
    }

    // Two days after the period, on a weekday; after New Year the extract waits for the holidays to be booked.
    private static DateTimeOffset ExtractionTime(DateOnly periodTo)
    {
        var day = periodTo.AddDays(periodTo is { Month: 12, Day: 31 } ? 6 : 2);
        if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(2);
        else if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
    }

    /// <summary>
    /// Yearly extracts up to <paramref name="monthlyTail"/> months before the end, then one extract per month for the rest,
    /// each made after its month: how a municipality that has moved to monthly deliveries sends its newest months, and what a
    /// benchmark of "one new month arrives" needs.
    /// </summary>
    public static IReadOnlyList<BatchPeriod> WithMonthlyTail(MonthRange months, int monthlyTail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyTail);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(monthlyTail, months.Count);
        if (monthlyTail == 0) return Yearly(months);
        var firstMonthly = months.Last.Plus(1 - monthlyTail);
        var batches = Yearly(new MonthRange(months.First, firstMonthly.Plus(-1))).ToList();
        for (var month = firstMonthly; month <= months.Last; month = month.Plus(1))
            batches.Add(new BatchPeriod(month.Start, month.End, ExtractionTime(month.End)));
        return batches;
    }

    private static Month Max(Month a, Month b) => a >= b ? a : b;
}
