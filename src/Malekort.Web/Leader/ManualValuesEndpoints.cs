using System.Security.Claims;
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
/// <c>/manuelt?enhet=3107&amp;maned=2024-12</c>: numbers typed for a municipality or district and month without captured data
/// (issue 11 item 4; seed 000, slide 15), the form that types them, removal, and every change with who, when, old and new. Only
/// those who may deliver the unit's data open it (<c>Scopes.MayEnterManual</c>): the typed numbers are the unit's own, and
/// everyone else sees them on the scorecard, marked and suppressed as any other number.
/// </summary>
internal static class ManualValuesEndpoints
{
    public const string Path = "/manuelt";
    public const string RemovePath = "/manuelt/fjern";

    public static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery, TimeProvider clock,
        Query<UnitCode> enhet, Query<Month> maned, string? resultat)
    {
        var snapshot = state.For(viewer);
        var now = clock.GetUtcNow();
        if (!enhet.HasValue)
        {
            // A municipality's users go straight to their own; everyone else chooses among the units they may type for.
            if (viewer.Role == ViewerRole.Kommune && viewer.Unit is { } own) return Results.Redirect(ManualValuesView.Address(own, null));
            return Page.Result<UnitChooserPage, UnitChooserView>(UnitChooserView.ForManualValues(snapshot, Choices(context.User, snapshot, now)));
        }
        if (Refusal(context, snapshot, enhet.Name, enhet.Value, "Ingenting er vist.") is { } refusal) return refusal;
        var unit = enhet.Value;
        var month = maned.HasValue ? maned.Value : ManualValuesView.DefaultMonth(snapshot, unit, now);
        return Page.Result<ManualValuesPage, ManualValuesView>(ManualValuesView.Of(snapshot, unit, month, antiforgery.GetAndStoreTokens(context),
            store.ManualValueChanges(unit), Choices(context.User, snapshot, now), null, [], resultat));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        TimeProvider clock)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, refusal) = Unit(context, snapshot, posted);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow();
        var form = ManualValuesForm.Read(posted, unit, state.Current, context.User.UserName(), now);
        if (form.Value is not { } value)
        {
            var month = Month.TryParse(form.Fields.Month, out var m) ? m : ManualValuesView.DefaultMonth(snapshot, unit, now);
            return Page.Result<ManualValuesPage, ManualValuesView>(ManualValuesView.Of(snapshot, unit, month, antiforgery.GetAndStoreTokens(context),
                store.ManualValueChanges(unit), Choices(context.User, snapshot, now), form.Fields, form.Errors, null), StatusCodes.Status400BadRequest);
        }
        var change = store.SetManualValue(value);
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{ManualValuesView.Address(unit, value.Month)}&resultat={(change is null ? "uendret" : "lagret")}");
    }

    public static async Task<IResult> Remove(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var (unit, refusal) = Unit(context, snapshot, posted);
        if (refusal is not null) return refusal;
        var month = Query<Month>.Read(ManualValuesForm.MonthField, posted[ManualValuesForm.MonthField]);
        if (!month.HasValue) return Errors.Page(snapshot, StatusCodes.Status400BadRequest, month.Error ?? QueryParameters.Missing(month.Name));
        if (IndicatorCatalog.Find(posted[ManualValuesForm.IndicatorField].ToString()) is not { } definition)
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest, $"Ukjent indikator «{posted[ManualValuesForm.IndicatorField]}». Ingenting er fjernet.");
        var change = store.RemoveManualValue(unit, definition.Code, month.Value, context.User.UserName());
        await LeaderForms.ShownAsync(state, store, change is not null, context.RequestAborted);
        return Results.Redirect($"{ManualValuesView.Address(unit, month.Value)}&resultat={(change is null ? "uendret" : "fjernet")}");
    }

    /// <summary>The unit a posted form is about, or the refusal: a bad unit, or a user who may not type its numbers.</summary>
    private static (UnitCode Unit, IResult? Refusal) Unit(HttpContext context, ScorecardSnapshot snapshot, IFormCollection posted)
    {
        var (unit, problem) = LeaderForms.Unit(snapshot, posted, ManualValuesForm.UnitField);
        return (unit, problem ?? Refusal(context, snapshot, ManualValuesForm.UnitField, unit, "Ingenting er lagret."));
    }

    private static IResult? Refusal(HttpContext context, ScorecardSnapshot snapshot, string parameter, UnitCode unit, string nothingDone)
    {
        if (!UnitRegister.Default.IsKnownCaptureUnit(unit))
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Parameteren «{parameter}»: tall registreres for en kommune eller en bydel, og {snapshot.NameOf(unit)} ({unit}) er ingen av delene.");
        return Scopes.MayEnterManual(context.User, unit, snapshot.Offices)
            ? null
            : Refusals.Forbidden(context, $"Bare de som leverer data for {snapshot.NameOf(unit)}, og administratorer, kan registrere tall der. {nothingDone}");
    }

    /// <summary>The municipalities and districts the user may type numbers for, with or without data.</summary>
    private static List<UnitChoice> Choices(ClaimsPrincipal user, ScorecardSnapshot snapshot, DateTimeOffset now) =>
    [
        .. UnitRegister.Default.Municipalities.Select(u => (u, UnitGroup.Municipalities))
            .Concat(UnitRegister.Default.Districts.Select(u => (u, UnitGroup.Districts)))
            .Where(c => Scopes.MayEnterManual(user, c.u.Code, snapshot.Offices))
            .Select(c => snapshot.Find(c.u.Code) ?? new UnitChoice(c.u.Code, c.u.Name, c.Item2, ManualValuesView.DefaultMonth(snapshot, c.u.Code, now)))
            .OrderBy(c => c.Group).ThenBy(c => c.Code.Value, StringComparer.Ordinal),
    ];
}
