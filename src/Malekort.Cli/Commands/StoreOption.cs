using System.CommandLine;
using Malekort.Storage;
using Malekort.Storage.Postgres;
using Malekort.Storage.Sqlite;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>--db</c>: a SQLite file (default <c>malekort.db</c>) or, when the value holds <c>Host=</c>, a Npgsql connection string for
/// PostgreSQL; <c>MALEKORT_DB</c> gives the default.
/// </summary>
internal static class StoreOption
{
    public const string EnvironmentVariable = "MALEKORT_DB";

    public static Option<string> Create() => new("--db")
    {
        Description = "Databasen: en SQLite-fil (standard malekort.db), eller en PostgreSQL-server gitt som tilkoblingsstreng med Host=, " +
                      "f.eks. \"Host=dbserver;Database=malekort;Username=malekort\" (passordet helst i PGPASSWORD eller ~/.pgpass). " +
                      $"Miljøvariabelen {EnvironmentVariable} gir standardverdien.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "malekort.db",
    };

    /// <summary>Whether the value names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) => db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the store the option names and brings its schema up to date.</summary>
    public static IMalekortStore Open(string db, TimeProvider clock)
    {
        IMalekortStore store;
        try
        {
            store = IsPostgres(db) ? new PostgresStore(db, clock) : new SqliteStore(db, clock);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it did not understand; the value (perhaps a password) is not repeated.
            throw new ArgumentException($"--db er ikke en gyldig PostgreSQL-tilkoblingsstreng: {e.Message}", nameof(db), e);
        }
        try
        {
            // A database that cannot be reached ends here, as a StorageFault the command line reports in Norwegian.
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }
}
