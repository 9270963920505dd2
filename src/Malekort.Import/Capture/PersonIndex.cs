using Malekort.Import.Pseudonyms;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>How a batch names its persons: a pseudonymous <c>person_id</c> or a fødselsnummer (<c>fnr</c>).</summary>
internal enum PersonKeyKind
{
    PersonId,
    Fnr,
}

/// <summary>
/// The persons of persons.csv by the id the batch uses, and which kind of id that is. Every file must use the same
/// kind (spec, persons.csv), and every person a file refers to must be here (spec "Cross-file rules").
/// </summary>
internal sealed class PersonIndex
{
    public const string IdColumn = "person_id";
    public const string FnrColumn = "fnr";
    public const int MaxIdLength = 64;

    /// <summary>Raw id (a person_id or a fødselsnummer, in memory only) → person key and the line that listed it.</summary>
    private readonly Dictionary<string, (string Key, int Line)> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Key, int Line)>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    private PersonKeyKind? kind;
    private string? kindSource;
    private bool kindSettled;

    public PersonIndex(Pseudonymizer pseudonyms)
    {
        Pseudonyms = pseudonyms;
        bySpan = byId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether persons.csv was read, so references can be checked against it.</summary>
    public bool Listed { get; set; }

    public Pseudonymizer Pseudonyms { get; }

    /// <summary>
    /// Finds the file's person column and checks it: exactly one of person_id and fnr, the same kind as the rest of the
    /// batch. The first file read settles the kind (persons.csv is read first).
    /// </summary>
    public PersonColumn Resolve(CsvTable table)
    {
        var hasId = table.Has(IdColumn);
        var hasFnr = table.Has(FnrColumn);
        if (hasId && hasFnr)
        {
            table.HeaderError(FnrColumn, $"{table.Name} har både person_id og fnr; bruk nøyaktig én av dem.");
            kindSettled = true;
            return new PersonColumn(this, default, null);
        }
        if (!hasId && !hasFnr)
        {
            table.HeaderError(IdColumn, "Kolonnen person_id eller fnr mangler i overskriften; nøyaktig én av dem er påkrevd.");
            kindSettled = true;
            return new PersonColumn(this, default, null);
        }
        var fileKind = hasId ? PersonKeyKind.PersonId : PersonKeyKind.Fnr;
        var column = table.Column(hasId ? IdColumn : FnrColumn);
        if (!kindSettled)
        {
            kind = fileKind;
            kindSource = table.Name;
            kindSettled = true;
        }
        else if (kind is null)
        {
            return new PersonColumn(this, column, null); // the batch's kind is unclear; already reported
        }
        else if (kind != fileKind)
        {
            table.HeaderError(column.Name, $"{table.Name} bruker {column.Name}, men {kindSource} bruker {ColumnOf(kind.Value)}; "
                + "alle filene i batchen må bruke samme slags person-id.");
            return new PersonColumn(this, column, null);
        }
        return new PersonColumn(this, column, fileKind);
    }

    /// <summary>Lists a person from persons.csv; a second row for the same person is a finding.</summary>
    public void Add(in CsvRow row, CsvColumn column, string key)
    {
        var id = row[column].ToString();
        if (byId.TryAdd(id, (key, row.Line))) return;
        var first = byId[id].Line;
        row.Error(column.Name, column.Name == FnrColumn
            ? Invariant($"Samme fnr står også på linje {first}; hver person kan stå én gang i persons.csv (nummeret vises ikke).")
            : Invariant($"person_id {FindingLog.Shown(id)} står også på linje {first}; hver person kan stå én gang i persons.csv."));
    }

    /// <summary>
    /// An identifier as stored: payment and case ids are the source system's own, but one that is a valid fødselsnummer
    /// (an extract that used the person's number as a case number) is pseudonymised, so the raw number never reaches disk.
    /// </summary>
    public string Identifier(string id) => Fodselsnummer.IsValid(id) ? Pseudonyms.Of(id) : id;

    /// <summary>The key of a listed person, looked up by the cell's text without allocating.</summary>
    public string? Find(ReadOnlySpan<char> id) =>
        bySpan.TryGetValue(id, out var entry) ? entry.Key : null;

    private static string ColumnOf(PersonKeyKind kind) => kind == PersonKeyKind.PersonId ? IdColumn : FnrColumn;

    /// <summary>Why a would-be fødselsnummer is not one, never showing it.</summary>
    public static string FnrProblem(ReadOnlySpan<char> text) => Fodselsnummer.Problem(text) switch
    {
        FodselsnummerProblem.WrongLength =>
            Invariant($"fnr har {text.Length} tegn; forventet et fødselsnummer eller D-nummer med 11 siffer (nummeret vises ikke)."),
        FodselsnummerProblem.NotDigits => "fnr inneholder tegn som ikke er siffer; forventet 11 siffer (nummeret vises ikke).",
        FodselsnummerProblem.ControlDigits =>
            "fnr har feil kontrollsiffer; forventet et gyldig fødselsnummer eller D-nummer (nummeret vises ikke).",
        _ => "",
    };
}

/// <summary>
/// A file's person column, resolved against the batch's persons. <c>Kind</c> is <c>null</c> when a header problem
/// makes the column unusable (already reported).
/// </summary>
internal readonly record struct PersonColumn(PersonIndex Index, CsvColumn Column, PersonKeyKind? Kind)
{
    /// <summary>
    /// The person key for persons.csv's own rows: the person_id as given, or the pseudonym of a valid fødselsnummer.
    /// </summary>
    public string? Own(in CsvRow row)
    {
        if (Kind is not { } kind)
        {
            row.Discard();
            return null;
        }
        if (!row.TryValue(Column, required: true, out var text)) return null;
        if (kind == PersonKeyKind.PersonId)
        {
            // A person_id that is a valid fødselsnummer was put in the wrong column by the extract: pseudonymise it as
            // fnr would be, so the raw number never reaches disk. References find it through the same raw id.
            if (Fodselsnummer.IsValid(text)) return Index.Pseudonyms.Of(text);
            return text.Length <= PersonIndex.MaxIdLength
                ? text.ToString()
                : Fail(row, Invariant($"person_id har {text.Length} tegn; høyst {PersonIndex.MaxIdLength} er tillatt."));
        }
        return Fodselsnummer.IsValid(text) ? Index.Pseudonyms.Of(text) : Fail(row, PersonIndex.FnrProblem(text));
    }

    /// <summary>The key of the person a row of another file refers to, which must be listed in persons.csv.</summary>
    public string? Reference(in CsvRow row)
    {
        if (Kind is not { } kind)
        {
            row.Discard();
            return null;
        }
        if (!row.TryValue(Column, required: true, out var text)) return null;
        if (Index.Find(text) is { } key) return key;
        if (kind == PersonKeyKind.Fnr && !Fodselsnummer.IsValid(text)) return Fail(row, PersonIndex.FnrProblem(text));
        if (Index.Listed)
            return Fail(row, kind == PersonKeyKind.Fnr
                ? "fnr finnes ikke i persons.csv; hver person filen viser til må stå der (nummeret vises ikke)."
                : $"person_id {FindingLog.Shown(text)} finnes ikke i persons.csv; hver person filen viser til må stå der.");
        // Without persons.csv the batch is already rejected; the key only lets the row's other cells be checked.
        return kind == PersonKeyKind.Fnr ? Index.Pseudonyms.Of(text) : text.ToString();
    }

    private string? Fail(in CsvRow row, string message)
    {
        row.Error(Column.Name, message);
        return null;
    }
}
