using nietras.SeparatedValues;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>
/// One data row of a <see cref="CsvTable"/>. Each typed read checks one cell by the format's rules; a broken rule
/// becomes a finding at the row's line and the cell's column, and the read returns <c>null</c>. Empty cell = no value.
/// </summary>
internal readonly ref struct CsvRow
{
    private readonly SepReader.Row row;
    private readonly CsvTable table;

    public CsvRow(SepReader.Row row, CsvTable table)
    {
        this.row = row;
        this.table = table;
    }

    public int Line => table.Line;

    /// <summary>Whether a rule failed for this row (or a required column is missing), so no record is made.</summary>
    public bool Failed => table.RowFailed;

    /// <summary>The cell's text; empty when the column is absent.</summary>
    public ReadOnlySpan<char> this[CsvColumn column] => column.Index < 0 ? default : row[column.Index].Span;

    public void Error(string column, string message) => table.RowError(column, message);

    /// <summary>Marks the row as making no record, without a finding (the reason was reported once for the file).</summary>
    public void Discard() => table.RowFailed = true;

    /// <summary>The cell's text when it has a value; a required cell without one is a finding.</summary>
    public bool TryValue(CsvColumn column, bool required, out ReadOnlySpan<char> text)
    {
        if (!column.Present)
        {
            text = default;
            if (required) Discard(); // the missing column was reported at the header
            return false;
        }
        text = row[column.Index].Span;
        if (!text.IsEmpty) return true;
        if (required) Error(column.Name, $"{column.Name} mangler verdi; feltet er påkrevd.");
        return false;
    }

    public string? Text(CsvColumn column, bool required, int maxLength = int.MaxValue)
    {
        if (!TryValue(column, required, out var text)) return null;
        if (text.Length > maxLength)
        {
            Error(column.Name, Invariant($"{column.Name} har {text.Length} tegn; høyst {maxLength} er tillatt."));
            return null;
        }
        return text.ToString();
    }

    public DateOnly? Date(CsvColumn column, bool required)
    {
        if (!TryValue(column, required, out var text)) return null;
        if (CellValues.TryDate(text, out var date)) return date;
        Error(column.Name, $"{column.Name} {FindingLog.Shown(text)} er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
        return null;
    }

    public decimal? Decimal(CsvColumn column, bool required)
    {
        if (!TryValue(column, required, out var text)) return null;
        if (CellValues.TryDecimal(text, out var value)) return value;
        Error(column.Name, $"{column.Name} {FindingLog.Shown(text)} er ikke et gyldig tall; "
            + "bruk punktum som desimaltegn og ingen tusenskille (f.eks. 1250.50).");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Integer(CsvColumn column, bool required, int min, int max)
    {
        if (!TryValue(column, required, out var text)) return null;
        if (CellValues.TryInteger(text, out var value) && value >= min && value <= max) return value;
        Error(column.Name, Invariant($"{column.Name} {FindingLog.Shown(text)} er ugyldig; forventet et heltall fra {min} til {max}."));
        return null;
    }

    public bool? Boolean(CsvColumn column, bool required)
    {
        if (!TryValue(column, required, out var text)) return null;
        if (CellValues.TryBoolean(text, out var value)) return value;
        Error(column.Name, $"{column.Name} {FindingLog.Shown(text)} er ugyldig; forventet true eller false.");
        return null;
    }

    public T? Choice<T>(CsvColumn column, bool required, Choices<T> choices) where T : struct
    {
        if (!TryValue(column, required, out var text)) return null;
        if (choices.TryFind(text, out var value)) return value;
        Error(column.Name, $"{column.Name} {FindingLog.Shown(text)} er ikke en kjent verdi; forventet {choices.Expected}.");
        return null;
    }

    /// <summary>The row's own dates must be in order (spec "Cross-file rules"); equal dates are in order.</summary>
    public void InOrder(CsvColumn earlier, DateOnly? first, CsvColumn later, DateOnly? second)
    {
        if (first is { } a && second is { } b && b < a)
            Error(later.Name,
                $"{later.Name} {CellValues.Text(b)} er før {earlier.Name} {CellValues.Text(a)}; datoene må komme i rekkefølge.");
    }
}

/// <summary>The values a coded column accepts, as written in the file, and what each means.</summary>
internal sealed class Choices<T> where T : struct
{
    private readonly (string Text, T Value)[] options;

    public Choices(params (string Text, T Value)[] options)
    {
        this.options = options;
        var texts = options.Select(o => o.Text).ToArray();
        Expected = texts.Length == 1 ? texts[0] : string.Join(", ", texts[..^1]) + " eller " + texts[^1];
    }

    /// <summary>The accepted values in Norwegian: "A, B eller C".</summary>
    public string Expected { get; }

    public bool TryFind(ReadOnlySpan<char> text, out T value)
    {
        foreach (var option in options)
        {
            if (text.SequenceEqual(option.Text))
            {
                value = option.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
