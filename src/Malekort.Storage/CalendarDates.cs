namespace Malekort.Storage;

/// <summary>Calendar dates are stored as integers yyyymmdd: exact, readable in any SQL client, and free of time zones.</summary>
internal static class CalendarDates
{
    public static int ToInt(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static int? ToInt(DateOnly? date) => date is { } d ? ToInt(d) : null;

    public static DateOnly FromInt(long value) => new((int)(value / 10000), (int)(value / 100 % 100), (int)(value % 100));
}
