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

namespace Malekort.Web.Publishing;

/// <summary>
/// <c>/publisering</c>: the published months, and for one office and month (<c>?kontor=NAV-0106&amp;maned=2024-12</c>) every
/// revision with what changed, how the numbers computed now differ, and the form that approves and publishes: shown to the
/// office's own users and admins (<see cref="Scopes.MayPublish"/>), posted with an anti-forgery token, recorded as the
/// signed-in user's approval.
/// </summary>
internal static class PublishingPages
{
    public static string Address(UnitCode office, Month month) => $"/publisering?kontor={Uri.EscapeDataString(office.Value)}&maned={month}";

    public static IResult Get(HttpContext context, ScorecardSnapshot snapshot, PublicationBook book, IMalekortStore store,
        IAntiforgery antiforgery, Query<UnitCode> kontor, Query<Month> maned, Query<UnitCode> enhet, string? resultat)
    {
        // Without an office, the month (and enhet) are the unit and month the menu carries from page to page.
        if (kontor.Text is null)
        {
            return Page.Result<PublishingOverviewPage, PublishingOverviewView>(new PublishingOverviewView(
                snapshot.Offices.Offices, snapshot.Months,
                book.All().Select(h => new NamedPublication(snapshot.NameOf(h.Office), h)).ToList(), Selection.Of(snapshot, enhet, maned),
                PageFooter.Of(snapshot))
            {
                // The central's reason may quote the office's numbers: only for those who see the office's publishing.
                Refused = store.DeliveryRefusals().Where(r => snapshot.SeesLogOf(r.Office))
                    .Select(r => (snapshot.NameOf(r.Office), r)).ToList(),
            });
        }
        if (!TryOfficeAndMonth(snapshot, kontor, maned, out var office, out var month, out var status, out var error, out _))
            return Errors.Page(snapshot, status, error);
        var view = PublicationView.Load(store, snapshot, office, month);
        var form = Scopes.MayPublish(context.User, office.Code) && view.HasData ? antiforgery.GetAndStoreTokens(context) : null;
        return Page.Result<PublicationPage, PublicationPageView>(new PublicationPageView(view, form, resultat, snapshot.NameOf,
            Selection.Of(snapshot, office.Code, month), PageFooter.Of(snapshot)));
    }

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, Viewer viewer, IAntiforgery antiforgery, MonthPublisher publisher)
    {
        var snapshot = state.For(viewer);
        var (form, refused) = await PostedForm.ReadAsync(context, snapshot, antiforgery, "Ingenting er publisert.");
        if (form is null) return refused!;
        if (!TryOfficeAndMonth(snapshot, Query<UnitCode>.Read("kontor", form["kontor"]), Query<Month>.Read("maned", form["maned"]),
                out var office, out var month, out var status, out var error, out _))
            return Errors.Page(snapshot, status, error);
        if (!Scopes.MayPublish(context.User, office.Code))
            return Refusals.Forbidden(context, $"Bare {office.Name} og administratorer kan godkjenne kontorets tall. Ingenting er publisert.");
        var attempt = publisher.Publish(office.Code, month, context.User.UserName(), RunChannel.User);
        return attempt.Status switch
        {
            PublishStatus.Published => Results.Redirect(Address(office.Code, month) + "&resultat=publisert"),
            PublishStatus.Unchanged => Results.Redirect(Address(office.Code, month) + "&resultat=uendret"),
            _ => Errors.Page(snapshot, StatusCodes.Status422UnprocessableEntity, attempt.Message),
        };
    }

    /// <summary>
    /// The office and month of a publication, from the query string, the form or the API's JSON alike; otherwise the status,
    /// the error and the parameter it is about.
    /// </summary>
    internal static bool TryOfficeAndMonth(ScorecardSnapshot snapshot, Query<UnitCode> officeAsked, Query<Month> monthAsked, out Office office,
        out Month month, out int status, out string error, out string parameter)
    {
        office = null!;
        month = default;
        status = StatusCodes.Status400BadRequest;
        // Both are required: the first one missing or wrong is the error.
        foreach (var asked in new IQueryParameter[] { officeAsked, monthAsked })
        {
            parameter = asked.Name;
            if (asked.Text is null)
            {
                error = QueryParameters.Missing(asked.Name);
                return false;
            }
            if (asked.Error is { } wrong)
            {
                error = wrong;
                return false;
            }
        }
        parameter = officeAsked.Name;
        if (snapshot.Offices.Find(officeAsked.Value) is not { } found)
        {
            status = StatusCodes.Status404NotFound;
            error = QueryParameters.NotAnOffice(officeAsked.Name, officeAsked.Value);
            return false;
        }
        office = found;
        month = monthAsked.Value;
        error = "";
        return true;
    }
}
