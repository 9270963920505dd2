using System.Globalization;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>Conditions, exemptions from the activity duty and sanctions in their readable tables (migration 0006).</summary>
public sealed class ConditionStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Conditions_exemptions_and_sanctions_are_stored_as_the_batch_says_them_and_traceable_to_it(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 31, people: 300);
        Assert.True(batch.Conditions.Count > 20 && batch.Exemptions.Count > 5 && batch.Sanctions.Any(s => s.Date is null));

        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));

        static string Day(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";
        Assert.Equal(batch.Conditions.Select(c => $"{c.PersonKey} {Day(c.DecidedDate)} {Day(c.ValidFrom)} {Day(c.ValidTo)} {string.Join('|', c.Codes)}").Order(),
            Rows(db, "SELECT p.person_key, t.decided_date, t.valid_from, t.valid_to, t.codes FROM conditions t JOIN people p ON p.id = t.person_id"));
        Assert.Equal(batch.Exemptions.Select(e => $"{e.PersonKey} {Day(e.DecidedDate)} {string.Join('|', e.Grounds)}").Order(),
            Rows(db, "SELECT p.person_key, t.decided_date, t.grounds FROM activity_exemptions t JOIN people p ON p.id = t.person_id"));
        Assert.Equal(batch.Sanctions.Select(s => $"{s.PersonKey} {s.Year} {Day(s.Date)} {s.Kind}").Order(),
            Rows(db, "SELECT p.person_key, t.sanction_year, t.sanction_date, t.kind FROM sanctions t JOIN people p ON p.id = t.person_id"));
        Assert.Equal(1, Scalar(db, "SELECT COUNT(DISTINCT batch_id) FROM conditions"));
    }

    private static IEnumerable<string> Rows(TestDatabase db, string sql)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows.Order();
    }

    private static long Scalar(TestDatabase db, string sql)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
