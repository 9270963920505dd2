namespace Malekort.Periods;

/// <summary>
/// The month of a timestamp is the month in Norway (Europe/Oslo), never the month in UTC:
/// an event at 00:30 Oslo time on 1 February belongs to February.
/// </summary>
public static class OsloTime
{
    /// <summary>The Europe/Oslo zone.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The calendar date in Oslo at the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The month in Oslo at the instant.</summary>
    public static Month MonthOf(DateTimeOffset instant) => Month.Of(DateOf(instant));

    /// <summary>Today's month in Oslo by the injected clock.</summary>
    public static Month CurrentMonth(TimeProvider clock) => MonthOf(clock.GetUtcNow());
}
