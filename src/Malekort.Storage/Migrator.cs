using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Malekort.Storage;

/// <summary>
/// Versioned migrations, the same files for every database: <c>Migrations/NNNN_name.sql</c>, applied in order, each once,
/// each in its own transaction. A dialect supplies only the auto-numbered key type, the binary type, the guard that makes a
/// table append-only (<c>{{append-only TABLE}}</c>), where the two databases' trigger languages differ, and the removal of a
/// table's declared references (<c>{{drop-references TABLE}}</c>), which SQLite cannot do without rebuilding the table.
/// </summary>
internal static partial class Migrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    public static int Apply(DbConnection connection, string idColumn, string blobColumn, Func<string, string> appendOnly,
        Func<string, string> dropReferences, TimeProvider clock, int upTo = int.MaxValue)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        var applied = new HashSet<int>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT version FROM schema_migrations";
            using var reader = query.ExecuteReader();
            while (reader.Read()) applied.Add(reader.GetInt32(0));
        }
        var count = 0;
        foreach (var (version, name, sql) in All)
        {
            if (applied.Contains(version) || version > upTo) continue;
            using var transaction = connection.BeginTransaction();
            // Another program may have applied it since the list was read (SQLite: the transaction holds the write lock now).
            using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
                AddParameter(check, "@v", version);
                if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) continue;
            }
            using (var migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = DropReferences().Replace(AppendOnly().Replace(
                    sql.Replace("{{id}}", idColumn, StringComparison.Ordinal).Replace("{{blob}}", blobColumn, StringComparison.Ordinal),
                    m => appendOnly(m.Groups[1].Value)), m => dropReferences(m.Groups[1].Value));
                migrate.ExecuteNonQuery();
            }
            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)";
                AddParameter(record, "@v", version);
                AddParameter(record, "@n", name);
                AddParameter(record, "@t", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }
            transaction.Commit();
            count++;
        }
        return count;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Malekort.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (int.Parse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1)
            .ToList();
    }

    [GeneratedRegex(@"\{\{append-only ([a-z_]+)\}\}")]
    private static partial Regex AppendOnly();

    [GeneratedRegex(@"\{\{drop-references ([a-z_]+)\}\}")]
    private static partial Regex DropReferences();
}
