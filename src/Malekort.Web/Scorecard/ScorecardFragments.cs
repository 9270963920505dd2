using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>
/// The parts of every scorecard page that depend on the snapshot alone, written once when it is computed: the picker with
/// its ~760 units (a third of a page's bytes), and the footer. A request copies them and marks its unit and month chosen.
/// </summary>
internal sealed class ScorecardFragments
{
    private readonly byte[] picker;
    private readonly Dictionary<UnitCode, int> unitSelectAt;
    private readonly Dictionary<Month, int> monthSelectAt;
    private readonly byte[] pageEnd;

    private ScorecardFragments(byte[] picker, Dictionary<UnitCode, int> unitSelectAt, Dictionary<Month, int> monthSelectAt, byte[] pageEnd)
    {
        this.picker = picker;
        this.unitSelectAt = unitSelectAt;
        this.monthSelectAt = monthSelectAt;
        this.pageEnd = pageEnd;
    }

    public static ScorecardFragments Build(ScorecardSnapshot snapshot)
    {
        using var writer = new HtmlWriter(64 * 1024);
        var (units, months) = ScorecardPage.Picker(writer, snapshot);
        var picker = writer.ToArray();
        using var end = new HtmlWriter(1024);
        Layout.PageEnd(end, snapshot);
        return new ScorecardFragments(picker, units, months, end.ToArray());
    }

    /// <summary>The picker with the unit and the month chosen (a unit or month the snapshot does not list is left unchosen).</summary>
    public void WritePicker(HtmlWriter writer, UnitCode unit, Month month)
    {
        var unitAt = unitSelectAt.GetValueOrDefault(unit, -1);
        var monthAt = monthSelectAt.GetValueOrDefault(month, -1);
        var done = 0;
        // Units come before months in the form, so the two marks go in in that order.
        if (unitAt >= 0)
        {
            writer.Markup(picker.AsSpan(0, unitAt));
            writer.Markup(Layout.Selected);
            done = unitAt;
        }
        if (monthAt >= 0)
        {
            writer.Markup(picker.AsSpan(done, monthAt - done));
            writer.Markup(Layout.Selected);
            done = monthAt;
        }
        writer.Markup(picker.AsSpan(done));
    }

    /// <summary>Everything after a page's content (<see cref="Layout.PageEnd"/> for this snapshot).</summary>
    public void WritePageEnd(HtmlWriter writer) => writer.Markup(pageEnd);
}
