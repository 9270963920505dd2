using Malekort.Confidentiality;
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
/// <c>/grenser?enhet=3107</c>: a municipality's or district's own green and red limits per indicator (issue 11 item 2), with
/// the recommended defaults beside them, this month's colours, a preview of the colours typed limits would give, and every
/// change kept with who, when, old and new. Everyone signed in reads it; the municipality's own users and admins change it
/// (<see cref="Scopes.MaySetThresholds"/>), with an anti-forgery token.
/// </summary>
internal static class ThresholdsEndpoints
{
    public const string Path = "/grenser";

    public static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        Query<UnitCode> enhet, Query<Month> maned, Query<int> lagret)
    {
        var snapshot = state.For(viewer);
        if (!enhet.HasValue)
        {
            // A municipality's users go straight to their own; everyone else chooses.
            if (viewer.Role == ViewerRole.Kommune && viewer.Unit is { } own) return Results.Redirect(ThresholdsView.Address(own, null));
            return Page.Result<UnitChooserPage, UnitChooserView>(UnitChooserView.ForThresholds(snapshot));
        }
        if (UnitProblem(snapshot, enhet.Name, enhet.Value) is { } problem) return problem;
        var unit = enhet.Value;
        var form = Scopes.MaySetThresholds(context.User, unit) ? antiforgery.GetAndStoreTokens(context) : null;
        return Page.Result<ThresholdsPage, ThresholdsView>(ThresholdsView.Of(snapshot, store.LoadReference().Thresholds, unit,
            MonthOf(snapshot, unit, maned), form, store.ThresholdChanges(unit), saved: lagret.HasValue ? lagret.Value : null));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (posted, bad) = await LeaderForms.ReadAsync(context, snapshot, antiforgery);
        if (posted is null) return bad!;
        var asked = Query<UnitCode>.Read(ThresholdsForm.UnitField, posted[ThresholdsForm.UnitField]);
        if (!asked.HasValue) return Errors.Page(snapshot, StatusCodes.Status400BadRequest, asked.Error ?? QueryParameters.Missing(asked.Name));
        if (UnitProblem(snapshot, asked.Name, asked.Value) is { } problem) return problem;
        var unit = asked.Value;
        if (!Scopes.MaySetThresholds(context.User, unit))
            return Refusals.Forbidden(context, unit.Kind == UnitKind.Office
                ? $"Bare brukerne til {snapshot.NameOf(unit)} og administratorer kan endre grensene for kontoret. Ingenting er lagret."
                : $"Bare {snapshot.NameOf(unit.Municipality)} kommune og administratorer kan endre grensene for {snapshot.NameOf(unit)}. Ingenting er lagret.");
        var month = MonthOf(snapshot, unit, Query<Month>.Read(ThresholdsForm.MonthField, posted[ThresholdsForm.MonthField]));
        var form = ThresholdsForm.Read(posted, ThresholdsView.Definitions(snapshot, unit));
        var who = context.User.UserName();
        if (!form.IsValid || form.IsPreview)
        {
            var stored = store.LoadReference().Thresholds;
            var preview = form.IsValid ? stored.With(unit, form.Wanted(unit, who)) : null;
            return Page.Result<ThresholdsPage, ThresholdsView>(
                ThresholdsView.Of(snapshot, stored, unit, month, antiforgery.GetAndStoreTokens(context), store.ThresholdChanges(unit), form, preview),
                form.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }
        var changes = store.ChangeThresholds(unit, form.Wanted(unit, who), who);
        await LeaderForms.ShownAsync(state, store, changes.Count > 0, context.RequestAborted);
        return Results.Redirect($"{ThresholdsView.Address(unit, month)}&lagret={changes.Count}");
    }

    /// <summary>Thresholds are a municipality's, a district's or (on its own indicators) an office's; anything else is named as the error.</summary>
    private static IResult? UnitProblem(ScorecardSnapshot snapshot, string parameter, UnitCode unit) => unit.IsCaptureUnit || unit.Kind == UnitKind.Office
        ? null
        : Errors.Page(snapshot, StatusCodes.Status400BadRequest,
            $"Parameteren «{parameter}»: grenser settes for en kommune, en bydel eller et NAV-kontor, og {snapshot.NameOf(unit)} ({unit}) er ingen av delene.");

    /// <summary>The month asked for if computed, else the unit's latest with data; none when the unit has no data.</summary>
    private static Month? MonthOf(ScorecardSnapshot snapshot, UnitCode unit, Query<Month> asked)
    {
        if (snapshot.Find(unit) is not { } choice || snapshot.Results is not { } results) return null;
        return asked.HasValue && results.Months.Contains(asked.Value) ? asked.Value : choice.LatestMonth;
    }
}
