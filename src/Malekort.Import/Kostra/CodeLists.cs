using System.Globalization;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's code lists for the KOSTRA social fields (file_description_11F_2026.yaml and 11CF, section 2 of
/// <c>kostra-11F-11CF.md</c>), and the helpers the layout tables are written with.
/// </summary>
internal static class CodeLists
{
    public static readonly string[] YesNo = ["1", "2"];
    public static readonly string[] Kjonn = ["1", "2"];
    public static readonly string[] Ektstat = ["1", "2", "3", "4", "5"];
    public static readonly string[] Vklo = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    public static readonly string[] Trygdesit = ["01", "02", "04", "05", "06", "07", "09", "10", "11", "12", "13"];
    public static readonly string[] Arbsit = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"];
    public static readonly string[] Bosit = ["1", "2", "3", "4", "5", "6"];
    public static readonly string[] YtelseTypeSoshj = ["2", "3"];
    public static readonly string[] Status = ["1", "2", "3", "4", "5", "6", "7"];
    public static readonly string[] ViktigsteInntekt = ["01", "03", "04", "10", "11", "13", "14", "15", "16", "17"];

    /// <summary>The code a month flag STMND_n holds when ticked: the month number, two digits.</summary>
    public static string[] Month(int month) => [month.ToString("D2", CultureInfo.InvariantCulture)];

    /// <summary>A check box that holds its own code when ticked and spaces when not.</summary>
    public static string[] Own(string code) => [code];
}

/// <summary>Marks a row of a layout table as mandatory (SSB's <c>mandatory: true</c>).</summary>
internal enum Requirement
{
    Mandatory,
}

/// <summary>Rows of the layout tables, written as SSB's file descriptions write them: name, from, to (1-based, inclusive).</summary>
internal static class LayoutRows
{
    public const FieldType Text = FieldType.Text;
    public const FieldType Integer = FieldType.Integer;
    public const FieldType Date = FieldType.Date;
    public const Requirement Mandatory = Requirement.Mandatory;

    public static (int, FieldSpec) Row<TField>(TField field, string name, int from, int to, FieldType type) where TField : struct, Enum =>
        (Id(field), new FieldSpec(name, from, to, type, false, []));

    public static (int, FieldSpec) Row<TField>(TField field, string name, int from, int to, FieldType type, Requirement mandatory)
        where TField : struct, Enum =>
        (Id(field), new FieldSpec(name, from, to, type, mandatory == Requirement.Mandatory, []));

    public static (int, FieldSpec) Row<TField>(TField field, string name, int from, int to, FieldType type, string[] codes)
        where TField : struct, Enum =>
        (Id(field), new FieldSpec(name, from, to, type, false, codes));

    public static (int, FieldSpec) Row<TField>(TField field, string name, int from, int to, FieldType type, Requirement mandatory,
        string[] codes) where TField : struct, Enum =>
        (Id(field), new FieldSpec(name, from, to, type, mandatory == Requirement.Mandatory, codes));

    public static int Id<TField>(TField field) where TField : struct, Enum => Convert.ToInt32(field, CultureInfo.InvariantCulture);
}
