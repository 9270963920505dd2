using System.Globalization;
using System.Text.RegularExpressions;

namespace Malekort.Import.Population;

/// <summary>What an age category names.</summary>
internal enum AgeKind
{
    /// <summary>One year of age, e.g. <c>18 years</c> or code <c>018</c>.</summary>
    Single,
    /// <summary>The open top class, e.g. <c>105 years or older</c> or code <c>105+</c>: the age and everyone older.</summary>
    OpenTop,
    /// <summary>Several years together (<c>18-66 years</c>, <c>F020-039</c>) or all ages: never added to single years.</summary>
    Group,
    /// <summary>Not recognisable as an age.</summary>
    Unknown,
}

/// <summary>An age category of SSB tables 07459 and 10826, from a CSV label or a JSON-stat code.</summary>
internal readonly partial record struct SsbAge(AgeKind Kind, int Years)
{
    /// <summary>The highest single age the readers accept; SSB's top class is 105.</summary>
    public const int Highest = 119;

    /// <summary>Whether the category counts one age (or the open top class) and may be summed.</summary>
    public bool Counts => Kind is AgeKind.Single or AgeKind.OpenTop;

    /// <summary>
    /// A label from the statbank's CSV export: <c>0 years</c>, <c>1 year</c>, <c>105 years or older</c>, <c>0 år</c>,
    /// <c>105 år eller eldre</c>.
    /// </summary>
    public static SsbAge FromLabel(string label)
    {
        var text = label.Trim();
        if (SingleLabel().Match(text) is { Success: true } single)
            return OfAge(single.Groups[1].Value, AgeKind.Single);
        if (OpenTopLabel().Match(text) is { Success: true } top)
            return OfAge(top.Groups[1].Value, AgeKind.OpenTop);
        if (RangeLabel().IsMatch(text) || IsAllAges(text))
            return new SsbAge(AgeKind.Group, -1);
        return new SsbAge(AgeKind.Unknown, -1);
    }

    /// <summary>A JSON-stat category code (<c>000</c>…<c>104</c>, <c>105+</c>); the label decides when the code does not.</summary>
    public static SsbAge FromCode(string code, string label)
    {
        var text = code.Trim();
        if (text.Length is >= 1 and <= 3 && text.All(char.IsAsciiDigit))
        {
            // 999 is SSB's code for "all ages" or "unknown age" in some tables, never one year.
            return text == "999" ? new SsbAge(AgeKind.Group, -1) : OfAge(text, AgeKind.Single);
        }
        if (OpenTopCode().Match(text) is { Success: true } top)
            return OfAge(top.Groups[1].Value, AgeKind.OpenTop);
        if (RangeCode().IsMatch(text) || IsAllAges(text))
            return new SsbAge(AgeKind.Group, -1);
        return FromLabel(label);
    }

    /// <summary>An age from the by-age files' <c>alder</c> column, where 105 is the top class "105 years or older".</summary>
    public static SsbAge FromByAgeColumn(string text) =>
        text.Length is >= 1 and <= 3 && text.All(char.IsAsciiDigit)
            ? OfAge(text, text == "105" ? AgeKind.OpenTop : AgeKind.Single)
            : new SsbAge(AgeKind.Unknown, -1);

    private static SsbAge OfAge(string digits, AgeKind kind)
    {
        var years = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return years > Highest ? new SsbAge(AgeKind.Unknown, -1) : new SsbAge(kind, years);
    }

    private static bool IsAllAges(string text) =>
        text.Equals("Total", StringComparison.OrdinalIgnoreCase)
        || text.Equals("I alt", StringComparison.OrdinalIgnoreCase)
        || text.Equals("Alle aldre", StringComparison.OrdinalIgnoreCase)
        || text.Equals("All ages", StringComparison.OrdinalIgnoreCase)
        || text.Equals("Alder i alt", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(\d{1,3}) (?:years?|år)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleLabel();

    [GeneratedRegex(@"^(\d{1,3}) (?:years or older|years or more|years and over|år eller eldre|år og eldre|år og over)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenTopLabel();

    [GeneratedRegex(@"^(?:\d{1,3}\s*[-–]\s*\d{1,3}|\d{1,3}\s*(?:år|years)?\s*[-–]\s*\d{1,3}) ?(?:years|år)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeLabel();

    [GeneratedRegex(@"^(\d{1,3})\+$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenTopCode();

    [GeneratedRegex(@"^[A-Za-z]{0,2}\d{1,3}\s*[-–]\s*\d{1,3}\+?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeCode();
}
