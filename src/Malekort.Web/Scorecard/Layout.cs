using Malekort.Confidentiality;
using Malekort.Web.Assets;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Scorecard;

/// <summary>The pages of the site, for the menu.</summary>
internal enum Section
{
    Scorecard,
    Comparison,
    DataQuality,
    Publishing,
    RunLog,
    None,
}

/// <summary>The page around every page's content: landmarks, skip link, menu, one h1 (in the content) and the SSB credit.</summary>
internal static class Layout
{
    /// <summary>The page written once into a pooled buffer and sent as those bytes, as <c>/malekort</c> is.</summary>
    public static IResult Page(string title, Section section, ScorecardSnapshot? snapshot, Html content, int status = StatusCodes.Status200OK)
    {
        var writer = new HtmlWriter();
        try
        {
            PageStart(writer, title, section);
            writer.Append(content);
            PageEnd(writer, snapshot);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        return Utf8Response.Html(writer, status);
    }

    /// <summary>Everything before a page's content, up to and including the opening <c>&lt;main&gt;</c>.</summary>
    public static void PageStart(HtmlWriter writer, string title, Section section) => writer.Write($"""
        <!DOCTYPE html>
        <html lang="nb">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} – Målekort</title>
        <link rel="stylesheet" href="{StyleSheets.AkselUrl}">
        <link rel="stylesheet" href="{StyleSheets.OwnUrl}">
        </head>
        <body>
        <a class="skip-link" href="#hovedinnhold">Hopp til hovedinnholdet</a>
        <header class="aksel-internalheader site-header">
        <a class="aksel-internalheader__title" href="/">Målekort</a>
        <nav class="site-nav" aria-label="Hovedmeny">
        <ul>
        {MenuItem("/malekort", "Målekort", section == Section.Scorecard)}
        {MenuItem("/sammenlign", "Sammenligning", section == Section.Comparison)}
        {MenuItem("/datakvalitet", "Datakvalitet", section == Section.DataQuality)}
        {MenuItem("/publisering", "Publisering", section == Section.Publishing)}
        {MenuItem("/driftslogg", "Driftslogg", section == Section.RunLog)}
        </ul>
        </nav>
        </header>
        <main id="hovedinnhold" class="site-main" tabindex="-1">

        """);

    /// <summary>Everything after a page's content: the footer says when and for whom the snapshot was computed.</summary>
    public static void PageEnd(HtmlWriter writer, ScorecardSnapshot? snapshot)
    {
        var computed = snapshot is null
            ? Html.Empty
            : Html.Of($"""<p class="aksel-body-short aksel-body-short--small">Beregnet {NorwegianFormat.Instant(snapshot.ComputedAt)} (dataversjon {snapshot.DataVersion}).</p>""");
        var restricted = snapshot?.Results?.Viewer is { HasFullRights: false } viewer
            ? Html.Of($"""<p class="aksel-body-short aksel-body-short--small">{ViewerNote(snapshot, viewer)}</p>""")
            : Html.Empty;
        writer.Write($"""

            </main>
            <footer class="site-footer">
            <p class="aksel-body-short aksel-body-short--small">Befolkningstall: Kilde: Statistisk sentralbyrå (SSB)</p>
            {computed}
            {restricted}
            </footer>
            </body>
            </html>
            """);
    }

    // Who the numbers are shown to, in the footer of every page that is not the operator's.
    private static string ViewerNote(ScorecardSnapshot snapshot, Viewer viewer) => viewer.Role switch
    {
        ViewerRole.Kontor => $"Visning for {snapshot.NameOf(viewer.Unit!.Value)}: tall for andre kontorer er skjermet der de er små.",
        ViewerRole.Kommune => $"Visning for {snapshot.NameOf(viewer.Unit!.Value)}: tall for andre kommuner er skjermet der de er små.",
        ViewerRole.Fylke => "Visning for fylket: små tall er skjermet.",
        ViewerRole.Direktorat => "Visning for direktoratet: små tall er skjermet.",
        _ => "Visning for administrator: små tall er skjermet.",
    };

    private static Html MenuItem(string href, string text, bool current) => current
        ? Html.Of($"""<li><a class="aksel-internalheader__button" href="{href}" aria-current="page" data-active="true">{text}</a></li>""")
        : Html.Of($"""<li><a class="aksel-internalheader__button" href="{href}">{text}</a></li>""");

    /// <summary>An alert: info, warning or error.</summary>
    public static Html Alert(string color, Html content, bool assertive = false) => Html.Of($"""
        <div class="aksel-alert aksel-alert--small" data-color="{color}"{(assertive ? Html.Trusted(" role=\"alert\"") : Html.Empty)}>
        <div class="aksel-alert__wrapper aksel-body-long">{content}</div>
        </div>
        """);

    /// <summary>The explanation of <c>:</c>, for any page that shows a suppressed number.</summary>
    public static Html SuppressionLegend() => Html.Of($"""
        <p class="aksel-body-short aksel-body-short--small suppression-legend" id="skjerming-forklaring"><strong>{SmallCounts.Symbol}</strong> {Texts.SuppressedExplanation}</p>
        """);

    /// <summary>A select field in NAV's design system, up to its options.</summary>
    public static void SelectStart(HtmlWriter writer, string id, string name, string label) => writer.Write($"""
        <div class="aksel-form-field aksel-select">
        <label for="{id}" class="aksel-form-field__label aksel-label">{label}</label>
        <div class="aksel-select__container">
        <select id="{id}" name="{name}" class="aksel-select__input aksel-body-short">
        """);

    /// <summary>A select field after its options.</summary>
    public static void SelectEnd(HtmlWriter writer) => writer.Write($"""
        </select>
        <svg class="aksel-select__chevron" aria-hidden="true" focusable="false" width="1em" height="1em" viewBox="0 0 24 24" fill="none"><path fill-rule="evenodd" clip-rule="evenodd" d="M5.97 9.47a.75.75 0 0 1 1.06 0L12 14.44l4.97-4.97a.75.75 0 1 1 1.06 1.06l-5.5 5.5a.75.75 0 0 1-1.06 0l-5.5-5.5a.75.75 0 0 1 0-1.06" fill="currentColor"></path></svg>
        </div>
        </div>
        """);

    /// <summary>What marks the chosen option, where <see cref="Option(HtmlWriter, string, string, bool)"/> says.</summary>
    public static ReadOnlySpan<byte> Selected => " selected"u8;

    /// <summary>
    /// An option. Returns where, in bytes from the option's start, <see cref="Selected"/> goes to choose it: the unit
    /// picker is written once per snapshot, unchosen, and the chosen unit marked per request.
    /// </summary>
    public static int Option(HtmlWriter writer, string value, string text, bool selected = false)
    {
        var start = writer.Length;
        writer.Write($"<option value=\"{value}\"");
        var selectAt = writer.Length - start;
        if (selected) writer.Markup(Selected);
        writer.Write($">{text}</option>");
        return selectAt;
    }

    /// <summary>The status tag: the colour and its word, so colour is never the only signal.</summary>
    public static Html StatusTag(ValueStatus status) => Html.Of($"""
        <span class="aksel-tag aksel-tag--small aksel-body-short aksel-body-short--small status-tag" data-variant="moderate" data-color="{TagColor(status)}">{Texts.Status(status)}</span>
        """);

    private static string TagColor(ValueStatus status) => status switch
    {
        ValueStatus.Green => "success",
        ValueStatus.Yellow => "warning",
        ValueStatus.Red => "danger",
        ValueStatus.Suppressed => "info",
        _ => "neutral",
    };
}
