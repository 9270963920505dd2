using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using Malekort.Storage;
using Malekort.Storage.Postgres;
using Malekort.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

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
    /// <exception cref="StoreUnavailableException">The database cannot be reached or is not one Målekort can use.</exception>
    public static IMalekortStore Open(string db, TimeProvider clock)
    {
        IMalekortStore store;
        try
        {
            store = IsPostgres(db) ? new PostgresStore(db, clock) : new SqliteStore(db, clock);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the keyword it did not understand; the value (perhaps a password) is not repeated.
            throw new StoreUnavailableException("--db er ikke en gyldig PostgreSQL-tilkoblingsstreng; skriv den som " +
                "\"Host=server;Database=malekort;Username=bruker\" (passordet i PGPASSWORD eller ~/.pgpass).", e);
        }
        try
        {
            store.Migrate();
        }
        catch (Exception e) when (StoreUnavailableException.Describe(db, e) is { } message)
        {
            store.Dispose();
            throw new StoreUnavailableException(message, e);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }
}

/// <summary>
/// The database named by <c>--db</c> cannot be used: unreachable, refused, missing or not a database. The CLI prints the
/// message as one Norwegian line and exits with code 2, never a stack trace.
/// </summary>
internal sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>What went wrong with the database, in Norwegian, or null when the exception is not about reaching it.</summary>
    public static string? Describe(string db, Exception e)
    {
        if (e is StoreUnavailableException) return e.Message;
        if (StoreOption.IsPostgres(db))
        {
            var server = Server(db);
            return e switch
            {
                PostgresException { SqlState: "28P01" or "28000" } => $"PostgreSQL-serveren {server} avviste innloggingen for {User(db)} (feil brukernavn eller passord?).",
                PostgresException { SqlState: "3D000" } => $"databasen {Database(db)} finnes ikke på PostgreSQL-serveren {server}.",
                PostgresException { SqlState: "42501" } => $"brukeren {User(db)} mangler rettigheter i databasen {Database(db)} på {server}.",
                NpgsqlException { InnerException: SocketException or TimeoutException } or NpgsqlException { IsTransient: true }
                    => $"får ikke kontakt med PostgreSQL-serveren {server} (kjører den, og er adressen og porten riktige?).",
                NpgsqlException n => $"PostgreSQL-serveren {server} svarte med en feil{(n is PostgresException p ? $" ({p.SqlState})" : "")}; databasen kan ikke brukes.",
                _ => null,
            };
        }
        return e switch
        {
            SqliteException { SqliteErrorCode: 26 } => $"{db} er ikke en SQLite-database (feil fil i --db?).",
            SqliteException { SqliteErrorCode: 14 } => $"kan ikke åpne databasefilen {db}: mappen finnes ikke, eller programmet mangler tilgang.",
            SqliteException { SqliteErrorCode: 8 } => $"databasefilen {db} kan bare leses; Målekort må kunne skrive til den.",
            SqliteException { SqliteErrorCode: 11 } => $"databasefilen {db} er skadet.",
            SqliteException { SqliteErrorCode: 5 or 6 } => $"databasefilen {db} er låst av et annet program; prøv igjen om litt.",
            SqliteException s => $"SQLite-databasen {db} kan ikke brukes (SQLite-feil {s.SqliteErrorCode}).",
            UnauthorizedAccessException => $"programmet mangler tilgang til databasefilen {db}.",
            IOException => $"kan ikke lese databasefilen {db}.",
            _ => null,
        };
    }

    private static NpgsqlConnectionStringBuilder Builder(string db) => new(db);

    private static string Server(string db) => $"{Builder(db).Host}:{Builder(db).Port}";

    private static string Database(string db) => Builder(db).Database ?? User(db);

    private static string User(string db) => Builder(db).Username ?? Environment.UserName;
}
