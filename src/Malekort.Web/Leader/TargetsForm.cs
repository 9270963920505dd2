using Malekort.Indicators;
using Malekort.Targets;
using Malekort.Units;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>The targets form as posted: unit, year, indicator, and the year's targets checked by <see cref="TargetInput"/>.</summary>
internal sealed class TargetsForm
{
    public const string UnitField = "enhet";
    public const string YearField = "ar";
    public const string IndicatorField = "indikator";
    public const string HowField = "fordeling";

    /// <summary>The periodisations as the form names them.</summary>
    public static IReadOnlyList<(Periodisation How, string Value, string Label)> Methods { get; } =
    [
        (Periodisation.Even, "jevnt", "Jevnt fordelt på årets måneder"),
        (Periodisation.Weights, "vekter", "Fordelt etter 12 vekter"),
        (Periodisation.Monthly, "maned", "Måned for måned"),
    ];

    public required TargetFormFields Fields { get; init; }

    public TargetYear? Year { get; init; }

    public required IReadOnlyList<FieldError> Errors { get; init; }

    /// <param name="form">The posted form.</param>
    /// <param name="unit">The unit, already checked.</param>
    /// <param name="year">The year.</param>
    /// <param name="own">The own indicators the user sees (issue 11 item 6), which may have targets beside the scorecard's.</param>
    public static TargetsForm Read(IFormCollection form, UnitCode unit, int year, IReadOnlyList<IndicatorDefinition> own)
    {
        var how = Methods.FirstOrDefault(m => m.Value == form[HowField]).How;
        var weights = Enumerable.Range(1, 12).Select(i => form[$"{TargetInput.WeightField}-{i}"].ToString()).ToList();
        var months = Enumerable.Range(1, 12).Select(i => form[$"{TargetInput.MonthField}-{i}"].ToString()).ToList();
        var code = form[IndicatorField].ToString();
        var fields = new TargetFormFields(code, form[TargetInput.YearlyField].ToString(), how, weights, months);
        if ((IndicatorCatalog.Find(code) ?? own.FirstOrDefault(d => d.Code == code)) is not { IsCore: true } definition)
            return new TargetsForm { Fields = fields, Errors = [new FieldError(IndicatorField, $"Velg en av målekortets indikatorer (ikke «{code}»).")] };
        var (checkedYear, errors) = TargetInput.Check(definition, unit, year, how, fields.Yearly, weights, months);
        return new TargetsForm { Fields = fields, Year = checkedYear, Errors = [.. errors.Select(e => new FieldError(e.Field, e.Message))] };
    }
}
