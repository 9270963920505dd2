using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Leader;

/// <summary>What a leader sets in the browser (issue 11): the municipality's own thresholds.</summary>
internal static class LeaderServices
{
    public static IEndpointRouteBuilder MapLeader(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThresholdsEndpoints.Path, ThresholdsEndpoints.Get);
        // The form checks its anti-forgery token itself, so a failure gets a Norwegian page rather than a bare 400.
        app.MapPost(ThresholdsEndpoints.Path, ThresholdsEndpoints.Post);
        return app;
    }
}
