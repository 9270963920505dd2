namespace Malekort.Import.Capture;

/// <summary>A cell of KOSTRA codes separated by <c>|</c> (capture format: <c>situation_after</c>, <c>codes</c>, <c>grounds</c>).</summary>
internal static class CodeCells
{
    /// <summary>
    /// The codes in the cell, each one of <paramref name="known"/> (the shared strings are returned, so a batch's rows do not
    /// each hold a copy). An unknown or empty part is a finding naming <paramref name="what"/>; a required cell needs a code.
    /// </summary>
    public static string[] Read(in CsvRow row, CsvColumn column, bool required, IReadOnlyList<string> known, string what)
    {
        if (!row.TryValue(column, required, out var text)) return [];
        var codes = new List<string>(2);
        foreach (var range in text.Split('|'))
        {
            var part = text[range];
            var code = Find(known, part);
            if (code is null)
                row.Error(column.Name, $"{column.Name} {FindingLog.Shown(part)} er ikke en kjent {what}; "
                    + $"forventet {string.Join(", ", known)}, skilt med |.");
            else codes.Add(code);
        }
        return [.. codes];
    }

    private static string? Find(IReadOnlyList<string> known, ReadOnlySpan<char> code)
    {
        foreach (var candidate in known)
        {
            if (code.SequenceEqual(candidate)) return candidate;
        }
        return null;
    }
}
