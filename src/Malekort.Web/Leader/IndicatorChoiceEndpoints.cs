using Malekort.Choices;
using Malekort.Confidentiality;
using Malekort.Indicators;
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
/// <c>/indikatorvalg?enhet=3107</c>: which of the scorecard's indicators a municipality, district or office shows, in what order
/// and under which headings (issue 11 item 5). Everyone signed in reads it; the unit's own users and admins change it
/// (<c>Scopes.MayChooseIndicators</c>), with an anti-forgery token. The national set stays on every scorecard one link away.
/// </summary>
internal static class IndicatorChoiceEndpoints
{
    public const string Path = "/indikatorvalg";
    public const string RemovePath = "/indikatorvalg/nasjonalt";
    public const string OrderField = "rekkefolge";

    public static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IAntiforgery antiforgery, Query<UnitCode> enhet, string? resultat)
    {
        var snapshot = state.For(viewer);
        if (!enhet.HasValue)
        {
            if (viewer.Role is ViewerRole.Kontor or ViewerRole.Kommune && viewer.Unit is { } own) return Results.Redirect(IndicatorChoiceView.Address(own));
            return Page.Result<UnitChooserPage, UnitChooserView>(UnitChooserView.ForIndicatorChoice(snapshot));
        }
        if (UnitProblem(snapshot, enhet.Name, enhet.Value) is { } problem) return problem;
        var unit = enhet.Value;
        var form = Scopes.MayChooseIndicators(context.User, unit, snapshot.Offices) ? antiforgery.GetAndStoreTokens(context) : null;
        return Page.Result<IndicatorChoicePage, IndicatorChoiceView>(IndicatorChoiceView.Of(snapshot, unit, form, null, [], resultat));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        TimeProvider clock)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, refusal) = Unit(context, snapshot, posted);
        if (refusal is not null) return refusal;
        var order = posted[OrderField].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var choosable = IndicatorChoiceView.Choosable(snapshot, unit);
        var find = IndicatorChoiceView.Finder(choosable);
        var rows = IndicatorChoiceView.Posted(posted, order.Length > 0 ? order : [.. choosable.Select(d => d.Code)], find);
        var (choice, errors) = ChoiceInput.Check(unit, [.. rows.Select(r => new ChoiceInput.Row(r.Definition.Code, r.Shown, r.Place, r.Heading))],
            context.User.UserName(), clock.GetUtcNow(), find);
        if (choice is null)
        {
            return Page.Result<IndicatorChoicePage, IndicatorChoiceView>(IndicatorChoiceView.Of(snapshot, unit, antiforgery.GetAndStoreTokens(context), rows,
                [.. errors.Select(e => new FieldError(e.Field, e.Message))], null), StatusCodes.Status400BadRequest);
        }
        var changed = store.SaveIndicatorChoice(choice);
        await LeaderForms.ShownAsync(state, store, changed, context.RequestAborted);
        return Results.Redirect($"{IndicatorChoiceView.Address(unit)}&resultat={(changed ? "lagret" : "uendret")}");
    }

    public static async Task<IResult> Remove(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, refusal) = Unit(context, snapshot, posted);
        if (refusal is not null) return refusal;
        var removed = store.RemoveIndicatorChoice(unit);
        await LeaderForms.ShownAsync(state, store, removed, context.RequestAborted);
        return Results.Redirect($"{IndicatorChoiceView.Address(unit)}&resultat={(removed ? "nasjonalt" : "uendret")}");
    }

    /// <summary>The unit a posted form is about, or the refusal: a bad unit, or a user who may not choose its indicators.</summary>
    private static (UnitCode Unit, IResult? Refusal) Unit(HttpContext context, ScorecardSnapshot snapshot, IFormCollection posted)
    {
        var (unit, bad) = LeaderForms.Unit(snapshot, posted, IndicatorChoiceView.UnitField);
        if ((bad ?? UnitProblem(snapshot, IndicatorChoiceView.UnitField, unit)) is { } problem) return (default, problem);
        if (!Scopes.MayChooseIndicators(context.User, unit, snapshot.Offices))
            return (default, Refusals.Forbidden(context,
                $"Bare brukerne til {snapshot.NameOf(unit)} og administratorer kan velge indikatorene der. Ingenting er lagret."));
        return (unit, null);
    }

    /// <summary>A choice is a municipality's, a district's or an office's.</summary>
    private static IResult? UnitProblem(ScorecardSnapshot snapshot, string parameter, UnitCode unit) =>
        unit.IsCaptureUnit || unit.Kind == UnitKind.Office
            ? null
            : Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Parameteren «{parameter}»: indikatorer velges for et NAV-kontor, en kommune eller en bydel, og {snapshot.NameOf(unit)} ({unit}) er ingen av delene.");
}
