using Malekort.Indicators;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>The manual value's fields as typed, so a refused form shows them again.</summary>
public sealed record ManualFormFields(string Indicator, string Month, string Numerator, string Denominator);

/// <summary>
/// The manual value form as posted: indicator, month, numerator and denominator, checked by <see cref="ManualInput"/>, and the
/// month one without captured data for the indicator (a manual value stands in only where nothing was captured).
/// </summary>
internal sealed class ManualValuesForm
{
    public const string UnitField = "enhet";
    public const string IndicatorField = "indikator";
    public const string MonthField = "maned";

    public required ManualFormFields Fields { get; init; }

    public ManualValue? Value { get; init; }

    public required IReadOnlyList<FieldError> Errors { get; init; }

    /// <param name="form">The posted form.</param>
    /// <param name="unit">The municipality or district, already checked.</param>
    /// <param name="full">The snapshot with full rights: whether the month has captured data is asked of every value, hidden or not.</param>
    /// <param name="who">Who types it.</param>
    /// <param name="now">When.</param>
    public static ManualValuesForm Read(IFormCollection form, UnitCode unit, ScorecardSnapshot full, string who, DateTimeOffset now)
    {
        var fields = new ManualFormFields(form[IndicatorField].ToString(), form[MonthField].ToString().Trim(),
            form[ManualInput.NumeratorField].ToString(), form[ManualInput.DenominatorField].ToString());
        var errors = new List<FieldError>();
        var definition = IndicatorCatalog.Find(fields.Indicator);
        if (definition is null) errors.Add(new FieldError(IndicatorField, $"Velg en av målekortets indikatorer (ikke «{fields.Indicator}»)."));
        var (month, monthError) = ManualInput.ReadMonth(fields.Month, Month.Of(OsloTime.DateOf(now)));
        if (monthError is not null) errors.Add(new FieldError(MonthField, monthError));
        if (definition is not null && month is { } m && full.Results is { } results && results.Months.Contains(m)
            && ManualInput.Captured(definition, full.NameOf(unit), m, results.Get(unit, m, definition.Code)) is { } captured)
        {
            errors.Add(new FieldError(MonthField, captured));
        }
        if (definition is null || month is null)
            return new ManualValuesForm { Fields = fields, Errors = errors };
        var (value, typing) = ManualInput.Check(definition, unit, month.Value, fields.Numerator, fields.Denominator, who, now);
        errors.AddRange(typing.Select(e => new FieldError(e.Field, e.Message)));
        return new ManualValuesForm { Fields = fields, Value = errors.Count == 0 ? value : null, Errors = errors };
    }
}
