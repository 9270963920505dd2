using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>A source system's code list (benefit_types.csv or case_types.csv) as read, for resolving codes in other files.</summary>
internal sealed class CodeList
{
    /// <summary>Code → entry; <c>null</c> for a code whose row broke a rule, so references to it do not cascade.</summary>
    private readonly Dictionary<string, CodeListEntry?> byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeListEntry?>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    public CodeList(string fileName)
    {
        FileName = fileName;
        bySpan = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The file the list comes from.</summary>
    public string FileName { get; }

    /// <summary>Whether the file is in the batch, so codes can be checked against it.</summary>
    public bool Present { get; set; }

    public List<CodeListEntry> Entries { get; } = [];

    /// <summary>Adds a code when first seen; <c>false</c> when the code is already listed.</summary>
    public bool TryAddCode(string code) => byCode.TryAdd(code, null);

    /// <summary>Gives a code added by <see cref="TryAddCode"/> its entry, once its row has passed every rule.</summary>
    public void Complete(CodeListEntry entry)
    {
        byCode[entry.Code] = entry;
        Entries.Add(entry);
    }

    /// <summary>The entry for the row's code; an unknown code is a finding (spec "Cross-file rules").</summary>
    public CodeListEntry? Resolve(in CsvRow row, CsvColumn column)
    {
        if (!row.TryValue(column, required: true, out var code)) return null;
        if (!Present)
        {
            row.Discard(); // the missing list was reported once for the file
            return null;
        }
        if (bySpan.TryGetValue(code, out var entry))
        {
            if (entry is null) row.Discard(); // the code's own row is wrong, and was reported there
            return entry;
        }
        row.Error(column.Name, $"{column.Name} {FindingLog.Shown(code)} finnes ikke i {FileName}; hver kode må stå i kodelisten.");
        return null;
    }
}
