using System.CommandLine;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Cli.Commands;

/// <summary><c>--db</c>: a SQLite file (default <c>malekort.db</c>, or <c>MALEKORT_DB</c>).</summary>
internal static class StoreOption
{
    public const string EnvironmentVariable = "MALEKORT_DB";

    public static Option<string> Create() => new("--db")
    {
        Description = "Databasen: en SQLite-fil (standard malekort.db, eller miljøvariabelen MALEKORT_DB).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "malekort.db",
    };

    /// <summary>Opens the store the option names and brings its schema up to date.</summary>
    public static IMalekortStore Open(string db, TimeProvider clock)
    {
        IMalekortStore store = new SqliteStore(db, clock);
        store.Migrate();
        return store;
    }
}
