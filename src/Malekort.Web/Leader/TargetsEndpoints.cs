using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>
/// <c>/mal?enhet=NAV-0106&amp;ar=2024</c>: a unit's or office's targets (måltall) for a year, each with its attainment month by
/// month and for the year so far; the form that sets a yearly target spread evenly, by 12 weights, or month by month; removal;
/// and every change with who, when, old and new (issue 11 item 3). Everyone signed in reads it; the office's or municipality's
/// own users and admins change it (<see cref="Scopes.MaySetTargets"/>), with an anti-forgery token.
/// </summary>
internal static class TargetsEndpoints
{
    public const string Path = "/mal";
    public const string RemovePath = "/mal/fjern";

    public static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        Query<UnitCode> enhet, Query<int> ar, Query<Month> maned, Query<IndicatorDefinition> indikator, string? resultat)
    {
        var snapshot = state.For(viewer);
        if (!enhet.HasValue)
        {
            // An office's or municipality's users go straight to their own; everyone else chooses.
            if (viewer.Role is ViewerRole.Kontor or ViewerRole.Kommune && viewer.Unit is { } own)
                return Results.Redirect(TargetsView.Address(own, DefaultYear(snapshot, own)));
            return Page.Result<UnitChooserPage, UnitChooserView>(UnitChooserView.ForTargets(snapshot));
        }
        if (UnitProblem(snapshot, enhet.Name, enhet.Value) is { } problem) return problem;
        var unit = enhet.Value;
        var year = ar.HasValue ? ar.Value : maned.HasValue ? maned.Value.Year : DefaultYear(snapshot, unit);
        var form = Scopes.MaySetTargets(context.User, unit, snapshot.Offices) ? antiforgery.GetAndStoreTokens(context) : null;
        return Page.Result<TargetsPage, TargetsView>(TargetsView.Of(snapshot, store.TargetYears(), unit, year, form, store.TargetChanges(unit), null, [],
            resultat, indikator.HasValue ? indikator.Value.Code : null));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, year, refusal) = Target(context, snapshot, posted);
        if (refusal is not null) return refusal;
        var form = TargetsForm.Read(posted, unit, year, snapshot.OwnShown);
        if (form.Year is not { } plan)
        {
            return Page.Result<TargetsPage, TargetsView>(TargetsView.Of(snapshot, store.TargetYears(), unit, year, antiforgery.GetAndStoreTokens(context),
                store.TargetChanges(unit), form.Fields, form.Errors, null, null), StatusCodes.Status400BadRequest);
        }
        var change = store.SetTargetYear(plan, context.User.UserName());
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{TargetsView.Address(unit, year)}&resultat={(change is null ? "uendret" : "lagret")}");
    }

    public static async Task<IResult> Remove(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, year, refusal) = Target(context, snapshot, posted);
        if (refusal is not null) return refusal;
        if (IndicatorCatalog.Find(posted[TargetsForm.IndicatorField].ToString()) is not { } definition)
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest, $"Ukjent indikator «{posted[TargetsForm.IndicatorField]}». Ingenting er fjernet.");
        var change = store.RemoveTargetYear(unit, definition.Code, year, context.User.UserName());
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{TargetsView.Address(unit, year)}&resultat={(change is null ? "uendret" : "fjernet")}");
    }

    /// <summary>The unit and year a posted form is about, or the refusal: a bad unit or year, or a user who may not set its targets.</summary>
    private static (UnitCode Unit, int Year, IResult? Refusal) Target(HttpContext context, ScorecardSnapshot snapshot, IFormCollection posted)
    {
        var unit = Query<UnitCode>.Read(TargetsForm.UnitField, posted[TargetsForm.UnitField]);
        var year = Query<int>.Read(TargetsForm.YearField, posted[TargetsForm.YearField]);
        foreach (var asked in new IQueryParameter[] { unit, year })
        {
            if (asked.Text is null) return (default, 0, Errors.Page(snapshot, StatusCodes.Status400BadRequest, QueryParameters.Missing(asked.Name)));
            if (asked.Error is { } error) return (default, 0, Errors.Page(snapshot, StatusCodes.Status400BadRequest, error));
        }
        if (UnitProblem(snapshot, unit.Name, unit.Value) is { } problem) return (default, 0, problem);
        if (year.Value is < 2000 or > 2100)
            return (default, 0, Errors.Page(snapshot, StatusCodes.Status400BadRequest, $"Parameteren «{year.Name}»: {year.Value} er ikke et år mellom 2000 og 2100."));
        if (!Scopes.MaySetTargets(context.User, unit.Value, snapshot.Offices))
            return (default, 0, Refusals.Forbidden(context,
                $"Bare brukerne til {snapshot.NameOf(unit.Value)} og administratorer kan endre måltallene der. Ingenting er lagret."));
        return (unit.Value, year.Value, null);
    }

    /// <summary>Targets are a municipality's, a district's or an office's.</summary>
    private static IResult? UnitProblem(ScorecardSnapshot snapshot, string parameter, UnitCode unit) =>
        unit.IsCaptureUnit || unit.Kind == UnitKind.Office
            ? null
            : Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Parameteren «{parameter}»: måltall settes for et NAV-kontor, en kommune eller en bydel, og {snapshot.NameOf(unit)} ({unit}) er ingen av delene.");

    /// <summary>The year of the unit's latest month with data, else of the latest month computed, else this one.</summary>
    internal static int DefaultYear(ScorecardSnapshot snapshot, UnitCode unit) =>
        snapshot.Find(unit)?.LatestMonth.Year ?? (snapshot.Months.Count > 0 ? snapshot.Months[0].Year : snapshot.ComputedAt.Year);
}
