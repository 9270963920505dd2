namespace Malekort.Import.Kostra;

/// <summary>What an integer field holds.</summary>
internal enum IntegerState
{
    /// <summary>Only spaces: no value (SSB counts it as 0 where a sum needs it).</summary>
    Blank,
    /// <summary>Digits, padded with zeros or spaces.</summary>
    Valid,
    /// <summary>Anything else.</summary>
    Invalid,
}

/// <summary>
/// One record (line) read through its layout. Fields are slices of the line: nothing is copied until a value is needed
/// as a string. Codes are compared exactly and never trimmed, as SSB's <c>codeExists</c> does (§1 "Blank = spaces").
/// The line is the reader's buffer (<see cref="KostraLines"/>), valid only until the next line is read: whatever outlives
/// the record is copied out as a string.
/// </summary>
internal readonly struct KostraRecord(ReadOnlyMemory<char> line, int lineNumber, KostraLayout layout)
{
    /// <summary>The physical line number in the file, 1-based (empty lines count, so editors jump to the right one).</summary>
    public int LineNumber => lineNumber;

    public KostraLayout Layout => layout;

    public ReadOnlySpan<char> Line => line.Span;

    public ReadOnlySpan<char> this[CommonField field] => Slice((int)field);

    public ReadOnlySpan<char> this[SosialhjelpField field] => Slice((int)field);

    public ReadOnlySpan<char> this[KvalifiseringField field] => Slice((int)field);

    public string Name(int field) => layout[field].Name;

    public ReadOnlySpan<char> Slice(int field)
    {
        var spec = layout[field];
        return line.Span.Slice(spec.Start, spec.Length);
    }

    /// <summary>Whether the field holds only spaces (or the layout lacks it).</summary>
    public bool IsBlank(int field) => IsSpaces(Slice(field));

    /// <summary>Whether the field holds exactly this code.</summary>
    public bool Is(int field, string code) => Slice(field).SequenceEqual(code);

    /// <summary>Whether the field holds one of its code list's codes.</summary>
    public bool InCodeList(int field) => InCodes(Slice(field), layout[field].Codes);

    /// <summary>Whether the value is exactly one of the codes.</summary>
    public static bool InCodes(ReadOnlySpan<char> value, IReadOnlyList<string> codes)
    {
        // By index: a foreach over the interface allocates an enumerator, for every field of every record.
        for (var i = 0; i < codes.Count; i++)
        {
            if (value.SequenceEqual(codes[i])) return true;
        }
        return false;
    }

    /// <summary>A field's value as a message may show it (never a person number).</summary>
    public string Shown(int field) => PersonNumbers.Shown(Slice(field));

    /// <summary>Whether a check box (a field whose code list is its own code) is ticked.</summary>
    public bool IsTicked(int field) => layout[field].Codes.Count == 1 && Is(field, layout[field].Codes[0]);

    /// <summary>Reads an integer field: blank, digits padded with zeros or spaces on either side, or invalid.</summary>
    public IntegerState Integer(int field, out int value) => ParseInteger(Slice(field), out value);

    /// <summary>The integer, 0 when blank or invalid (SSB's <c>fieldAsIntOrDefault</c>).</summary>
    public int IntegerOrZero(int field) => Integer(field, out var value) == IntegerState.Valid ? value : 0;

    /// <summary>The date, or null when blank or not a real date in the field's pattern.</summary>
    public DateOnly? Date(int field) => ParseDate(Slice(field));

    public static bool IsSpaces(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c != ' ') return false;
        }
        return true;
    }

    public static IntegerState ParseInteger(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        var digits = text.Trim(' ');
        if (digits.IsEmpty) return IntegerState.Blank;
        // Widths are at most 7, so the value fits an int; the guard keeps a longer field from overflowing.
        if (digits.Length > 9) return IntegerState.Invalid;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return IntegerState.Invalid;
            value = value * 10 + (c - '0');
        }
        return IntegerState.Valid;
    }

    /// <summary><c>ddMMyyyy</c> (8 wide) or <c>ddMMyy</c> (6 wide, 2000–2099 as Java's <c>yy</c> pattern reads it).</summary>
    public static DateOnly? ParseDate(ReadOnlySpan<char> text)
    {
        if (text.Length is not (6 or 8)) return null;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return null;
        }
        var day = Digits(text[..2]);
        var month = Digits(text[2..4]);
        var year = text.Length == 8 ? Digits(text[4..]) : 2000 + Digits(text[4..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text) value = value * 10 + (c - '0');
        return value;
    }
}
