using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>persons.csv: one row per person; lists every person the other files may refer to.</summary>
internal static class PersonsFile
{
    private static readonly Choices<Sex> Sexes = new(("1", Sex.Man), ("2", Sex.Woman));

    public static List<PersonRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<PersonRecord>();
        using var table = batch.Open(CaptureFiles.Persons, content, ["birth_date"], ["sex"]);
        if (table is null) return records; // reported; an unlisted index keeps every reference from repeating it
        batch.Persons.Listed = true;
        var person = batch.Persons.Resolve(table);
        var birthDate = table.Column("birth_date");
        var sex = table.Column("sex");
        foreach (var row in table)
        {
            var key = person.Own(row);
            if (key is not null) batch.Persons.Add(row, person.Column, key);
            var born = row.Date(birthDate, required: true);
            var sexValue = row.Choice(sex, required: false, Sexes);
            if (row.Failed || key is null || born is null) continue;
            records.Add(new PersonRecord(key, born.Value, sexValue));
        }
        return records;
    }
}
