using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.State;

internal static class StateServices
{
    /// <summary>The scorecard state and its refresher.</summary>
    public static IServiceCollection AddScorecardState(this IServiceCollection services)
    {
        services.AddSingleton<ScorecardState>();
        services.AddHostedService<StateRefresher>();
        return services;
    }
}
