using System.Globalization;
using System.Text.RegularExpressions;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>
/// What a KOSTRA file's name says: the skjema (a <c>11F</c> or <c>11CF</c> token) and, in names like
/// <c>KOSTRA_11F_3107_2025.dat</c> or <c>11CF-030112-2025.txt</c>, the unit and the year. Only the single-space
/// "no recipients" file needs the unit and year from its name, because it has no record to take them from.
/// </summary>
internal static partial class KostraFileName
{
    /// <summary>The skjema the name's <c>11F</c>/<c>11CF</c> token names, or null.</summary>
    public static KostraSkjema? Skjema(string fileName)
    {
        var match = SkjemaToken().Match(Path.GetFileNameWithoutExtension(fileName));
        if (!match.Success) return null;
        return match.Groups["skjema"].Value.Length == 3 ? KostraSkjema.OkonomiskSosialhjelp : KostraSkjema.Kvalifiseringsstonad;
    }

    /// <summary>The skjema, unit and year of a name like <c>KOSTRA_11F_3107_2025</c>, or null when it has not all three.</summary>
    public static (KostraSkjema Skjema, UnitCode Unit, int Year)? Parse(string fileName)
    {
        var match = SkjemaUnitYear().Match(Path.GetFileNameWithoutExtension(fileName));
        if (!match.Success || !UnitCode.TryParse(match.Groups["unit"].Value, out var unit)) return null;
        var skjema = match.Groups["skjema"].Value.Length == 3 ? KostraSkjema.OkonomiskSosialhjelp : KostraSkjema.Kvalifiseringsstonad;
        return (skjema, unit, int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<skjema>11[Cc]?[Ff])(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex SkjemaToken();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<skjema>11[Cc]?[Ff])[_\-. ]+(?<unit>[0-9]{6}|[0-9]{4})[_\-. ]+(?<year>[0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex SkjemaUnitYear();
}
