using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Capture;

internal static class CaptureServices
{
    /// <summary>The importer, the drop folder's watcher when there is a folder, and the schedule when there is one.</summary>
    public static IServiceCollection AddCapture(this IServiceCollection services, MalekortWebOptions options)
    {
        if ((options.DropDirectory is not null || options.AcceptUploads) && options.PseudonymKey is null)
            throw new ArgumentException("Mottaksmappe og opplasting krever en pseudonymnøkkel (MalekortWebOptions.PseudonymKey).", nameof(options));
        services.AddSingleton<CaptureImporter>();
        if (options.DropDirectory is not null) services.AddHostedService<DropFolderWatcher>();
        if (options.Schedule is { } schedule)
        {
            services.AddSingleton(schedule);
            services.AddHostedService<ScheduledPublisher>();
        }
        return services;
    }

    /// <summary><c>POST /api/leveranser</c>, when the server takes uploads.</summary>
    public static IEndpointRouteBuilder MapCapture(this IEndpointRouteBuilder app, MalekortWebOptions options)
    {
        if (options.AcceptUploads) app.MapPost("/api/leveranser", UploadApi.Post);
        return app;
    }
}
