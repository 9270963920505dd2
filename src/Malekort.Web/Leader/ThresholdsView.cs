using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Thresholds;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Leader;

/// <summary>
/// One indicator on the thresholds form: this month's value and status, the unit's own limits (as typed, when the form came
/// back), the recommended default beside them, and, in a preview, the status the typed limits would give.
/// </summary>
public sealed record ThresholdRow(
    IndicatorDefinition Definition,
    string Value,
    ValueStatus Now,
    Threshold? Own,
    Threshold? Default,
    string Green,
    string Red,
    string? GreenError,
    string? RedError,
    ValueStatus? Preview)
{
    /// <summary>The id of the green field: <c>gronn-B-101</c> (also its form name).</summary>
    public string GreenId => Field(ThresholdsForm.GreenPrefix, Definition.Code);

    /// <summary>The id of the red field: <c>rod-B-101</c>.</summary>
    public string RedId => Field(ThresholdsForm.RedPrefix, Definition.Code);

    internal static string Field(string prefix, string code) => $"{prefix}-{code.Replace('.', '-')}";
}

/// <summary>One line of the change history as the page shows it.</summary>
public sealed record ThresholdHistoryLine(string When, string Indicator, string By, string Before, string After);

/// <summary>An error of the form, for the error summary: the field it is about and what is wrong.</summary>
public sealed record FieldError(string FieldId, string Message);

/// <summary>What the thresholds page of one unit shows.</summary>
/// <param name="Unit">The municipality or district.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Month">The month whose values and colours are shown; null when the unit has no data.</param>
/// <param name="MonthName">That month in words.</param>
/// <param name="Form">The anti-forgery tokens when the signed-in user may change the limits; null shows them read-only.</param>
/// <param name="Rows">One row per indicator of the scorecard.</param>
/// <param name="Errors">The form's errors, in the order of the fields.</param>
/// <param name="Previewing">Whether the rows' <see cref="ThresholdRow.Preview"/> is filled (nothing saved).</param>
/// <param name="Saved">After a save: how many limits changed (0: nothing differed); null otherwise.</param>
/// <param name="History">Every change of the unit's limits, newest first.</param>
/// <param name="Units">The municipalities and districts with data, for choosing another.</param>
/// <param name="Selection">The unit and month the menu carries.</param>
/// <param name="Footer">The footer.</param>
public sealed record ThresholdsView(
    UnitCode Unit,
    string UnitName,
    Month? Month,
    string? MonthName,
    AntiforgeryTokenSet? Form,
    IReadOnlyList<ThresholdRow> Rows,
    IReadOnlyList<FieldError> Errors,
    bool Previewing,
    int? Saved,
    IReadOnlyList<ThresholdHistoryLine> History,
    IReadOnlyList<UnitChoice> Units,
    Selection Selection,
    PageFooter Footer)
{
    /// <summary>The page's own address for the unit and month.</summary>
    public static string Address(UnitCode unit, Month? month) =>
        $"{ThresholdsEndpoints.Path}?enhet={Uri.EscapeDataString(unit.Value)}" + (month is { } m ? $"&maned={m}" : "");

    /// <summary>
    /// The indicators that get limits in the unit: for a municipality or district the scorecard's, then the own indicators the viewer
    /// sees (issue 11 item 6); for an office only the own indicators it defined or was given that the viewer sees, since the national
    /// limits are the municipalities' and an office that defines its own indicator has nobody else to colour it.
    /// </summary>
    internal static IReadOnlyList<IndicatorDefinition> Definitions(ScorecardSnapshot snapshot, UnitCode unit) => unit.Kind == UnitKind.Office
        ? [.. snapshot.OwnShown.Where(d => d.Own!.IsVisibleTo(unit))]
        : [.. snapshot.NationalCore, .. snapshot.OwnShown];

    /// <summary>
    /// The view of the unit: values and statuses of <paramref name="month"/> as the snapshot's viewer sees them, coloured by
    /// <paramref name="thresholds"/> (the stored ones, read fresh), the fields filled from <paramref name="typed"/> where the form
    /// came back, else from the unit's own limits, and a preview when <paramref name="preview"/> is given.
    /// </summary>
    internal static ThresholdsView Of(ScorecardSnapshot snapshot, ThresholdTable thresholds, UnitCode unit, Month? month,
        AntiforgeryTokenSet? form, IReadOnlyList<ThresholdChange> history, ThresholdsForm? typed = null, ThresholdTable? preview = null,
        int? saved = null)
    {
        var results = snapshot.Results is { } r && month is { } m && snapshot.Find(unit) is not null ? r : null;
        var rows = Definitions(snapshot, unit).Select(definition =>
        {
            var value = results?.Get(unit, month!.Value, definition.Code);
            var own = thresholds.OwnOf(unit, definition.Code);
            var check = typed?.Checks[definition.Code];
            var (green, red) = typed is null
                ? (Number(own?.Green), Number(own?.Red))
                : (typed.Green[definition.Code], typed.Red[definition.Code]);
            return new ThresholdRow(definition,
                value is { } v ? Texts.Value(definition, v) : "Ingen data",
                value is { } now ? ScorecardModel.StatusOf(thresholds, snapshot.Offices, unit, definition.Code, now) : ValueStatus.NotCaptured,
                own, ThresholdTable.Default(definition.Code), green, red, check?.GreenError, check?.RedError,
                preview is null ? null
                    : value is { } next ? ScorecardModel.StatusOf(preview, snapshot.Offices, unit, definition.Code, next) : ValueStatus.NotCaptured);
        }).ToList();
        var errors = rows.SelectMany(row => new[] { (row.GreenId, row.GreenError), (row.RedId, row.RedError) })
            .Where(e => e.Item2 is not null)
            .Select(e => new FieldError(e.Item1, e.Item2!))
            .ToList();
        var names = snapshot.National.Concat(snapshot.OwnShown).ToDictionary(d => d.Code, d => $"{d.Code} {d.Name}", StringComparer.Ordinal);
        var lines = history.Select(c => new ThresholdHistoryLine(NorwegianFormat.Instant(c.ChangedAt), names.GetValueOrDefault(c.Indicator, c.Indicator),
            c.ChangedBy, Describe(c.Old), Describe(c.New))).ToList();
        var units = snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office).ToList();
        return new ThresholdsView(unit, snapshot.NameOf(unit), month, month is { } shown ? NorwegianFormat.Month(shown) : null, form, rows, errors,
            preview is not null, saved, lines, units, Selection.Of(snapshot, unit, month), PageFooter.Of(snapshot));
    }

    private static string Number(decimal? value) => value is { } v ? NorwegianFormat.Decimal(v) : "";

    /// <summary>Limits in words, or that the recommended default applied.</summary>
    private static string Describe(Limits? limits) => limits?.Describe(NorwegianFormat.Culture) ?? "standardgrensene";
}
