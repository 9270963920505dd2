using Malekort.Confidentiality;
using Malekort.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Publishing;

internal static class PublishingServices
{
    /// <summary>The run log, publications and their refresher, and the anti-forgery tokens of the approval form.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddSingleton<RunLog>();
        services.AddSingleton<PublicationBook>();
        services.AddSingleton<MonthPublisher>();
        services.AddHostedService<ComputationRecorder>();
        services.AddHostedService<PublicationRefresher>();
        services.AddAntiforgery(o => o.Cookie.Name = "malekort-skjema");
        return services;
    }

    /// <summary><c>/publisering</c>, <c>/driftslogg</c> and their API.</summary>
    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/publisering", (HttpContext context, ScorecardState state, Viewer viewer, PublicationBook book, Storage.IMalekortStore store,
            Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, string? kontor, string? maned, string? resultat) =>
            PublishingPage.Get(context, state.For(viewer), book, store, antiforgery, kontor, maned, resultat));
        // The form checks its anti-forgery token itself, so a failure gets a Norwegian page rather than a bare 400.
        app.MapPost("/publisering", PublishingPage.Post);
        app.MapGet("/driftslogg", RunLogPage.List);
        app.MapGet("/driftslogg/{id:long}", RunLogPage.Detail);
        app.MapGet("/api/publiseringer", (ScorecardState state, Viewer viewer, Storage.IMalekortStore store, PublicationBook book, string? kontor,
            string? maned) => string.IsNullOrWhiteSpace(kontor) && string.IsNullOrWhiteSpace(maned)
                ? PublishingApi.List(book)
                : PublishingApi.Get(state, viewer, store, kontor, maned));
        app.MapPost("/api/publiseringer", PublishingApi.Post);
        app.MapGet("/api/driftslogg", RunLogApi.List);
        app.MapGet("/api/driftslogg/{id:long}", RunLogApi.Get);
        return app;
    }
}
