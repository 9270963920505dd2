using Malekort.Web.Scorecard;

namespace Malekort.Web;

public sealed class HtmlTests
{
    [Fact]
    public void Values_put_into_markup_are_encoded()
    {
        var source = "<script>alert('x')</script> & \"sitat\"";
        var html = Html.Of($"<td>{source}</td>").ToString();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.StartsWith("<td>&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;sitat&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Norwegian_letters_stay_readable()
    {
        Assert.Equal("<p>Økonomisk sosialhjelp, Måløy, Ærøy</p>", Html.Of($"<p>{"Økonomisk sosialhjelp, Måløy, Ærøy"}</p>").ToString());
    }

    [Fact]
    public void Html_is_inserted_as_markup_and_numbers_in_norwegian()
    {
        var inner = Html.Of($"<strong>{"a<b"}</strong>");
        Assert.Equal("<p><strong>a&lt;b</strong> 2,5</p>", Html.Of($"<p>{inner} {2.5}</p>").ToString());
    }

    public static TheoryData<string> TextsToEncode() =>
    [
        "",
        "Økonomisk sosialhjelp, Måløy, Ærøy",
        "<script>alert('x')</script> & \"sitat\"",
        "emoji 👩‍👧 and a lone surrogate \ud800 in the middle",
        "tab\tnewline\nNUL\0 and a non-breaking\u00a0space",
        new string('ø', 600) + "<&>" + new string('a', 3000),
    ];

    [Theory]
    [MemberData(nameof(TextsToEncode))]
    public void The_page_writer_encodes_text_exactly_as_the_string_templates_do(string text)
    {
        using var writer = new HtmlWriter(16);
        writer.Text(text);
        writer.Write($"<td>{text}</td>");

        Assert.Equal(Html.Text(text).ToString() + Html.Of($"<td>{text}</td>").ToString(), writer.ToHtml().ToString());
    }
}
