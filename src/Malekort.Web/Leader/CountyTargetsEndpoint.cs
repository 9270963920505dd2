using Malekort.Confidentiality;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>One office's target for one indicator in the county view: the latest month's attainment and the year so far.</summary>
public sealed record CountyTargetRow(string Office, string OfficeAddress, TargetTable Table, AttainmentLine Latest);

/// <summary>What <c>/mal/fylke</c> shows: every office of the county with targets in the year, and their attainment.</summary>
public sealed record CountyTargetsView(string CountyName, UnitCode County, int Year, IReadOnlyList<CountyTargetRow> Rows, int OfficesWithout,
    IReadOnlyList<UnitChoice> Counties, Selection Selection, PageFooter Footer);

/// <summary>
/// <c>/mal/fylke?fylke=31&amp;ar=2024</c>: a county's NAV offices, their targets and attainment month and year to date (issue 11
/// item 3, seed 003's county project that followed each office's måltall). Numbers as the viewer may see them.
/// </summary>
internal static class CountyTargetsEndpoint
{
    public const string Path = "/mal/fylke";

    public static IResult Get(ScorecardState state, Viewer viewer, Storage.IMalekortStore store, Query<UnitCode> fylke, Query<int> ar)
    {
        var snapshot = state.For(viewer);
        if (!fylke.HasValue)
        {
            if (viewer.Role == ViewerRole.Fylke && viewer.Unit is { } own) return Results.Redirect($"{Path}?fylke={own}");
            return Page.Result<UnitChooserPage, UnitChooserView>(UnitChooserView.ForCounties(snapshot));
        }
        var county = fylke.Value;
        if (county.Kind != UnitKind.County)
            return Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"Parameteren «{fylke.Name}»: {snapshot.NameOf(county)} ({county}) er ikke et fylke; skriv fylkesnummeret, f.eks. 31.");
        var offices = snapshot.Offices.Offices.Where(o => o.Units.Any(u => u.County == county)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var year = ar.HasValue ? ar.Value : offices.Select(o => snapshot.Find(o.Code)?.LatestMonth.Year).OfType<int>().DefaultIfEmpty(
            TargetsEndpoints.DefaultYear(snapshot, county)).Max();
        var years = store.TargetYears();
        var rows = new List<CountyTargetRow>();
        foreach (var office in offices)
        {
            var through = TargetsView.Through(snapshot, office.Code, year);
            foreach (var target in years.Where(t => t.Unit == office.Code && t.Year == year))
            {
                if (Indicators.IndicatorCatalog.Find(target.Indicator) is not { } definition) continue;
                var table = TargetsView.Table(snapshot, definition, target, through);
                var latest = through is { } last ? table.Months[last.Number - 1] : new AttainmentLine("–", "–", "–", "–");
                rows.Add(new CountyTargetRow(office.Name, TargetsView.Address(office.Code, year), table, latest));
            }
        }
        var without = offices.Count(o => rows.All(r => r.Office != o.Name));
        return Page.Result<CountyTargetsPage, CountyTargetsView>(new CountyTargetsView(snapshot.NameOf(county), county, year, rows, without,
            [.. snapshot.Units.Where(u => u.Code.Kind == UnitKind.County)], Selection.None, PageFooter.Of(snapshot)));
    }
}
