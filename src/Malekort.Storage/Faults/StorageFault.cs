using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Malekort.Storage.Faults;

/// <summary>What is wrong with the database, as far as its user can act on it.</summary>
public enum StorageFaultKind
{
    /// <summary>The disk (or the database's quota) has no room for what was written.</summary>
    Full,
    /// <summary>The database may be read but not written.</summary>
    ReadOnly,
    /// <summary>Another writer held the database (or the unit) longer than the wait allows.</summary>
    Locked,
    /// <summary>The database cannot be reached or opened.</summary>
    Unreachable,
    /// <summary>The connection broke while work was under way.</summary>
    ConnectionLost,
    /// <summary>The database file is damaged or is not a database.</summary>
    Damaged,
}

/// <summary>
/// A database failure in Norwegian: disk full, read-only, locked past the wait, unreachable, connection lost or damaged. Every
/// write is one transaction, so after any of these nothing of the failed write is stored. The command line prints
/// <see cref="Message"/> and exits with <see cref="ExitCode"/>; the server answers 503 with it and keeps showing the last
/// computation.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">One Norwegian sentence or two: what is wrong and what to do.</param>
public sealed record StorageFault(StorageFaultKind Kind, string Message)
{
    /// <summary>The command line's exit code for a database failure (1 is a rejected input, 2 a usage error).</summary>
    public const int ExitCode = 3;

    /// <summary>How long a writer waits for another writer's lock when nothing else is said (<see cref="WaitVariable"/>).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    /// <summary>The environment variable that sets the wait, in seconds.</summary>
    public const string WaitVariable = "MALEKORT_DB_TIMEOUT";

    /// <summary>The wait <see cref="WaitVariable"/> sets, or <see cref="DefaultWait"/>.</summary>
    public static TimeSpan ConfiguredWait() =>
        int.TryParse(Environment.GetEnvironmentVariable(WaitVariable), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultWait;

    /// <summary>The fault an exception (or one it wraps) is, or null when it is not the database's.</summary>
    public static StorageFault? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                StorageFaultException known => known.Fault,
                SqliteException sqlite => OfSqlite(sqlite),
                PostgresException postgres => OfPostgres(postgres),
                NpgsqlException npgsql => OfConnection(npgsql),
                _ => null,
            };
            if (fault is not null) return fault;
        }
        return null;
    }

    private static StorageFault? OfSqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        13 => Full(),
        8 => ReadOnly("Databasefilen eller mappen den ligger i er skrivebeskyttet; gi tjenestebrukeren skrivetilgang til begge."),
        5 or 6 => Locked(),
        14 => new(StorageFaultKind.Unreachable, "Databasefilen kan ikke åpnes: mappen finnes ikke, eller tjenestebrukeren kan ikke lese "
            + "og skrive i den. Sjekk stien i --db og tilgangen til mappen."),
        11 or 26 => new(StorageFaultKind.Damaged, "Databasefilen er skadet eller er ikke en Målekort-database. Legg tilbake siste "
            + "sikkerhetskopi (malekort restore)."),
        10 => new(StorageFaultKind.Unreachable, "Databasefilen kunne ikke leses eller skrives (inn/ut-feil fra disken). Sjekk disken."),
        _ => null,
    };

    private static StorageFault? OfPostgres(PostgresException e) => e.SqlState switch
    {
        "53100" or "53200" => Full(),
        "25006" => ReadOnly("PostgreSQL-serveren tar bare imot lesing (en lesekopi, eller default_transaction_read_only)."),
        "55P03" => Locked(),
        "57P01" or "57P02" => Lost(),
        "57P03" => Unreachable("serveren starter eller stopper"),
        "3D000" => Unreachable("databasen finnes ikke på serveren"),
        "28P01" or "28000" => Unreachable("innloggingen ble avvist; sjekk brukernavnet og passordet (PGPASSWORD eller ~/.pgpass)"),
        "42501" => ReadOnly("brukeren har ikke skriverett i databasen."),
        { } state when state.StartsWith("08", StringComparison.Ordinal) => Lost(),
        _ => null,
    };

    private static StorageFault? OfConnection(NpgsqlException e) => e.InnerException switch
    {
        SocketException or TimeoutException => Unreachable("serveren svarer ikke på adressen i --db"),
        IOException or EndOfStreamException => Lost(),
        _ when e.IsTransient => Lost(),
        _ => null,
    };

    private static StorageFault Full() => new(StorageFaultKind.Full,
        "Databasen er full: disken har ikke plass til mer. Ingenting av det som skulle skrives er lagret; frigjør plass og prøv igjen.");

    internal static StorageFault ReadOnly(string why) => new(StorageFaultKind.ReadOnly,
        $"Databasen kan leses, men ikke skrives: {why} Ingenting er lagret.");

    private static StorageFault Locked() => new(StorageFaultKind.Locked,
        "Databasen var låst av en annen innlesing lenger enn ventetiden (" + WaitVariable + ", standard 30 sekunder). "
        + "Ingenting er lagret; prøv igjen når den andre innlesingen er ferdig.");

    private static StorageFault Lost() => new(StorageFaultKind.ConnectionLost,
        "Forbindelsen til databasen ble brutt underveis. Det som ble skrevet da, er rullet tilbake; prøv igjen.");

    private static StorageFault Unreachable(string why) => new(StorageFaultKind.Unreachable,
        $"Får ikke kontakt med databasen: {why}.");
}

/// <summary>A fault a store has recognised itself, with more to say than the database's own error code.</summary>
public sealed class StorageFaultException(StorageFault fault, Exception inner) : Exception(fault.Message, inner)
{
    /// <summary>What is wrong.</summary>
    public StorageFault Fault { get; } = fault;
}
