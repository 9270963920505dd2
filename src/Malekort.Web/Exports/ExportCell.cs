using Malekort.Confidentiality;

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
/// One cell of an exported table: empty, hidden, text, a whole number, a decimal number or a yes/no. Empty and hidden are their
/// own kinds, so "not captured" and "suppressed" are never written as 0 in any format, nor mistaken for each other.
/// </summary>
public readonly record struct ExportCell
{
    private ExportCell(ColumnType? type, string? text, long integer, double number, bool boolean, int decimals = 0, bool hidden = false)
    {
        IsHidden = hidden;
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

    /// <summary>No value because the viewer may not see it: «:» where a format writes text (SSB's symbol), null in JSON.</summary>
    public bool IsHidden { get; }

    public bool IsEmpty => Type is null;

    public static ExportCell Empty { get; }

    public static ExportCell Hidden { get; } = new(null, null, 0, 0, false, hidden: true);

    /// <summary>The text a hidden cell is written as in CSV and xlsx.</summary>
    public const string HiddenText = SmallCounts.Symbol;

    public static ExportCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(ColumnType.Text, text, 0, 0, false);

    public static ExportCell Of(long? integer) => integer is { } n ? new(ColumnType.Integer, null, n, 0, false) : Empty;

    /// <summary>A decimal rounded to <paramref name="decimals"/> places, so every format carries the same number.</summary>
    public static ExportCell Of(double? number, int decimals) =>
        number is { } d ? new(ColumnType.Decimal, null, 0, Math.Round(d, decimals), false, decimals) : Empty;

    public static ExportCell Of(bool boolean) => new(ColumnType.Boolean, null, 0, 0, boolean);
}
