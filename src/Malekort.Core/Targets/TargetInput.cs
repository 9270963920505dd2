using Malekort.Indicators;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Targets;

/// <summary>
/// A year's targets as a person types them, on the form or the command line: a yearly target spread evenly or by 12 weights, or
/// 12 monthly targets. Norwegian numbers (<see cref="ThresholdInput.TryNumber"/>), never negative, a share at most 100, at most
/// two decimals; weights not all zero. Errors are keyed by field: <c>arsmal</c>, <c>vekt-1</c>…<c>vekt-12</c>,
/// <c>maned-1</c>…<c>maned-12</c>.
/// </summary>
public static class TargetInput
{
    public const string YearlyField = "arsmal";
    public const string WeightField = "vekt";
    public const string MonthField = "maned";

    /// <summary>The year's targets, or the errors by field.</summary>
    public static (TargetYear? Year, IReadOnlyList<(string Field, string Message)> Errors) Check(IndicatorDefinition definition, UnitCode unit,
        int year, Periodisation how, string? yearly, IReadOnlyList<string?> weights, IReadOnlyList<string?> months)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(months);
        var errors = new List<(string, string)>();
        if (how == Periodisation.Monthly)
        {
            var values = new decimal?[12];
            for (var i = 0; i < 12; i++)
            {
                if (string.IsNullOrWhiteSpace(months.ElementAtOrDefault(i))) continue;
                if (NumberError($"Målet for {MonthName(i)}", definition, months[i], out var v) is { } error) errors.Add(($"{MonthField}-{i + 1}", error));
                else values[i] = v;
            }
            if (errors.Count == 0 && values.All(v => v is null)) errors.Add(($"{MonthField}-1", "Skriv målet for minst én måned."));
            return errors.Count > 0 ? (null, errors) : (TargetYear.MonthByMonth(unit, definition.Code, year, values), errors);
        }
        decimal total = 0;
        if (string.IsNullOrWhiteSpace(yearly)) errors.Add((YearlyField, "Skriv årsmålet."));
        else if (NumberError("Årsmålet", definition, yearly, out total) is { } error) errors.Add((YearlyField, error));
        List<decimal>? profile = null;
        if (how == Periodisation.Weights)
        {
            profile = [];
            for (var i = 0; i < 12; i++)
            {
                var text = weights.ElementAtOrDefault(i);
                if (string.IsNullOrWhiteSpace(text)) errors.Add(($"{WeightField}-{i + 1}", $"Skriv vekten for {MonthName(i)} (0 om måneden ikke skal ha noe mål)."));
                else if (!ThresholdInput.TryNumber(text, out var w) || w < 0)
                    errors.Add(($"{WeightField}-{i + 1}", $"Vekten for {MonthName(i)} må være et tall som ikke er negativt (ikke «{text.Trim()}»)."));
                else profile.Add(w);
            }
            if (profile.Count == 12 && profile.Sum() == 0) errors.Add(($"{WeightField}-1", "Minst én vekt må være større enn 0."));
        }
        return errors.Count > 0 ? (null, errors) : (TargetYear.Periodised(definition, unit, year, total, profile), errors);
    }

    private static string? NumberError(string what, IndicatorDefinition definition, string? text, out decimal value)
    {
        if (!ThresholdInput.TryNumber(text, out value)) return $"{what} må være et tall, for eksempel 349 eller 2,5 (ikke «{text?.Trim()}»).";
        if (value < 0) return $"{what} kan ikke være negativt.";
        if (decimal.Round(value, 2) != value) return $"{what} kan ha høyst to desimaler.";
        if (definition.Kind == ValueKind.Percent && value > 100) return $"{what} er en andel og kan ikke være over 100 %.";
        return null;
    }

    /// <summary>A month's name: <c>januar</c> … <c>desember</c>.</summary>
    public static string MonthName(int index) =>
        System.Globalization.CultureInfo.GetCultureInfo("nb-NO").DateTimeFormat.GetMonthName(index + 1);
}
