using System.Collections.Frozen;
using Microsoft.AspNetCore.Components;

namespace Malekort.Web.Assets;

/// <summary>
/// The icons of NAV's alerts (@navikt/aksel-icons, embedded at build time), as the design system's own Alert shows them: one per
/// colour, with its name for screen readers. Read from the assembly once.
/// </summary>
internal static class AlertIcons
{
    private static readonly FrozenDictionary<string, MarkupString> Icons = new Dictionary<string, MarkupString>(StringComparer.Ordinal)
    {
        ["info"] = Load("InformationSquareFill", "Informasjon"),
        ["success"] = Load("CheckmarkCircleFill", "Suksess"),
        ["warning"] = Load("ExclamationmarkTriangleFill", "Advarsel"),
        ["danger"] = Load("XMarkOctagonFill", "Feil"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The icon of an alert of the colour (<c>info</c>, <c>success</c>, <c>warning</c>, <c>danger</c>).</summary>
    public static MarkupString For(string color) =>
        Icons.TryGetValue(color, out var icon) ? icon : throw new ArgumentOutOfRangeException(nameof(color), color, "Ukjent varselfarge.");

    private static MarkupString Load(string name, string label)
    {
        var resource = $"Malekort.Web.Assets.icons.{name}.svg";
        using var stream = typeof(AlertIcons).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Ikonet {resource} mangler i programmet; bygg på nytt med npm tilgjengelig.");
        using var reader = new StreamReader(stream);
        var svg = reader.ReadToEnd().Trim();
        // The file's own markup, with the alert's class and a name; nothing from data is put into it.
        return new MarkupString(svg.Replace("<svg ", $"<svg class=\"aksel-alert__icon\" role=\"img\" aria-label=\"{label}\" focusable=\"false\" ",
            StringComparison.Ordinal));
    }
}
