using Malekort.Choices;
using Malekort.Indicators;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>One indicator's row on the choice form: shown or not, its place and the heading before it, as typed or as chosen.</summary>
public sealed record ChoiceRowView(IndicatorDefinition Definition, bool Shown, string Place, string Heading)
{
    public string ShowId => ChoiceInput.Field(ChoiceInput.ShowField, Definition.Code);

    public string PlaceId => ChoiceInput.Field(ChoiceInput.PlaceField, Definition.Code);

    public string HeadingId => ChoiceInput.Field(ChoiceInput.HeadingField, Definition.Code);
}

/// <summary>What <c>/indikatorvalg</c> shows for one municipality, district or office.</summary>
public sealed record IndicatorChoiceView(
    UnitCode Unit,
    string UnitName,
    AntiforgeryTokenSet? Form,
    IReadOnlyList<ChoiceRowView> Rows,
    string? ChosenBy,
    IReadOnlyList<FieldError> Errors,
    string? Result,
    IReadOnlyList<UnitChoice> Units,
    Selection Selection,
    PageFooter Footer)
{
    public const string UnitField = "enhet";

    /// <summary>The page's address for the unit.</summary>
    public static string Address(UnitCode unit) => $"{IndicatorChoiceEndpoints.Path}?enhet={Uri.EscapeDataString(unit.Value)}";

    /// <summary>
    /// What the unit can choose among: the scorecard's national indicators with their versions, then the own indicators the unit defined
    /// or was given (issue 11 item 6) that the viewer sees too, so the page never names one the viewer may not see.
    /// </summary>
    internal static IReadOnlyList<IndicatorDefinition> Choosable(ScorecardSnapshot snapshot, UnitCode unit) =>
        [.. snapshot.NationalCore, .. snapshot.OwnShown.Where(d => d.Own!.IsVisibleTo(unit))];

    /// <summary>Looks a chosen code up among <paramref name="choosable"/>.</summary>
    internal static Func<string, IndicatorDefinition?> Finder(IReadOnlyList<IndicatorDefinition> choosable)
    {
        var byCode = choosable.ToDictionary(d => d.Code, StringComparer.Ordinal);
        return code => byCode.GetValueOrDefault(code);
    }

    /// <summary>The rows of the unit's choice (its indicators in its order, then the others), or of the form as typed.</summary>
    internal static IndicatorChoiceView Of(ScorecardSnapshot snapshot, UnitCode unit, AntiforgeryTokenSet? form, IReadOnlyList<ChoiceRowView>? typed,
        IReadOnlyList<FieldError> errors, string? result)
    {
        var choice = snapshot.ChoiceOf(unit);
        var rows = typed ?? RowsOf(choice, Choosable(snapshot, unit));
        var month = snapshot.Find(unit)?.LatestMonth;
        return new IndicatorChoiceView(unit, snapshot.NameOf(unit), form, rows,
            choice is null ? null : $"{choice.ChosenBy}, {NorwegianFormat.Instant(choice.ChosenAt)}", errors, result,
            [.. snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office)], Selection.Of(snapshot, unit, month),
            PageFooter.Of(snapshot));
    }

    private static List<ChoiceRowView> RowsOf(IndicatorChoice? choice, IReadOnlyList<IndicatorDefinition> choosable)
    {
        if (choice is null) return [.. choosable.Select((d, i) => new ChoiceRowView(d, true, (i + 1).ToString(NorwegianFormat.Culture), ""))];
        var find = Finder(choosable);
        var chosen = choice.Indicators.Where(c => find(c.Indicator) is { IsCore: true }).ToList();
        return
        [
            .. chosen.Select((c, i) => new ChoiceRowView(find(c.Indicator)!, true, (i + 1).ToString(NorwegianFormat.Culture), c.Heading ?? "")),
            .. choosable.Where(d => chosen.All(c => c.Indicator != d.Code)).Select(d => new ChoiceRowView(d, false, "", "")),
        ];
    }

    /// <summary>The rows as posted, in the order the form listed them.</summary>
    internal static List<ChoiceRowView> Posted(IFormCollection form, IReadOnlyList<string> order, Func<string, IndicatorDefinition?> find) =>
    [
        .. order.Select(find).OfType<IndicatorDefinition>().Where(d => d.IsCore).Select(d => new ChoiceRowView(d,
            form[ChoiceInput.Field(ChoiceInput.ShowField, d.Code)] == "ja", form[ChoiceInput.Field(ChoiceInput.PlaceField, d.Code)].ToString(),
            form[ChoiceInput.Field(ChoiceInput.HeadingField, d.Code)].ToString())),
    ];
}
