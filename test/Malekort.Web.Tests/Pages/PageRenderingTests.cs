using Malekort.Periods;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web;

/// <summary>What the Razor pages write, read as HTML.</summary>
public sealed class PageRenderingTests
{
    [Fact]
    public async Task Text_put_into_a_page_is_encoded_and_norwegian_letters_stay_readable()
    {
        var html = await Rendering.Html<ErrorPage>(new() { ["Model"] = new ErrorView(400, "<script>alert('x')</script> & \"Måløy\"", PageFooter.None) });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Måløy&quot;</p>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Ugyldig adresse – Målekort</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_picker_marks_the_chosen_unit_and_month_and_no_other()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        var html = await Rendering.Html<UnitPicker>(new()
        {
            ["Model"] = new UnitPickerView(snapshot.UnitGroups, snapshot.Months, ScorecardData.Hvaler, new Month(2024, 11)),
        });

        Assert.Contains("""<option value="3110" selected>""", html, StringComparison.Ordinal);
        Assert.Contains("""<option value="2024-11" selected>""", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, " selected"));
        Assert.Contains("""<optgroup label="NAV-kontorer"><option value="NAV-0105">NAV Sarpsborg (NAV-0105)</option>""", html, StringComparison.Ordinal);
    }
}
