using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>
/// Saving a comparison group (<c>POST /sammenlign/grupper</c>): a name and the units typed as in the picker, separated by commas,
/// kept for the signed-in user; then the comparison of the group. A unit that is not found is named, and nothing is saved.
/// </summary>
internal static class ComparisonGroups
{
    public const string Path = "/sammenlign/grupper";
    public const string NameField = "navn";
    public const string UnitsField = "enheter";

    public static async Task<IResult> Save(HttpContext context, ScorecardState state, Malekort.Confidentiality.Viewer viewer, IMalekortStore store,
        IAntiforgery antiforgery)
    {
        var snapshot = state.For(viewer);
        var (form, refused) = await PostedForm.ReadAsync(context, snapshot, antiforgery, "Ingenting er lagret.");
        if (form is null) return refused!;
        var name = form[NameField].ToString().Trim();
        if (name.Length == 0) return Refuse(snapshot, $"Feltet «{NameField}» mangler: gi gruppen et navn.");
        if (name.Length > 80) return Refuse(snapshot, $"Navnet «{name[..80]}…» er for langt: høyst 80 tegn.");
        var units = new List<UnitCode>();
        foreach (var typed in form[UnitsField].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = UnitSearch.Find(snapshot, typed);
            if (found.Count == 0) return Refuse(snapshot, QueryParameters.NoUnitNamed(UnitsField, typed));
            if (found.Count > 1) return Refuse(snapshot, QueryParameters.SeveralUnitsNamed(UnitsField, typed, found.Select(u => u.Label)));
            if (!units.Contains(found[0].Code)) units.Add(found[0].Code);
        }
        if (units.Count < 2) return Refuse(snapshot, $"Feltet «{UnitsField}» må ha minst to enheter, skilt med komma.");
        var group = store.SaveComparisonGroup(context.User.UserName(), name, units);
        var indicator = Query<Malekort.Indicators.IndicatorDefinition>.Read("indikator", form["indikator"]);
        var month = Query<Malekort.Periods.Month>.Read("maned", form["maned"]);
        return Results.Redirect(Links.Group(group.Name, indicator.HasValue ? indicator.Value : null, month.HasValue ? month.Value : null));
    }

    private static IResult Refuse(ScorecardSnapshot snapshot, string why) =>
        Errors.Page(snapshot, StatusCodes.Status400BadRequest, why + " Ingenting er lagret.");
}
