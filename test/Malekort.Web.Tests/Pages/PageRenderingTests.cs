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
    public async Task The_picker_shows_the_chosen_unit_in_its_field_and_the_chosen_month_and_no_other()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), db.Store.ImportLog(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        var picker = await UnitPickerView.Of(snapshot, snapshot.Find(ScorecardData.Hvaler)!, new Month(2024, 11));
        var html = await Rendering.Html<UnitPicker>(new() { ["Model"] = picker });

        Assert.Contains("""value="Hvaler (kommune 3110)" """, html, StringComparison.Ordinal);
        Assert.Contains("""<option value="2024-11" selected>""", html, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, " selected"));
        Assert.Contains("""<datalist id="enheter"><option value="NAV Sarpsborg (NAV-0105)"></option>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_of_units_is_made_once_per_snapshot_and_the_same_for_every_unit_chosen()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), db.Store.ImportLog(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        var hvaler = await UnitPickerView.Of(snapshot, snapshot.Find(ScorecardData.Hvaler)!, new Month(2024, 11));
        var fredrikstad = await UnitPickerView.Of(snapshot, snapshot.Find(ScorecardData.Fredrikstad)!, new Month(2024, 12));

        Assert.Same(hvaler.Units.Value, fredrikstad.Units.Value);
        Assert.DoesNotContain("selected", hvaler.Units.Value, StringComparison.Ordinal);
        Assert.Equal(snapshot.Units.Count, System.Text.RegularExpressions.Regex.Count(hvaler.Units.Value, "<option "));
    }
}
