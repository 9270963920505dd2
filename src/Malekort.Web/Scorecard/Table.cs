namespace Malekort.Web.Scorecard;

/// <summary>A column of a <see cref="Table"/>: its heading and, when the cells need one, their class.</summary>
/// <param name="Heading">The heading's content.</param>
/// <param name="CellClass">Added to the heading cell's classes: <c>number-cell</c> aligns numbers, <c>bar-cell</c> sizes bars.</param>
internal readonly record struct TableColumn(Html Heading, string CellClass = "")
{
    public static TableColumn Text(string heading) => new(Html.Text(heading));

    public static TableColumn Number(string heading) => new(Html.Text(heading), "number-cell");
}

/// <summary>
/// A table on NAV's design system (Aksel) as every page writes one: a keyboard-reachable region that scrolls sideways on
/// narrow screens, a caption, one row of column headings, and the body rows the page renders.
/// </summary>
internal static class Table
{
    /// <param name="label">The scrolling region's accessible name.</param>
    /// <param name="id">The table's id, for links and tests; null for none.</param>
    /// <param name="caption">The table's caption.</param>
    /// <param name="columns">The column headings, in order.</param>
    /// <param name="rows">The body rows, each a whole <c>&lt;tr&gt;</c>.</param>
    public static Html Render(string label, string? id, string caption, IReadOnlyList<TableColumn> columns, IEnumerable<Html> rows)
    {
        using var writer = new HtmlWriter();
        Start(writer, label, id, caption, Headings(columns));
        foreach (var row in rows) writer.Append(row);
        End(writer);
        return writer.ToHtml();
    }

    /// <summary>The table up to its body rows; <paramref name="headings"/> from <see cref="Headings"/>, made once per column set.</summary>
    public static void Start(HtmlWriter writer, string label, string? id, string caption, Html headings) => writer.Write($"""
        <div class="table-scroll" role="region" aria-label="{label}" tabindex="0">
        <table class="aksel-table aksel-table--small"{(id is null ? Html.Empty : Html.Of($" id=\"{id}\""))}>
        <caption class="aksel-body-short">{caption}</caption>
        <thead class="aksel-table__header">
        <tr class="aksel-table__row">
        {headings}
        </tr>
        </thead>
        <tbody class="aksel-table__body">

        """);

    /// <summary>The table after its body rows.</summary>
    public static void End(HtmlWriter writer) => writer.Markup("""

        </tbody>
        </table>
        </div>
        """);

    // One heading a line, so the page source reads as it did when each page wrote its own table.
    public static Html Headings(IReadOnlyList<TableColumn> columns) => Html.Join(columns.Select((column, i) => Html.Of($"""
        {(i == 0 ? Html.Empty : Html.Trusted("\n"))}<th scope="col" class="aksel-table__header-cell aksel-label{(column.CellClass.Length == 0 ? "" : " " + column.CellClass)}">{column.Heading}</th>
        """)));
}
