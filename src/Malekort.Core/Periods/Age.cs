namespace Malekort.Periods;

/// <summary>Age in completed years (spec "age in M": completed years on M.end).</summary>
public static class Age
{
    /// <summary>
    /// Completed years on <paramref name="on"/>. A person born 29 February has a birthday on
    /// 1 March in other years: on 28 February they have not yet completed the year.
    /// </summary>
    public static int CompletedYears(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day)) years--;
        return years;
    }

    /// <summary>Age on M.end.</summary>
    public static int InMonth(DateOnly birth, Month month) => CompletedYears(birth, month.End);

    /// <summary>
    /// The first month whose last day finds the person aged <paramref name="years"/> or more.
    /// Equivalent to testing <see cref="InMonth"/> month by month, in O(1).
    /// </summary>
    public static Month FirstMonthAged(DateOnly birth, int years)
    {
        var month = new Month(birth.Year + years, birth.Month);
        // Only 29 February can be past the end of its month in the year the age is reached.
        return birth.Day > DateTime.DaysInMonth(month.Year, month.Number) ? month.Plus(1) : month;
    }
}
