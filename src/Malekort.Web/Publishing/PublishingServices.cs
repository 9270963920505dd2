using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Parameters;
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
    /// <param name="app">The routes.</param>
    /// <param name="approvals">Whether months are approved here: a central instance (docs/federation.md) maps its own <c>/publisering</c>.</param>
    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder app, bool approvals = true)
    {
        if (approvals)
        {
            app.MapGet("/publisering", (HttpContext context, ScorecardState state, Viewer viewer, PublicationBook book, Storage.IMalekortStore store,
                Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, Query<UnitCode> kontor, Query<Month> maned, Query<UnitCode> enhet,
                string? resultat) => PublishingPages.Get(context, state.For(viewer), book, store, antiforgery, kontor, maned, enhet, resultat));
            // The form checks its anti-forgery token itself, so a failure gets a Norwegian page rather than a bare 400.
            app.MapPost("/publisering", PublishingPages.Post);
        }
        app.MapGet("/driftslogg", RunLogPages.List);
        app.MapGet("/driftslogg/{id:long}", RunLogPages.Detail);
        if (approvals)
        {
            app.MapGet("/api/publiseringer", (ScorecardState state, Viewer viewer, Storage.IMalekortStore store, PublicationBook book,
                Query<UnitCode> kontor, Query<Month> maned) => kontor.Text is null && maned.Text is null
                    ? PublishingApi.List(book)
                    : PublishingApi.Get(state, viewer, store, kontor, maned));
            app.MapPost("/api/publiseringer", PublishingApi.Post);
        }
        app.MapGet("/api/driftslogg", RunLogApi.List);
        app.MapGet("/api/driftslogg/{id:long}", RunLogApi.Get);
        return app;
    }
}
