using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Web.Api;
using Malekort.Web.Parameters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Access;

internal sealed record AuditEntryJson(
    long Id, DateTimeOffset ViewedAt, string User, string Role, string Unit, string? Month, string? Indicator, string Action,
    IReadOnlyList<string> Persons);

/// <summary>
/// <c>GET /api/revisjonslogg?antall=</c>: the audit log of person-level views, newest first, for administrators only
/// (<see cref="Policies.Admin"/>). The application only appends to it; nothing here changes it.
/// </summary>
internal static class AuditLogApi
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapAuditLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/revisjonslogg", List).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static IResult List(IMalekortStore store, Query<int> antall)
    {
        var limit = antall.Or(DefaultLimit);
        if (limit is < 1 or > MaxLimit) return ApiProblems.BadParameter(antall.Name, QueryParameters.OutsideRange(antall.Name, 1, MaxLimit, antall.Text ?? ""));
        return Results.Ok(store.AuditLog(limit).Select(e => new AuditEntryJson(e.Id, e.ViewedAt, e.UserName, e.Role.Name(), e.Unit.Value,
            e.Month?.ToString(), e.Indicator, e.Action == AuditAction.Explanation ? "explanation" : "personLookup", e.Persons)).ToList());
    }
}
