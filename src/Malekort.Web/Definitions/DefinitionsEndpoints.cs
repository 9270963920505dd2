using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Web.Access;
using Malekort.Web.Leader;
using Malekort.Web.Pages;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Definitions;

/// <summary>
/// <c>/definisjoner</c>: every national indicator with each version of its definition, when it applies, what changed, and who added
/// it (issue 11 item 7), for everyone signed in; <c>/definisjoner/ny</c>: the directorate adds a version as a formula from a month on
/// (<c>Scopes.MayAddVersions</c>), with an anti-forgery token; a version that does not check is shown again with each problem beside
/// its field, a formula's with its column.
/// </summary>
internal static class DefinitionsEndpoints
{
    public const string Path = "/definisjoner";
    public const string NewPath = "/definisjoner/ny";

    private const string Refused = "Bare direktoratet kan legge til nye versjoner av de nasjonale indikatorene.";

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, List);
        app.MapGet(NewPath, Form);
        // The form checks its anti-forgery token itself, so a failure gets a Norwegian page rather than a bare 400.
        app.MapPost(NewPath, Add);
        return app;
    }

    public static IResult List(ScorecardState state, Viewer viewer, string? lagt)
    {
        var snapshot = state.For(viewer);
        // Only a code that is a version in force is named back in the confirmation, never text from the query as such.
        var added = snapshot.NationalVersions.FirstOrDefault(v => v.Code == lagt)?.Code;
        return Page.Result<DefinitionsPage, DefinitionsView>(DefinitionsView.Of(snapshot, Scopes.MayAddVersions(viewer), added));
    }

    public static IResult Form(HttpContext context, ScorecardState state, Viewer viewer, IAntiforgery antiforgery)
    {
        if (!Scopes.MayAddVersions(viewer)) return Refusals.Forbidden(context, Refused);
        var snapshot = state.For(viewer);
        return Page.Result<NationalVersionPage, NationalVersionView>(NationalVersionView.Of(snapshot, antiforgery.GetAndStoreTokens(context), null, []));
    }

    public static async Task<IResult> Add(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        TimeProvider clock)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        if (!Scopes.MayAddVersions(viewer)) return Refusals.Forbidden(context, Refused + " Ingenting er lagret.");
        var fields = NationalVersionFields.Read(posted);
        var changes = store.NationalVersionChanges();
        var (version, errors) = fields.Check(context.User.UserName(), clock.GetUtcNow(), store.NationalVersions(), [.. changes.Select(c => c.Version)]);
        if (version is null)
        {
            return Page.Result<NationalVersionPage, NationalVersionView>(NationalVersionView.Of(snapshot, antiforgery.GetAndStoreTokens(context), fields, errors),
                StatusCodes.Status400BadRequest);
        }
        var change = store.AddNationalVersion(version);
        if (change is null)
        {
            // Another addition took the number between the check and the save: the form again, so nothing is saved under a number not asked for.
            return Page.Result<NationalVersionPage, NationalVersionView>(NationalVersionView.Of(snapshot, antiforgery.GetAndStoreTokens(context), fields,
                [new FieldError(NationalVersionFields.IndicatorField, $"Versjon {version.Number} av {version.VersionOf} ble lagt til av noen andre i mellomtiden. Send skjemaet på nytt.")]),
                StatusCodes.Status409Conflict);
        }
        await LeaderForms.ShownAsync(state, store, changed: true, context.RequestAborted);
        return Results.Redirect($"{Path}?lagt={Uri.EscapeDataString(version.Code)}#{DefinitionsView.RowId(version.Code)}");
    }
}
