using Malekort.Storage;
using Malekort.Web.State;
using Malekort.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Federation;

internal static class FederationServices
{
    /// <summary>
    /// A central instance's picture from delivered aggregates, or a local instance's sender to its central instance. The
    /// database must be of the same kind: a central instance never opens a database with person-level data, and a local
    /// instance never opens a central one's.
    /// </summary>
    public static IServiceCollection AddFederation(this IServiceCollection services, MalekortWebOptions options, IMalekortStore store)
    {
        if (options.Central)
        {
            if (CentralRefusal.OptionProblem(options) is { } problem) throw new ArgumentException(problem, nameof(options));
            store.BecomeCentral();
            services.AddSingleton(new DeliveryBook(central: true));
            services.AddSingleton<IResultsSource, CentralResults>();
            return services;
        }
        services.AddSingleton(new DeliveryBook(central: false));
        if (store.InstanceRole() == InstanceRole.Central)
            throw new InvalidOperationException("Databasen tilhører en sentral instans, som bare har aggregater. Start den med «serve --central».");
        if (options.DeliverTo is { } target)
        {
            services.AddSingleton(target);
            services.AddSingleton<AggregateSender>();
            services.AddHostedService(s => s.GetRequiredService<AggregateSender>());
        }
        return services;
    }

    /// <summary>
    /// A central instance's <c>/publisering</c> (what each office delivered), <c>/api/sentral/leveranser</c> (deliveries in, their
    /// state out), and the refusal of uploads with person-level data.
    /// </summary>
    public static IEndpointRouteBuilder MapCentral(this IEndpointRouteBuilder app)
    {
        app.MapGet("/publisering", CentralPages.Get);
        app.MapGet(AggregateApi.Path, CentralPages.Status);
        // The delivery key is the office's credential here, not a user's: the endpoint checks it itself (DeliveryKeys).
        app.MapPost(AggregateApi.Path, AggregateApi.Post).Public();
        app.MapPost("/api/leveranser", () => Results.Problem(detail: Malekort.Federation.CentralInstance.Refusal, statusCode: StatusCodes.Status403Forbidden,
            title: "Ikke tillatt"));
        return app;
    }
}
