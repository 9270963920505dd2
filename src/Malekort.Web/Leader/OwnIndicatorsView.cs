using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Leader;

/// <summary>One own indicator as the page lists it.</summary>
/// <param name="Own">What was stored.</param>
/// <param name="Kind">«andel», «antall» or «forholdstall», as the formula makes it; «formelen gjelder ikke lenger» when it no longer checks.</param>
/// <param name="OwnerName">Who owns it.</param>
/// <param name="SharedWith">The names of the units it was given to.</param>
/// <param name="When">When it was saved.</param>
/// <param name="Mine">Whether the viewer's unit owns it, so may change and remove it.</param>
public sealed record OwnIndicatorLine(OwnIndicator Own, string Kind, string OwnerName, string SharedWith, string When, bool Mine)
{
    public string Id => OwnIndicatorsView.RowId(Own.Code);

    public string DirectionText => Own.Direction == Direction.HigherIsBetter ? "Høyere er bedre" : "Lavere er bedre";
}

/// <summary>What <c>/egne-indikatorer</c> shows: the own indicators the viewer may see, and for a municipality's or office's users the form.</summary>
public sealed record OwnIndicatorsView(
    string? UnitName,
    AntiforgeryTokenSet? Form,
    OwnIndicatorFields Fields,
    IReadOnlyList<FieldError> Errors,
    string? Result,
    IReadOnlyList<OwnIndicatorLine> Lines,
    Selection Selection,
    PageFooter Footer)
{
    /// <summary>The row of an own indicator: <c>egen-EGEN-LANGTID</c>.</summary>
    public static string RowId(string code) => $"egen-{code.Replace('.', '-')}";

    /// <summary>The codes a formula may name, for the form's help.</summary>
    public static string Codes => string.Join(", ", IndicatorCatalog.All.Where(d => d.Kind == ValueKind.Count && d.VersionOf is null).Select(d => d.Code));

    internal static OwnIndicatorsView Of(ScorecardSnapshot snapshot, AntiforgeryTokenSet? form, OwnIndicatorFields? fields, IReadOnlyList<FieldError> errors,
        string? result)
    {
        var viewer = snapshot.Viewer;
        var compiled = OwnIndicators.Compile(snapshot.OwnIndicators).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var lines = snapshot.OwnIndicators.Where(o => viewer.HasFullRights || o.IsVisibleTo(viewer.Unit)).Select(o => new OwnIndicatorLine(o,
            compiled.TryGetValue(o.Code, out var d) ? d.Kind switch
            {
                ValueKind.Count => "antall",
                ValueKind.Percent => "andel i prosent",
                _ => $"forholdstall × {d.Factor.ToString(NorwegianFormat.Culture)}",
            } : "formelen gjelder ikke lenger",
            snapshot.NameOf(o.Owner), string.Join(", ", o.SharedWith.Select(snapshot.NameOf)), NorwegianFormat.Instant(o.DefinedAt),
            viewer.Unit == o.Owner)).ToList();
        var selection = viewer.Unit is { } unit && snapshot.Find(unit) is { } mine ? Selection.Of(snapshot, unit, mine.LatestMonth) : Selection.None;
        return new OwnIndicatorsView(viewer.Unit is { } u ? snapshot.NameOf(u) : null, form, fields ?? OwnIndicatorFields.Empty, errors, result, lines,
            selection, PageFooter.Of(snapshot));
    }
}
