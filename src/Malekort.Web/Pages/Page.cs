using System.Text.Encodings.Web;
using System.Text.Unicode;
using Malekort.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Pages;

/// <summary>
/// A page: a Razor component that shows one model (<c>@inherits PageBase&lt;ScorecardView&gt;</c>). The endpoint builds the model
/// and returns <see cref="Page.Result{TPage, TModel}"/>; the page only lays it out, inside <c>PageLayout</c>. A part of a page
/// that is rendered on its own and kept (<see cref="Page.Render{TPart, TModel}"/>) is one too.
/// </summary>
/// <typeparam name="TModel">What the page shows.</typeparam>
public abstract class PageBase<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}

/// <summary>Renders pages on the server as Razor components: static HTML, no script.</summary>
internal static class Page
{
    /// <summary>How pages encode text: everything that is not markup, but æ, ø and å stay readable in the page source.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page <typeparamref name="TPage"/> showing <paramref name="model"/>, with the status given.</summary>
    public static IResult Result<TPage, TModel>(TModel model, int status = StatusCodes.Status200OK) where TPage : PageBase<TModel> =>
        new PageResult<TPage, TModel>(model, status);

    /// <summary>
    /// What the renderer asks for: the encoder above, and logging. Pages take everything else from their model, so one provider
    /// serves every render, and a request does not build its own scope of services just to render.
    /// </summary>
    internal static IServiceProvider Services { get; } =
        new ServiceCollection().AddLogging().AddSingleton(Encoder).BuildServiceProvider();

    /// <summary>
    /// A part of a page rendered to HTML on its own, to be kept (<see cref="PageParts"/>) and put into pages as it is
    /// (<see cref="MarkupString"/>): for large parts that are the same on many pages, such as the picker's list of units.
    /// </summary>
    public static async Task<MarkupString> Render<TPart, TModel>(TModel model) where TPart : PageBase<TModel>
    {
        await using var renderer = new HtmlRenderer(Services, Services.GetRequiredService<ILoggerFactory>());
        return new MarkupString(await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPart>(Parameters(model))).ToHtmlString()));
    }

    /// <summary>
    /// The page as <see cref="Result{TPage, TModel}"/>, and kept in <paramref name="cache"/> under <paramref name="key"/> if it
    /// takes it: for a page that depends only on what the key names, sent from the cache next time.
    /// </summary>
    public static IResult Kept<TPage, TModel>(TModel model, ResponseCache cache, ResponseKey key) where TPage : PageBase<TModel> =>
        new PageResult<TPage, TModel>(model, StatusCodes.Status200OK, (cache, key));

    internal static ParameterView Parameters<TModel>(TModel model) =>
        ParameterView.FromDictionary(new Dictionary<string, object?>(1, StringComparer.Ordinal) { [nameof(PageBase<TModel>.Model)] = model });
}

/// <summary>
/// Renders a page with the framework's <see cref="HtmlRenderer"/> into one UTF-8 buffer and sends it with its length. Not
/// <c>RazorComponentResult</c>: its per-request set-up for interactive Blazor (navigation, persisted state, form handling) made
/// the national scorecard page cost 2.5–5.6 ms of CPU against 0.9 ms here (measured on the bench's data; see the note in
/// <c>docs/architecture.md</c>), and these pages are static HTML.
/// </summary>
/// <param name="model">What the page shows.</param>
/// <param name="status">The response status.</param>
/// <param name="keep">Where to keep the rendered page, if anywhere.</param>
internal sealed class PageResult<TPage, TModel>(TModel model, int status, (ResponseCache Cache, ResponseKey Key)? keep = null) : IResult
    where TPage : PageBase<TModel>
{
    // A national scorecard page is ~120 KB: one buffer of that size, rented once per request.
    private const int Capacity = 128 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var writer = new Utf8TextWriter(Capacity);
        await using (var renderer = new HtmlRenderer(Page.Services, Page.Services.GetRequiredService<ILoggerFactory>()))
        {
            await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TPage>(Page.Parameters(model))).WriteHtmlTo(writer));
        }
        var body = writer.Written;
        if (keep is var (cache, key)) cache.Add(key, body.Span);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
