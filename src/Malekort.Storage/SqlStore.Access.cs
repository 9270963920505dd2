using System.Data.Common;
using System.Globalization;
using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Accounts, tokens, the audit log and the pseudonym key record, in the same SQL on both databases.</summary>
public abstract partial class SqlStore
{
    /// <summary>
    /// Every stored column that can hold a pseudonym: the person keys, and the identifiers a reader pseudonymised because they
    /// were fødselsnumre (family members, and payment and case ids an extract gave as a person's number).
    /// </summary>
    private static readonly (string Table, string Column)[] PseudonymColumns =
    [
        ("people", "person_key"), ("family", "member_id"), ("payments", "payment_id"), ("payments", "case_id"), ("cases", "case_id"),
    ];

    private const string UserColumns = "name, role, unit, password_hash, created_at";

    /// <inheritdoc />
    public bool AddUser(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM users WHERE name = @p0", user.Name) > 0) return false;
        Execute(connection, transaction, $"INSERT INTO users ({UserColumns}) VALUES (@p0, @p1, @p2, @p3, @p4)",
            user.Name, user.Role.Name(), user.Unit?.Value, user.PasswordHash, Timestamp(user.CreatedAt));
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<UserAccount> Users()
    {
        using var connection = Open();
        var users = new List<UserAccount>();
        Read(connection, null, $"SELECT {UserColumns} FROM users ORDER BY name", r => users.Add(UserRow(r, 0)));
        return users;
    }

    /// <inheritdoc />
    public UserAccount? FindUser(string name)
    {
        using var connection = Open();
        UserAccount? user = null;
        Read(connection, null, $"SELECT {UserColumns} FROM users WHERE name = @p0", r => user = UserRow(r, 0), name);
        return user;
    }

    /// <inheritdoc />
    public bool RemoveUser(string name)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE name = @p0)", name);
        using var delete = Command(connection, transaction, "DELETE FROM users WHERE name = @p0", name);
        var removed = delete.ExecuteNonQuery() > 0;
        transaction.Commit();
        return removed;
    }

    /// <inheritdoc />
    public bool AddToken(string userName, string tokenHash, TokenScope scope)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = Command(connection, transaction,
            "INSERT INTO api_tokens (user_id, token_hash, scope, created_at) SELECT id, @p1, @p2, @p3 FROM users WHERE name = @p0",
            userName, tokenHash, ScopeText(scope), Timestamp(clock.GetUtcNow()));
        var added = insert.ExecuteNonQuery() > 0;
        transaction.Commit();
        return added;
    }

    /// <inheritdoc />
    public TokenOwner? FindToken(string tokenHash)
    {
        using var connection = Open();
        TokenOwner? owner = null;
        Read(connection, null,
            "SELECT u.name, u.role, u.unit, u.password_hash, u.created_at, t.scope FROM api_tokens t JOIN users u ON u.id = t.user_id " +
            "WHERE t.token_hash = @p0",
            r => owner = new TokenOwner(UserRow(r, 0), r.GetString(5) == ScopeText(TokenScope.Metrics) ? TokenScope.Metrics : TokenScope.All),
            tokenHash);
        return owner;
    }

    /// <inheritdoc />
    public long AppendAudit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = Open();
        return Scalar(connection, null,
            "INSERT INTO audit_log (viewed_at, user_name, role, unit, month, indicator, action, persons) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) RETURNING id",
            Timestamp(entry.ViewedAt), entry.UserName, entry.Role.Name(), entry.Unit.Value, entry.Month?.ToString(), entry.Indicator,
            ActionText(entry.Action), string.Join(' ', entry.Persons));
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> AuditLog(int limit)
    {
        using var connection = Open();
        var entries = new List<AuditEntry>();
        Read(connection, null,
            "SELECT id, viewed_at, user_name, role, unit, month, indicator, action, persons FROM audit_log ORDER BY id DESC LIMIT @p0",
            r => entries.Add(new AuditEntry(
                ParseTimestamp(r.GetString(1)), r.GetString(2), ParseRole(r.GetString(3)), UnitCode.Parse(r.GetString(4)),
                r.IsDBNull(5) ? null : Month.Parse(r.GetString(5)), r.IsDBNull(6) ? null : r.GetString(6),
                r.GetString(7) == ActionText(AuditAction.PersonLookup) ? AuditAction.PersonLookup : AuditAction.Explanation,
                r.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            { Id = r.GetInt64(0) }),
            Math.Max(0, limit));
        return entries;
    }

    /// <inheritdoc />
    public PseudonymKeyState PseudonymKeyState()
    {
        using var connection = Open();
        return new PseudonymKeyState(KeyRow(connection, null), Scalar(connection, null, "SELECT COUNT(*) FROM (SELECT 1 FROM people LIMIT 1) AS any_person") > 0);
    }

    /// <inheritdoc />
    public KeyRecord RecordPseudonymKey(string fingerprint, int generations)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // ON CONFLICT DO NOTHING: when two imports record at once, the first key stays and the second is compared with it.
        Execute(connection, transaction,
            "INSERT INTO pseudonym_key (id, fingerprint, generations, recorded_at) VALUES (1, @p0, @p1, @p2) ON CONFLICT (id) DO NOTHING",
            fingerprint, generations, Timestamp(clock.GetUtcNow()));
        var record = KeyRow(connection, transaction)!;
        transaction.Commit();
        return record;
    }

    /// <inheritdoc />
    public int RotatePseudonyms(string expectedFingerprint, string newFingerprint, int generations, Func<string, string?> rotate)
    {
        ArgumentNullException.ThrowIfNull(rotate);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var recorded = KeyRow(connection, transaction);
        if (recorded?.Fingerprint != expectedFingerprint)
            throw new InvalidOperationException(
                $"Databasen er laget med nøkkel {recorded?.Fingerprint ?? "(ingen)"}, ikke {expectedFingerprint}. Ingenting er endret.");

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, column) in PseudonymColumns)
            Read(connection, transaction, $"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL", r => values.Add(r.GetString(0)));
        Execute(connection, transaction, "CREATE TEMPORARY TABLE key_map (old_value TEXT NOT NULL PRIMARY KEY, new_value TEXT NOT NULL)");
        using (var insert = Command(connection, transaction, "INSERT INTO key_map (old_value, new_value) VALUES (@p0, @p1)", "", ""))
        {
            insert.Prepare();
            foreach (var value in values)
            {
                if (rotate(value) is not { } rotated) continue;
                insert.Parameters[0].Value = value;
                insert.Parameters[1].Value = rotated;
                insert.ExecuteNonQuery();
            }
        }
        foreach (var (table, column) in PseudonymColumns)
            Execute(connection, transaction,
                $"UPDATE {table} SET {column} = key_map.new_value FROM key_map WHERE {table}.{column} = key_map.old_value");
        var persons = Scalar(connection, transaction, "SELECT COUNT(*) FROM people WHERE person_key IN (SELECT new_value FROM key_map)");
        Execute(connection, transaction, "DROP TABLE key_map");
        Execute(connection, transaction, "UPDATE pseudonym_key SET fingerprint = @p0, generations = @p1, recorded_at = @p2 WHERE id = 1",
            newFingerprint, generations, Timestamp(clock.GetUtcNow()));
        transaction.Commit();
        return checked((int)persons);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, string> PersonKeys(UnitCode unit, IReadOnlyCollection<long> personIds)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        using var connection = Open();
        var keys = new Dictionary<long, string>();
        using var query = Command(connection, null, "SELECT person_key FROM people WHERE id = @p0 AND unit = @p1", 0L, unit.Value);
        foreach (var id in personIds)
        {
            query.Parameters[0].Value = id;
            if (query.ExecuteScalar() is string key) keys[id] = key;
        }
        return keys;
    }

    /// <inheritdoc />
    public long? PersonId(UnitCode unit, string personKey)
    {
        using var connection = Open();
        using var query = Command(connection, null, "SELECT id FROM people WHERE unit = @p0 AND person_key = @p1", unit.Value, personKey);
        return query.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    private static KeyRecord? KeyRow(DbConnection connection, DbTransaction? transaction)
    {
        KeyRecord? record = null;
        Read(connection, transaction, "SELECT fingerprint, generations, recorded_at FROM pseudonym_key WHERE id = 1",
            r => record = new KeyRecord(r.GetString(0), (int)r.GetInt64(1), ParseTimestamp(r.GetString(2))));
        return record;
    }

    private static UserAccount UserRow(DbDataReader r, int first) => new(
        r.GetString(first), ParseRole(r.GetString(first + 1)), r.IsDBNull(first + 2) ? null : UnitCode.Parse(r.GetString(first + 2)),
        r.GetString(first + 3), ParseTimestamp(r.GetString(first + 4)));

    private static ViewerRole ParseRole(string text) => ViewerRoles.TryParse(text, out var role)
        ? role
        : throw new InvalidDataException($"Ukjent rolle «{text}» i databasen.");

    private static string ScopeText(TokenScope scope) => scope == TokenScope.Metrics ? "metrics" : "alt";

    private static string ActionText(AuditAction action) => action == AuditAction.PersonLookup ? "oppslag" : "forklaring";

    private static string Timestamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
