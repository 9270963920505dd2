using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Leader;

/// <summary>What a leader sets in the browser (issue 11): the municipality's own thresholds, targets with their attainment, numbers typed for months without captured data, the choice of indicators, and own indicators by formula.</summary>
internal static class LeaderServices
{
    public static IEndpointRouteBuilder MapLeader(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThresholdsEndpoints.Path, ThresholdsEndpoints.Get);
        // The form checks its anti-forgery token itself, so a failure gets a Norwegian page rather than a bare 400.
        app.MapPost(ThresholdsEndpoints.Path, ThresholdsEndpoints.Post);
        app.MapGet(TargetsEndpoints.Path, TargetsEndpoints.Get);
        app.MapPost(TargetsEndpoints.Path, TargetsEndpoints.Post);
        app.MapPost(TargetsEndpoints.RemovePath, TargetsEndpoints.Remove);
        app.MapGet(CountyTargetsEndpoint.Path, CountyTargetsEndpoint.Get);
        app.MapGet(ManualValuesEndpoints.Path, ManualValuesEndpoints.Get);
        app.MapPost(ManualValuesEndpoints.Path, ManualValuesEndpoints.Post);
        app.MapPost(ManualValuesEndpoints.RemovePath, ManualValuesEndpoints.Remove);
        app.MapGet(IndicatorChoiceEndpoints.Path, IndicatorChoiceEndpoints.Get);
        app.MapPost(IndicatorChoiceEndpoints.Path, IndicatorChoiceEndpoints.Post);
        app.MapPost(IndicatorChoiceEndpoints.RemovePath, IndicatorChoiceEndpoints.Remove);
        app.MapGet(OwnIndicatorsEndpoints.Path, OwnIndicatorsEndpoints.Get);
        app.MapPost(OwnIndicatorsEndpoints.Path, OwnIndicatorsEndpoints.Post);
        app.MapPost(OwnIndicatorsEndpoints.RemovePath, OwnIndicatorsEndpoints.Remove);
        return app;
    }
}
