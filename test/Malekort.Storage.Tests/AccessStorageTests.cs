using System.Data.Common;
using Malekort.Capture;
using Malekort.Confidentiality;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

public sealed class AccessStorageTests
{
    private static readonly DateTimeOffset Now = new(2025, 2, 3, 9, 30, 0, TimeSpan.Zero);

    private static UserAccount User(string name, ViewerRole role = ViewerRole.Kontor, string? unit = "NAV-0106") =>
        new(name, role, unit is null ? null : UnitCode.Parse(unit), "AQAAAAIAAYagAAAAEhash", Now);

    private static AuditEntry Audit(string user, params string[] persons) =>
        new(Now, user, ViewerRole.Kontor, UnitCode.Parse("3107"), new Month(2024, 12), "BL151", AuditAction.Explanation, persons);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Accounts_are_added_found_listed_and_removed_with_their_tokens(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        var store = db.Store;

        Assert.True(store.AddUser(User("kari")));
        Assert.True(store.AddUser(User("admin", ViewerRole.Admin, null)));
        Assert.True(store.AddToken("kari", "hash-1", TokenScope.All));
        Assert.True(store.AddToken("kari", "hash-2", TokenScope.Metrics));

        Assert.Equal(User("kari"), store.FindUser("kari"));
        Assert.Equal(["admin", "kari"], store.Users().Select(u => u.Name));
        Assert.Equal(new TokenOwner(User("kari"), TokenScope.Metrics), store.FindToken("hash-2"));

        Assert.True(store.RemoveUser("kari"));
        Assert.Null(store.FindUser("kari"));
        Assert.Null(store.FindToken("hash-1"));
        Assert.False(store.RemoveUser("kari"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_taken_name_and_a_token_for_nobody_are_refused(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        Assert.True(db.Store.AddUser(User("kari")));

        Assert.False(db.Store.AddUser(User("kari", ViewerRole.Admin, null)));
        Assert.False(db.Store.AddToken("ola", "hash-1", TokenScope.All));

        Assert.Equal(ViewerRole.Kontor, db.Store.FindUser("kari")!.Role);
        Assert.Null(db.Store.FindToken("hash-1"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_audit_log_gives_back_every_entry_newest_first(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var first = db.Store.AppendAudit(Audit("kari", "a1b2c3d4", "e5f6a7b8"));
        var lookup = new AuditEntry(Now.AddMinutes(1), "kari", ViewerRole.Kontor, UnitCode.Parse("3107"), null, null, AuditAction.PersonLookup, []);
        var second = db.Store.AppendAudit(lookup);

        var log = db.Store.AuditLog(10);

        // Records compare their person lists by reference: compare them as text.
        Assert.Equal([Text(lookup with { Id = second }), Text(Audit("kari", "a1b2c3d4", "e5f6a7b8") with { Id = first })], log.Select(Text));
        Assert.Single(db.Store.AuditLog(1));
    }

    public static TheoryData<string, string> Changes => new()
    {
        { TestDatabases.Sqlite, "UPDATE audit_log SET persons = ''" },
        { TestDatabases.Sqlite, "DELETE FROM audit_log" },
        { TestDatabases.Postgres, "UPDATE audit_log SET persons = ''" },
        { TestDatabases.Postgres, "DELETE FROM audit_log" },
        { TestDatabases.Postgres, "TRUNCATE audit_log" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_database_itself_refuses_to_change_or_remove_an_audit_entry(string kind, string sql)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.AppendAudit(Audit("kari", "a1b2c3d4"));
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var refused = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());

        Assert.Contains("audit_log kan bare utvides", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["a1b2c3d4"], db.Store.AuditLog(10).Single().Persons);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Audit_entries_outlive_their_user_and_a_reimport_of_the_unit(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        db.Store.AddUser(User("kari"));
        var batch = SeededBatches.Make("3107", seed: 1, people: 10);
        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        db.Store.AppendAudit(Audit("kari", "a1b2c3d4"));

        var newer = SeededBatches.Make("3107", seed: 2, people: 10, extractedAt: Now);
        db.Store.SaveBatch(newer, SeededBatches.LogEntry(newer, Now));
        db.Store.RemoveUser("kari");

        Assert.Equal("kari", db.Store.AuditLog(10).Single().UserName);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_first_key_recorded_stays_and_is_what_a_second_is_compared_with(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        Assert.Equal(new PseudonymKeyState(null, false), db.Store.PseudonymKeyState());

        var first = db.Store.RecordPseudonymKey("aaaa000011112222", 1);
        var second = db.Store.RecordPseudonymKey("bbbb000011112222", 1);

        Assert.Equal(new KeyRecord("aaaa000011112222", 1, Now), first);
        Assert.Equal(first, second);
        Assert.Equal(first, db.Store.PseudonymKeyState().Record);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Rotation_carries_every_stored_pseudonym_to_the_new_key_and_leaves_source_ids_alone(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        var key = PseudonymKey.FromBytes(Enumerable.Repeat((byte)3, PseudonymKey.Length).ToArray());
        var before = new Pseudonymizer(key);
        var batch = Pseudonymised(SeededBatches.Make("3107", seed: 4, people: 30), before);
        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        db.Store.RecordPseudonymKey(key.Fingerprint, key.Generations);
        var rotated = key.Rotated();

        var persons = db.Store.RotatePseudonyms(key.Fingerprint, rotated.Fingerprint, 2, s => Pseudonymizer.Rotate(s, rotated));

        var after = new Pseudonymizer(rotated);
        Assert.Equal(30, persons);
        Assert.Equal(batch.Persons.Select((_, i) => after.Of(Number(i))).Order(StringComparer.Ordinal), Column(db, "SELECT person_key FROM people"));
        // Children's ids were pseudonymised on import and move to the new key; a partner's source id is no pseudonym and stays.
        var original = SeededBatches.Make("3107", seed: 4, people: 30).Family;
        var expected = original.Select(f => f.Relation == FamilyRelation.Barn ? after.Of(f.MemberId) : f.MemberId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, Column(db, "SELECT DISTINCT member_id FROM family"));
        Assert.Equal(new KeyRecord(rotated.Fingerprint, 2, Now), db.Store.PseudonymKeyState().Record);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Rotation_from_a_key_the_database_was_not_built_with_changes_nothing(string kind)
    {
        using var db = TestDatabases.Create(kind, new FixedClock(Now));
        var batch = Pseudonymised(SeededBatches.Make("3107", seed: 4, people: 5), new Pseudonymizer(PseudonymKey.FromBytes(new byte[32])));
        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        db.Store.RecordPseudonymKey("aaaa000011112222", 1);
        var keys = Column(db, "SELECT person_key FROM people");

        Assert.Throws<InvalidOperationException>(() => db.Store.RotatePseudonyms("bbbb000011112222", "cccc000011112222", 2, s => "p" + s));

        Assert.Equal(keys, Column(db, "SELECT person_key FROM people"));
        Assert.Equal("aaaa000011112222", db.Store.PseudonymKeyState().Record!.Fingerprint);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_new_sqlite_database_and_its_journal_are_readable_by_their_owner_only()
    {
        using var db = TestDatabases.Create(TestDatabases.Sqlite);
        db.Store.AddUser(User("kari")); // a write, so the write-ahead log exists

        foreach (var file in new[] { db.Argument, db.Argument + "-wal" })
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    private static string Text(AuditEntry e) => (e with { Persons = [] }) + " " + string.Join(' ', e.Persons);

    private static string Number(int person) => $"person-{person:D5}";

    /// <summary>The batch as a reader with the key would have made it: person keys and children's ids pseudonymised.</summary>
    private static CaptureBatch Pseudonymised(CaptureBatch batch, Pseudonymizer pseudonyms)
    {
        string P(string key) => pseudonyms.Of(key);
        return batch with
        {
            Persons = [.. batch.Persons.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Payments = [.. batch.Payments.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Livelihood = [.. batch.Livelihood.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Family = [.. batch.Family.Select(p => p with
            {
                PersonKey = P(p.PersonKey), MemberId = p.Relation == FamilyRelation.Barn ? P(p.MemberId) : p.MemberId,
            })],
            Cases = [.. batch.Cases.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Kvp = [.. batch.Kvp.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Jobseekers = [.. batch.Jobseekers.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Followups = [.. batch.Followups.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Conditions = [.. batch.Conditions.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Exemptions = [.. batch.Exemptions.Select(p => p with { PersonKey = P(p.PersonKey) })],
            Sanctions = [.. batch.Sanctions.Select(p => p with { PersonKey = P(p.PersonKey) })],
        };
    }

    private static List<string> Column(TestDatabase db, string sql)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return [.. values.Order(StringComparer.Ordinal)];
    }
}
