using System.CommandLine;
using Malekort.Storage;
using Malekort.Storage.Faults;
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
        HelpName = "DB",
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
    /// <exception cref="StoreUnavailableException">--db names a database that cannot be reached, or is not a database.</exception>
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
            throw new StoreUnavailableException($"--db er ikke en gyldig PostgreSQL-tilkoblingsstreng: {e.Message}", e);
        }
        try
        {
            store.Migrate();
        }
        catch (Exception e) when (StorageFault.Of(e) is { Kind: StorageFaultKind.Unreachable or StorageFaultKind.Damaged } fault)
        {
            // The database --db names cannot be used at all: a usage error (exit code 2, issue 9), said as StorageFault says it.
            store.Dispose();
            throw new StoreUnavailableException(fault.Message, e);
        }
        catch
        {
            // Any other fault (disk full, locked) is reported by the command line as a storage fault.
            store.Dispose();
            throw;
        }
        return store;
    }
}

/// <summary>The database named by <c>--db</c> cannot be used: unreachable, refused, missing or not a database (exit code 2).</summary>
internal sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
