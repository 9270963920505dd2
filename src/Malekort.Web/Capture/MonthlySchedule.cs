using Cronos;
using Malekort.Periods;

namespace Malekort.Web.Capture;

/// <summary>
/// When the server recomputes and publishes the previous month: a cron expression (five fields, e.g. <c>0 6 5 * *</c>, the
/// 5th at 06:00) read in Europe/Oslo time. Cronos handles the clock changes: a time that does not exist in spring fires at
/// the first moment after the gap, a time that occurs twice in autumn fires once.
/// </summary>
public sealed class MonthlySchedule
{
    private readonly CronExpression cron;

    private MonthlySchedule(string expression, CronExpression cron)
    {
        Expression = expression;
        this.cron = cron;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Reads a five-field cron expression.</summary>
    /// <exception cref="FormatException">The expression is not one; the message says why, in Norwegian.</exception>
    public static MonthlySchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            return new MonthlySchedule(expression.Trim(), CronExpression.Parse(expression.Trim(), CronFormat.Standard));
        }
        catch (CronFormatException e)
        {
            throw new FormatException(
                $"«{expression}» er ikke et cron-uttrykk med fem felt (minutt time dag måned ukedag), for eksempel «0 6 5 * *». ({e.Message})", e);
        }
    }

    /// <summary>The first time after <paramref name="instant"/> the schedule fires, or null if it never does again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => cron.GetNextOccurrence(instant, OsloTime.Zone);

    /// <summary>The month a run at <paramref name="occurrence"/> publishes: the month before it, in Oslo.</summary>
    public static Month MonthPublishedAt(DateTimeOffset occurrence) => OsloTime.MonthOf(occurrence).Plus(-1);

    /// <inheritdoc />
    public override string ToString() => Expression;
}
