using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Api;
using Malekort.Web.Access;
using Malekort.Web.Parameters;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Publishing;

internal sealed record PublishedNumbersJson(long? Numerator, long? Denominator, double? Value);

internal sealed record ValueChangeJson(string Unit, string Indicator, PublishedNumbersJson? Before, PublishedNumbersJson? After);

internal sealed record RevisionJson(
    int Revision, DateTimeOffset PublishedAt, string PublishedBy, long DataVersion, IReadOnlyList<ValueChangeJson> Changes);

internal sealed record PublicationJson(
    string Office, string OfficeName, string Month, bool Published, int? Revision, bool HasData, bool? LiveDiffers,
    IReadOnlyList<ValueChangeJson> PendingChanges, IReadOnlyList<RevisionJson> Revisions);

internal sealed record PublishedMonthJson(string Office, string Month, int Revision, DateTimeOffset PublishedAt, string PublishedBy);

internal sealed record PublishRequestJson(string? Kontor, string? Maned, string? GodkjentAv);

internal sealed record PublishResponseJson(string Outcome, string Message, PublicationJson Publication);

/// <summary>
/// <c>GET /api/publiseringer</c>: the revision in force of every published month. <c>GET /api/publiseringer?kontor=&amp;maned=</c>:
/// one office's month with every revision and its changes, and how the live numbers differ. <c>POST /api/publiseringer</c>
/// (signed in, JSON <c>{"kontor", "maned", "godkjentAv"}</c>): publishes; 201 with a new revision, 200 when unchanged.
/// </summary>
internal static class PublishingApi
{
    public static IResult List(PublicationBook book) => Results.Ok(book.All()
        .Select(h => new PublishedMonthJson(h.Office.Value, h.Month.ToString(), h.Revision, h.PublishedAt, h.PublishedBy)).ToList());

    public static IResult Get(ScorecardState state, Viewer viewer, IMalekortStore store, Query<UnitCode> kontor, Query<Month> maned)
    {
        var snapshot = state.For(viewer);
        if (!PublishingPages.TryOfficeAndMonth(snapshot, kontor, maned, out var office, out var month, out var status, out var error, out var parameter))
            return Problem(status, error, parameter);
        return Results.Ok(Json(PublicationView.Load(store, snapshot, office, month)));
    }

    public static IResult Post(HttpContext context, PublishRequestJson? request, ScorecardState state, Viewer viewer, IMalekortStore store,
        MonthPublisher publisher)
    {
        var snapshot = state.For(viewer);
        if (request is null) return ApiProblems.BadParameter("kontor", "Forespørselen må være JSON med «kontor», «maned» og «godkjentAv».");
        if (!PublishingPages.TryOfficeAndMonth(snapshot, Query<UnitCode>.Read("kontor", request.Kontor), Query<Month>.Read("maned", request.Maned), out var office, out var month, out var status, out var error, out var parameter))
            return Problem(status, error, parameter);
        if (!Scopes.MayPublish(context.User, office.Code))
            return Refusals.Forbidden(context, $"Bare {office.Name} og administratorer kan godkjenne kontorets tall.");
        var user = context.User.UserName();
        var by = user;
        if (!string.IsNullOrWhiteSpace(request.GodkjentAv))
        {
            if (Approver.Check(request.GodkjentAv, out var invalid) is not { } name) return ApiProblems.BadParameter("godkjentAv", invalid);
            by = $"{name} ({user})";
        }
        var attempt = publisher.Publish(office.Code, month, by, RunChannel.User);
        return attempt.Status switch
        {
            PublishStatus.Published => Results.Created(PublishingPages.Address(office.Code, month),
                new PublishResponseJson("published", attempt.Message, Json(PublicationView.Load(store, snapshot, office, month)))),
            PublishStatus.Unchanged => Results.Ok(
                new PublishResponseJson("unchanged", attempt.Message, Json(PublicationView.Load(store, snapshot, office, month)))),
            _ => Results.Problem(detail: attempt.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Ingenting å publisere"),
        };
    }

    private static IResult Problem(int status, string error, string parameter) => status == StatusCodes.Status404NotFound
        ? ApiProblems.NotFound(error)
        : ApiProblems.BadParameter(parameter, error);

    private static PublicationJson Json(PublicationView view) => new(
        view.Office.Code.Value, view.Office.Name, view.Month.ToString(), view.Latest is not null, view.Latest?.Revision, view.HasData,
        view.LiveDiffers, view.Pending.Select(Json).ToList(),
        view.Revisions.Select(r => new RevisionJson(r.Header.Revision, r.Header.PublishedAt, r.Header.PublishedBy, r.Header.DataVersion,
            r.Changes.Select(Json).ToList())).ToList());

    private static ValueChangeJson Json(ValueChange c) => new(c.Unit.Value, c.Indicator, Json(c.Before), Json(c.After));

    private static PublishedNumbersJson? Json(PublishedValue? v) => v is null ? null : new(v.Numerator, v.Denominator, v.Value);
}
