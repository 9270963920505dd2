using Malekort.Confidentiality;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Scorecard;

/// <summary>The pages: <c>/</c>, <c>/malekort</c>, <c>/sammenlign</c>, <c>/datakvalitet</c>.</summary>
internal static class ScorecardPages
{
    public static IEndpointRouteBuilder MapScorecardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (ScorecardState state, Viewer viewer) => Home(state.For(viewer)));
        app.MapGet("/malekort", (ScorecardState state, Viewer viewer, Publishing.PublicationBook publications, string? enhet, string? maned) =>
            Scorecard(state.For(viewer), publications, enhet, maned));
        app.MapGet("/sammenlign", (ScorecardState state, Viewer viewer, string? indikator, string? maned) => Comparison(state.For(viewer), indikator, maned));
        app.MapGet("/datakvalitet", (ScorecardState state, Viewer viewer) => DataQualityPage.Render(state.For(viewer)));
        return app;
    }

    /// <summary>The scorecard of the first office (else the first unit) in its latest month with data.</summary>
    private static IResult Home(ScorecardSnapshot snapshot) => snapshot.DefaultUnit is { } unit
        ? Results.Redirect($"/malekort?enhet={Uri.EscapeDataString(unit.Code.Value)}&maned={unit.LatestMonth}")
        : Results.Redirect("/malekort");

    private static IResult Scorecard(ScorecardSnapshot snapshot, Publishing.PublicationBook publications, string? unitText, string? monthText)
    {
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, Section.Scorecard);
        var unit = fallback;
        if (!string.IsNullOrWhiteSpace(unitText))
        {
            if (!QueryParameters.TryUnit("enhet", unitText, out var code, out var error)) return Error(snapshot, StatusCodes.Status400BadRequest, error);
            if (snapshot.Find(code) is not { } found) return Error(snapshot, StatusCodes.Status404NotFound, QueryParameters.NoData("enhet", code));
            unit = found;
        }
        var month = unit.LatestMonth;
        if (!string.IsNullOrWhiteSpace(monthText))
        {
            if (!QueryParameters.TryMonth("maned", monthText, out month, out var error)) return Error(snapshot, StatusCodes.Status400BadRequest, error);
            if (!results.Months.Contains(month)) return Error(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths("maned", month, results.Months));
        }
        var publication = Publishing.PublicationBanner.Render(publications, snapshot, results, unit.Code, month);
        // A national page is ~120 KiB: one pooled buffer of that size, written once and sent as it is.
        var writer = new HtmlWriter(128 * 1024);
        try
        {
            ScorecardPage.Write(writer, snapshot, results, unit, month, publication);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        return Utf8Response.Html(writer);
    }

    private static IResult Comparison(ScorecardSnapshot snapshot, string? indicatorText, string? monthText)
    {
        if (snapshot.Results is not { } results || snapshot.DefaultUnit is not { } fallback) return NoData(snapshot, Section.Comparison);
        var definition = Indicators.IndicatorCatalog.Core[0];
        if (!string.IsNullOrWhiteSpace(indicatorText) && !QueryParameters.TryIndicator("indikator", indicatorText, out definition, out var error))
            return Error(snapshot, StatusCodes.Status400BadRequest, error);
        var month = fallback.LatestMonth;
        if (!string.IsNullOrWhiteSpace(monthText))
        {
            if (!QueryParameters.TryMonth("maned", monthText, out month, out var monthError)) return Error(snapshot, StatusCodes.Status400BadRequest, monthError);
            if (!results.Months.Contains(month)) return Error(snapshot, StatusCodes.Status404NotFound, QueryParameters.OutsideMonths("maned", month, results.Months));
        }
        return ComparisonPage.Render(snapshot, results, definition, month);
    }

    private static IResult NoData(ScorecardSnapshot snapshot, Section section) => Layout.Page("Ingen data", section, snapshot, Html.Of($"""
        <h1 class="aksel-heading aksel-heading--large">Ingen data ennå</h1>
        {Layout.Alert("info", Html.Of($"<p>Ingen uttrekk er importert ennå. Importer data med «malekort import», så vises målekortet her.</p>"))}
        <p class="aksel-body-short"><a class="aksel-link" href="/datakvalitet">Se importloggen</a></p>
        """));

    public static IResult Error(ScorecardSnapshot? snapshot, int status, string message)
    {
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Fant ikke siden",
            StatusCodes.Status400BadRequest => "Ugyldig adresse",
            StatusCodes.Status503ServiceUnavailable => "Databasen er ikke tilgjengelig",
            _ => "Noe gikk galt",
        };
        return Layout.Page(title, Section.None, snapshot, Html.Of($"""
            <h1 class="aksel-heading aksel-heading--large">{title}</h1>
            {Layout.Alert(status >= 500 ? "danger" : "warning", Html.Of($"<p>{message}</p>"), assertive: true)}
            <p class="aksel-body-short"><a class="aksel-link" href="/">Gå til målekortet</a></p>
            """), status);
    }
}
