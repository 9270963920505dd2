namespace Malekort.Web.Exports;

/// <summary>
/// One column of an exported table, declared once: its machine name (CSV header, JSON property, JSON-stat dimension id), its
/// Norwegian heading (the spreadsheet's header row), what it holds, a description for the API documentation, and how a row's
/// cell is read. Every format is written from these, so CSV, xlsx, JSON and JSON-stat cannot disagree.
/// </summary>
public sealed class ExportColumn<TRow>
{
    private readonly Func<TRow, ExportCell> read;

    private ExportColumn(string name, string heading, ColumnType type, string description, Func<TRow, ExportCell> read)
    {
        Name = name;
        Heading = heading;
        Type = type;
        Description = description;
        this.read = read;
    }

    public string Name { get; }

    public string Heading { get; }

    public ColumnType Type { get; }

    public string Description { get; }

    /// <summary>The spreadsheet column width in characters: room for the heading, and for names in text columns.</summary>
    public double Width => Math.Max(Heading.Length + 2, Type == ColumnType.Text ? 14 : 10);

    public ExportCell Cell(TRow row) => read(row);

    public static ExportColumn<TRow> Text(string name, string heading, string description, Func<TRow, string?> read) =>
        new(name, heading, ColumnType.Text, description, r => ExportCell.Of(read(r)));

    // hidden: whether a row's empty cell is empty because the viewer may not see it (then ExportCell.Hidden, «:»).
    public static ExportColumn<TRow> Integer(string name, string heading, string description, Func<TRow, long?> read, Func<TRow, bool>? hidden = null) =>
        new(name, heading, ColumnType.Integer, description, r => read(r) is { } n ? ExportCell.Of(n) : HiddenOrEmpty(r, hidden));

    public static ExportColumn<TRow> Decimal(string name, string heading, string description, int decimals, Func<TRow, double?> read,
        Func<TRow, bool>? hidden = null) =>
        new(name, heading, ColumnType.Decimal, description, r => read(r) is { } d ? ExportCell.Of(d, decimals) : HiddenOrEmpty(r, hidden));

    private static ExportCell HiddenOrEmpty(TRow row, Func<TRow, bool>? hidden) => hidden?.Invoke(row) == true ? ExportCell.Hidden : ExportCell.Empty;

    public static ExportColumn<TRow> Boolean(string name, string heading, string description, Func<TRow, bool> read) =>
        new(name, heading, ColumnType.Boolean, description, r => ExportCell.Of(read(r)));
}

/// <summary>A table as every export format writes it: a name (the sheet's) and its columns in order.</summary>
/// <param name="SheetName">The spreadsheet's sheet name (at most 31 characters, as Excel allows).</param>
/// <param name="Columns">The columns, in order.</param>
public sealed record ExportTable<TRow>(string SheetName, IReadOnlyList<ExportColumn<TRow>> Columns)
{
    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public ExportColumn<TRow> Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"Tabellen har ingen kolonne «{name}».", nameof(name));
}
