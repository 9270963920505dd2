using Malekort.Indicators;
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
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

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
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), 1, ScorecardData.ComputedAt, Malekort.Confidentiality.Viewer.Operator);

        var hvaler = await UnitPickerView.Of(snapshot, snapshot.Find(ScorecardData.Hvaler)!, new Month(2024, 11));
        var fredrikstad = await UnitPickerView.Of(snapshot, snapshot.Find(ScorecardData.Fredrikstad)!, new Month(2024, 12));

        Assert.Same(hvaler.Units.Value, fredrikstad.Units.Value);
        Assert.DoesNotContain("selected", hvaler.Units.Value, StringComparison.Ordinal);
        Assert.Equal(snapshot.Units.Count, System.Text.RegularExpressions.Regex.Count(hvaler.Units.Value, "<option "));
    }

    [Fact]
    public async Task The_follow_up_of_conditions_shows_each_code_month_by_month_with_its_share_for_the_units_own_office()
    {
        using var db = Testing.TestDatabases.Create(Testing.TestDatabases.Sqlite);
        ScorecardData.Seed(db.Store);
        var snapshot = ScorecardSnapshot.Compute(db.Store.Load(), 1, ScorecardData.ComputedAt,
            Malekort.Confidentiality.Viewer.Office(ScorecardData.NavFredrikstad));
        var view = ConditionFollowUpView.Of(snapshot.Results!, ScorecardData.Fredrikstad, "Fredrikstad", ScorecardData.December)!;

        var html = await Rendering.Html<ConditionFollowUpTables>(new() { ["Model"] = view });

        Assert.Equal([new Month(2024, 7), new Month(2024, 8), new Month(2024, 9), new Month(2024, 10), new Month(2024, 11), ScorecardData.December],
            view.Months);
        Assert.Contains("Andre nøkkeltall", html, StringComparison.Ordinal);
        // December: 5 recipients aged 18–29, two of them with 16 and 08, one with 10; 10 recipients, one with 14 (aged 40).
        Assert.Equal("2 (40,0\u00A0%)", Cell(view, FollowUpGroup.ConditionsAged18To29, "16"));
        Assert.Equal("1 (20,0\u00A0%)", Cell(view, FollowUpGroup.ConditionsAged18To29, "10"));
        Assert.Equal("0 (0,0\u00A0%)", Cell(view, FollowUpGroup.ConditionsAged18To29, "14"));
        Assert.Equal("1 (10,0\u00A0%)", Cell(view, FollowUpGroup.ConditionsAll, "14"));
        Assert.Equal("1", Cell(view, FollowUpGroup.ExemptionGrounds, "03"));
        Assert.Equal("1", Cell(view, FollowUpGroup.SanctionKinds, "01"));
        Assert.Contains("<td class=\"aksel-table__data-cell number-cell\">2 (40,0", html, StringComparison.Ordinal);
        Assert.Null(ConditionFollowUpView.Of(snapshot.Results!, ScorecardData.Sarpsborg, "Sarpsborg", ScorecardData.December));
    }

    private static string Cell(ConditionFollowUpView view, FollowUpGroup group, string code) =>
        view.Tables.Single(t => t.Group == group).Rows.Single(r => r.Code == code).Cells[^1].Text;
}
