using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Choices;

/// <summary>
/// A choice as a person makes it on the form: per indicator whether it is shown, its place (a whole number; ties keep the
/// catalogue's order) and an optional heading that starts a group before it. At least one indicator; a heading at most 80
/// characters. Errors are keyed by field: <c>plass-B-101</c>, <c>overskrift-B-101</c>, <c>vis-BL151</c> for none chosen.
/// </summary>
public static class ChoiceInput
{
    public const string ShowField = "vis";
    public const string PlaceField = "plass";
    public const string HeadingField = "overskrift";
    public const int LongestHeading = 80;

    /// <summary>The field of an indicator: <c>plass-B-101</c>.</summary>
    public static string Field(string prefix, string indicator) => $"{prefix}-{indicator.Replace('.', '-')}";

    /// <summary>One indicator's row as typed.</summary>
    public sealed record Row(string Indicator, bool Shown, string? Place, string? Heading);

    /// <summary>The choice, or the errors by field; a row <paramref name="find"/> does not know is left out (the catalogue when null).</summary>
    public static (IndicatorChoice? Choice, IReadOnlyList<(string Field, string Message)> Errors) Check(UnitCode unit, IReadOnlyList<Row> rows,
        string chosenBy, DateTimeOffset chosenAt, Func<string, IndicatorDefinition?>? find = null)
    {
        find ??= IndicatorCatalog.Find;
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<(string, string)>();
        var chosen = new List<(int Place, int Index, ChosenIndicator Indicator)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (find(row.Indicator) is not { } definition) continue;
            var heading = string.IsNullOrWhiteSpace(row.Heading) ? null : row.Heading.Trim();
            if (heading is { Length: > LongestHeading })
                errors.Add((Field(HeadingField, definition.Code), $"Overskriften før {definition.Code} kan ha høyst {LongestHeading} tegn (den har {heading.Length})."));
            if (!row.Shown) continue;
            var place = i + 1;
            if (!string.IsNullOrWhiteSpace(row.Place) && (!int.TryParse(row.Place.Trim(), out place) || place is < 1 or > 999))
            {
                errors.Add((Field(PlaceField, definition.Code), $"Plassen til {definition.Code} må være et helt tall fra 1 til 999 (ikke «{row.Place.Trim()}»)."));
                continue;
            }
            chosen.Add((place, i, new ChosenIndicator(definition.Code, heading)));
        }
        if (chosen.Count == 0 && errors.Count == 0 && rows.Count > 0)
            errors.Add((Field(ShowField, rows[0].Indicator), "Velg minst én indikator, eller bruk hele det nasjonale settet."));
        if (errors.Count > 0) return (null, errors);
        var ordered = chosen.OrderBy(c => c.Place).ThenBy(c => c.Index).Select(c => c.Indicator).ToList();
        return (new IndicatorChoice(unit, ordered, chosenBy, chosenAt), errors);
    }
}
