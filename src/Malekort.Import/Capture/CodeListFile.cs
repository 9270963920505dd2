using Malekort.Capture;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>benefit_types.csv and case_types.csv: a source system's code list with each code's category.</summary>
internal static class CodeListFile
{
    public static Choices<BenefitCategory> BenefitCategories { get; } = new([.. CaptureCodes.BenefitCategories]);

    // case_types.csv allows only these two (docs/capture-format.md).
    public static Choices<BenefitCategory> CaseCategories { get; } =
        new([.. CaptureCodes.BenefitCategories.Where(c => c.Value != BenefitCategory.Kvalifiseringsstonad)]);

    public static void Read(BatchContext batch, CodeList list, BatchFile content, Choices<BenefitCategory> categories)
    {
        string[] columns = ["code", "name", "category"];
        using var table = CsvTable.Open(list.FileName, content, batch.Log, columns, columns);
        if (table is null) return; // reported; leaving the list absent keeps every reference from repeating it
        list.Present = true;
        var (code, name, category) = (table.Column("code"), table.Column("name"), table.Column("category"));
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table)
        {
            var codeText = row.Text(code, required: true);
            var nameText = row.Text(name, required: true);
            var categoryValue = row.Choice(category, required: true, categories);
            if (codeText is null) continue;
            if (!list.TryAddCode(codeText))
            {
                row.Error(code.Name,
                    Invariant($"code {FindingLog.Shown(codeText)} står også på linje {firstLine[codeText]}; ")
                    + "hver kode kan stå én gang.");
                continue;
            }
            firstLine[codeText] = row.Line;
            if (row.Failed || nameText is null || categoryValue is null) continue;
            list.Complete(new CodeListEntry(codeText, nameText, categoryValue.Value));
        }
    }
}
