using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Pages;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>
/// <c>/egne-indikatorer</c>: a municipality's or office's own indicators, each a formula over the base counts and population (issue
/// 11 item 6). Everyone signed in opens it and sees the own indicators their unit defined or was given; a municipality's and an
/// office's users define, change, give away and remove their unit's (<c>Scopes.MayDefineIndicators</c>), with an anti-forgery token.
/// A formula that does not check is shown again with each problem beside its field, with its column.
/// </summary>
internal static class OwnIndicatorsEndpoints
{
    public const string Path = "/egne-indikatorer";
    public const string RemovePath = "/egne-indikatorer/fjern";

    public static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IAntiforgery antiforgery, string? kode, string? resultat)
    {
        var snapshot = state.For(viewer);
        var form = Scopes.MayDefineIndicators(viewer) ? antiforgery.GetAndStoreTokens(context) : null;
        OwnIndicatorFields? fields = null;
        if (!string.IsNullOrWhiteSpace(kode))
        {
            // Changing one: the form starts from what is stored, for the owner only; another unit's code is not even named.
            if (snapshot.OwnIndicators.FirstOrDefault(o => o.Code == kode) is not { } stored || !stored.IsVisibleTo(viewer.Unit))
                return Refusals.Forbidden(context, $"Den egne indikatoren «{kode}» er ikke definert av eller gitt til enheten din.");
            if (stored.Owner == viewer.Unit) fields = OwnIndicatorFields.Of(stored);
        }
        return Page.Result<OwnIndicatorsPage, OwnIndicatorsView>(OwnIndicatorsView.Of(snapshot, form, fields, [], resultat));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        TimeProvider clock)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        if (!Scopes.MayDefineIndicators(viewer) || viewer.Unit is not { } owner)
            return Refusals.Forbidden(context, "Bare brukerne til en kommune eller et NAV-kontor kan definere egne indikatorer. Ingenting er lagret.");
        var fields = OwnIndicatorFields.Read(posted);
        var stored = store.OwnIndicators();
        if (stored.FirstOrDefault(o => o.Code.Equals(fields.Code.Trim(), StringComparison.OrdinalIgnoreCase)) is { } existing && existing.Owner != owner
            && existing.IsVisibleTo(owner))
            return Refusals.Forbidden(context, $"«{existing.Code}» er gitt til {snapshot.NameOf(owner)}, men eies av {snapshot.NameOf(existing.Owner)}: "
                + "bare eieren kan endre den. Ingenting er lagret.");
        var (candidate, errors) = fields.Check(owner, snapshot, context.User.UserName(), clock.GetUtcNow(), stored);
        if (candidate is null)
        {
            return Page.Result<OwnIndicatorsPage, OwnIndicatorsView>(OwnIndicatorsView.Of(snapshot, antiforgery.GetAndStoreTokens(context), fields, errors, null),
                StatusCodes.Status400BadRequest);
        }
        var change = store.SaveOwnIndicator(candidate);
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{Path}?resultat={(change is null ? "uendret" : "lagret")}#{OwnIndicatorsView.RowId(candidate.Code)}");
    }

    public static async Task<IResult> Remove(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var code = posted[OwnIndicatorFields.CodeField].ToString().Trim();
        var stored = store.OwnIndicators();
        if (!Scopes.MayDefineIndicators(viewer))
            return Refusals.Forbidden(context, "Bare brukerne til en kommune eller et NAV-kontor har egne indikatorer å fjerne. Ingenting er fjernet.");
        if (stored.FirstOrDefault(o => o.Code == code) is not { } found) return Results.Redirect($"{Path}?resultat=uendret");
        if (found.Owner != viewer.Unit) return Refusals.Forbidden(context, $"Bare enheten som eier «{code}», kan fjerne den. Ingenting er fjernet.");
        if (OwnIndicators.UsedBy(code, stored) is { Count: > 0 } users)
            return Errors.Page(snapshot, StatusCodes.Status409Conflict,
                $"«{code}» brukes i formelen til {string.Join(", ", users)}. Endre eller fjern dem først. Ingenting er fjernet.");
        var change = store.RemoveOwnIndicator(code, context.User.UserName());
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{Path}?resultat={(change is null ? "uendret" : "fjernet")}");
    }
}
