namespace Malekort.Import.Kostra;

/// <summary>How a field's text is read (SSB's <c>dataType</c>).</summary>
internal enum FieldType
{
    /// <summary><c>STRING_TYPE</c>: compared as written, never trimmed.</summary>
    Text,
    /// <summary><c>INTEGER_TYPE</c>: digits, padded with zeros or spaces on either side; blank is no value.</summary>
    Integer,
    /// <summary><c>DATE_TYPE</c>: <c>ddMMyy</c> when 6 wide (up to 2024), <c>ddMMyyyy</c> when 8 wide (2025 on).</summary>
    Date,
}

/// <summary>
/// One field of a record layout as SSB's file description writes it: name, positions 1-based and inclusive, type,
/// whether it is mandatory (rule 002) and its code list (empty when it has none).
/// </summary>
internal sealed record FieldSpec(string Name, int From, int To, FieldType Type, bool Mandatory, IReadOnlyList<string> Codes)
{
    /// <summary>A field the layout does not have (FODSELSDATO before 2025): zero wide, reads as empty.</summary>
    public static FieldSpec Absent(string name) => new(name, 1, 0, FieldType.Text, false, []);

    /// <summary>0-based start in the record.</summary>
    public int Start => From - 1;

    /// <summary>Width in characters.</summary>
    public int Length => To - From + 1;

    /// <summary>Whether the layout has the field.</summary>
    public bool IsPresent => Length > 0;
}
