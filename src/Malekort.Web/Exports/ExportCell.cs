namespace Malekort.Web.Exports;

/// <summary>What a column holds, for every format alike: the JSON type, the spreadsheet cell type, the API schema.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Decimal,
    Boolean,
}

/// <summary>
/// One cell of an exported table: empty, text, a whole number, a decimal number or a yes/no. Empty is its own kind, so "not
/// captured" and "suppressed" are never written as 0 in any format.
/// </summary>
public readonly record struct ExportCell
{
    private ExportCell(ColumnType? type, string? text, long integer, double number, bool boolean, int decimals = 0)
    {
        Type = type;
        Decimals = decimals;
        Text = text;
        Integer = integer;
        Decimal = number;
        Boolean = boolean;
    }

    /// <summary>The kind of value; null for an empty cell.</summary>
    public ColumnType? Type { get; }

    public string? Text { get; }

    public long Integer { get; }

    public double Decimal { get; }

    public bool Boolean { get; }

    /// <summary>The places a decimal is rounded to.</summary>
    public int Decimals { get; }

    public bool IsEmpty => Type is null;

    public static ExportCell Empty { get; }

    public static ExportCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(ColumnType.Text, text, 0, 0, false);

    public static ExportCell Of(long? integer) => integer is { } n ? new(ColumnType.Integer, null, n, 0, false) : Empty;

    /// <summary>A decimal rounded to <paramref name="decimals"/> places, so every format carries the same number.</summary>
    public static ExportCell Of(double? number, int decimals) =>
        number is { } d ? new(ColumnType.Decimal, null, 0, Math.Round(d, decimals), false, decimals) : Empty;

    public static ExportCell Of(bool boolean) => new(ColumnType.Boolean, null, 0, 0, boolean);
}
