using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Malekort.Web.Assets;

/// <summary>
/// The two style sheets, read from the assembly once: NAV's design system CSS (@navikt/ds-css, embedded at build time
/// in the order of its index.css, without the CDN fonts) and the scorecard's own layout.
/// </summary>
internal static class StyleSheets
{
    private const string Prefix = "Malekort.Web.Assets.";

    public static StyleSheet Aksel { get; } = Load("aksel.css",
        typeof(StyleSheets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + "aksel.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

    // The layout, then each capability's own rules (downloads, the printed page), served as one sheet.
    public static StyleSheet Own { get; } = Load("malekort.css", [Prefix + "malekort.css", Prefix + "exports.css", Prefix + "print.css"]);

    /// <summary>The URLs carry a hash of the content, so a browser never keeps an old sheet after an upgrade.</summary>
    public static string AkselUrl => Aksel.Url;

    public static string OwnUrl => Own.Url;

    private static StyleSheet Load(string name, IEnumerable<string> resources)
    {
        var assembly = typeof(StyleSheets).Assembly;
        var text = new StringBuilder();
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Stilarket {resource} mangler i programmet.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }
        if (text.Length == 0) throw new InvalidOperationException($"Stilarket {name} mangler i programmet; bygg på nytt med npm tilgjengelig.");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        return new StyleSheet($"/assets/{name}", hash, bytes);
    }
}

/// <summary>A style sheet's path, content hash and bytes.</summary>
internal sealed class StyleSheet(string path, string hash, byte[] content)
{
    public string Path { get; } = path;

    public string Hash { get; } = hash;

    public ReadOnlyMemory<byte> Content { get; } = content;

    public string Url => $"{Path}?v={Hash}";
}
