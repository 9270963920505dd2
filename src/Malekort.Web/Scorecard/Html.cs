using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Malekort.Web.Scorecard;

/// <summary>
/// A piece of HTML that is safe to send: markup written in the code, and every value put into it encoded. Pages are
/// built from <c>Html.Of($"…")</c>, whose holes are encoded unless they are <see cref="Html"/> already, so nothing
/// read from a file or a query string can become markup.
/// </summary>
internal readonly struct Html
{
    // Keeps æ, ø and å readable in the page source; markup characters are still encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? markup;

    private Html(string markup) => this.markup = markup;

    public static Html Empty => default;

    /// <summary>Markup written in the code.</summary>
    public static Html Of(HtmlTemplate template) => template.ToHtml();

    /// <summary>Text, encoded.</summary>
    public static Html Text(string? text) => new(Encoder.Encode(text ?? ""));

    /// <summary>Markup the caller vouches for: only constants written in this project.</summary>
    public static Html Trusted(string markup) => new(markup);

    public static Html Join(IEnumerable<Html> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts) builder.Append(part.markup);
        return new(builder.ToString());
    }

    public bool IsEmpty => string.IsNullOrEmpty(markup);

    public override string ToString() => markup ?? "";
}

/// <summary>The interpolated-string handler behind <see cref="Html.Of"/>: literals are markup, holes are encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlTemplate
{
    private readonly StringBuilder builder;

    public HtmlTemplate(int literalLength, int formattedCount) => builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string markup) => builder.Append(markup);

    public readonly void AppendFormatted(Html html) => builder.Append(html.ToString());

    public readonly void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts) builder.Append(part.ToString());
    }

    public readonly void AppendFormatted(string? text) => builder.Append(Html.Encoder.Encode(text ?? ""));

    /// <summary>Any other value is written in Norwegian (nb-NO) and encoded.</summary>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, NorwegianFormat.Culture),
        _ => value.ToString(),
    });

    public readonly Html ToHtml() => Html.Trusted(builder.ToString());
}
