using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Malekort.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's <c>postgresql</c> package, the highest version installed, in a temporary
/// data directory on 127.0.0.1 and a free port. It starts the first time a test asks for it, once per test program, and is
/// stopped and deleted when the program's tests are done (<see cref="TestResources"/>). Each test gets a fresh database of its own (<see cref="CreateDatabase"/>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so as root <c>initdb</c> and <c>pg_ctl</c> run as the package's <c>postgres</c> user.
/// Trust authentication is safe here because the server listens on 127.0.0.1 only; durability is switched off for speed,
/// since every database is thrown away.
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    private const string Root = "/usr/lib/postgresql";
    private const string DirectoryPrefix = "malekort-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Lazy<PostgresServer> SharedServer = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string binaries;
    private readonly string folder;
    private readonly string data;
    private readonly NpgsqlDataSource admin;
    private int disposed;

    private PostgresServer(string binaries, string folder, string data, int port, TimeSpan startup)
    {
        this.binaries = binaries;
        this.folder = folder;
        this.data = data;
        Port = port;
        StartupTime = startup;
        admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    /// <summary>The server of this test program, started on first use.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed or would not start; the message says why.</exception>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The PostgreSQL major version running.</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(binaries)!);

    /// <summary>How long <c>initdb</c> and the start took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>A Npgsql connection string for one of the server's databases.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>
    /// Creates a database with a name of its own and returns the name: empty, or a copy of <paramref name="template"/> (a
    /// database made a template by <see cref="MakeTemplate"/>).
    /// </summary>
    public string CreateDatabase(string? template = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using var command = admin.CreateCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {Checked(template)}");
        command.ExecuteNonQuery();
        return name;
    }

    /// <summary>
    /// Makes a database made by <see cref="CreateDatabase"/> a template that nobody connects to any more, so
    /// <see cref="CreateDatabase"/> can copy it (PostgreSQL refuses to copy a database while anyone is connected to it, and
    /// autovacuum leaves a database that allows no connections alone, as it does template0).
    /// </summary>
    public void MakeTemplate(string name)
    {
        using (var close = admin.CreateCommand($"ALTER DATABASE {Checked(name)} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true"))
            close.ExecuteNonQuery();
        using var end = admin.CreateCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        end.ExecuteNonQuery();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, ending any connection still open to it.</summary>
    public void DropDatabase(string name)
    {
        using var command = admin.CreateCommand($"DROP DATABASE IF EXISTS {Checked(name)} WITH (FORCE)");
        command.ExecuteNonQuery();
    }

    private static string Checked(string name) =>
        name.StartsWith("t_", StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : throw new ArgumentException($"{name} er ikke en testdatabase.", nameof(name));

    /// <summary>
    /// A server of the test's own, for tests that stop and start it (a database that goes away under a running program):
    /// the shared one serves the other tests meanwhile. Dispose it to stop it and delete its files.
    /// </summary>
    /// <remarks>
    /// Unlike the shared server it reports a commit only once its WAL is written out to the operating system
    /// (<c>synchronous_commit = on</c>): <see cref="Halt"/> is an immediate stop, and with asynchronous commit the last
    /// transactions a client was told were committed were lost with it, so a batch stored just before the outage vanished.
    /// </remarks>
    public static PostgresServer StartPrivate() => Start(commitsSurviveHalt: true);

    /// <summary>Stops the server at once, as a crash or a pulled cable would; its data stays for <see cref="Resume"/>.</summary>
    public void Halt() => Stop(binaries, data);

    /// <summary>Starts a halted server again on the same port and data.</summary>
    public void Resume()
    {
        Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "start"], asPostgres: true);
        // The pooled connections died with the old server process.
        admin.Clear();
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        admin.Dispose();
        Stop(binaries, data);
        DeleteFolder(folder);
    }

    private static PostgresServer StartShared()
    {
        var server = Start(commitsSurviveHalt: false);
        // Normally stopped by TestResources when the tests are done; ProcessExit catches a program stopped by SIGTERM.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Stops and deletes <see cref="Shared"/> if this program started it (<see cref="TestResources"/>).</summary>
    internal static void StopShared()
    {
        if (SharedServer.IsValueCreated) SharedServer.Value.Dispose();
    }

    private static PostgresServer Start(bool commitsSurviveHalt)
    {
        var clock = Stopwatch.StartNew();
        var binaries = Binaries();
        RemoveAbandoned(binaries);
        var folder = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        try
        {
            File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(Invariant));
            if (Environment.IsPrivilegedProcess) Run("chown", ["postgres:postgres", data], asPostgres: false);
            Run(Path.Combine(binaries, "initdb"),
                ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], asPostgres: true);
            for (var attempt = 1; ; attempt++)
            {
                // Another program may take the port between choosing it and binding it: then choose again.
                var port = FreePort();
                File.AppendAllText(Path.Combine(data, "postgresql.conf"), string.Join('\n',
                    "",
                    "listen_addresses = '127.0.0.1'",
                    string.Create(Invariant, $"port = {port}"),
                    $"unix_socket_directories = '{data}'",
                    "fsync = off",
                    "full_page_writes = off",
                    commitsSurviveHalt ? "synchronous_commit = on" : "synchronous_commit = off",
                    "max_connections = 200",
                    ""));
                try
                {
                    Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "start"], asPostgres: true);
                    return new PostgresServer(binaries, folder, data, port, clock.Elapsed);
                }
                catch (InvalidOperationException) when (attempt < 5 && ServerLog(data).Contains("could not bind", StringComparison.Ordinal))
                {
                    File.Delete(Path.Combine(data, "server.log"));
                }
            }
        }
        catch
        {
            Stop(binaries, data);
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>The bin folder of the highest PostgreSQL version installed.</summary>
    private static string Binaries()
    {
        var found = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, Invariant, out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Folder, "bin", "postgres")) && File.Exists(Path.Combine(d.Folder, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"PostgreSQL er ikke installert: fant ingen {Root}/<versjon>/bin/postgres. Testene trenger Debian-pakken postgresql; " +
            "scripts/install-test-dependencies.sh (kjøres av ./malekort test) installerer den.");
    }

    /// <summary>Stops and deletes servers left behind by test programs that were killed before they could clean up.</summary>
    private static void RemoveAbandoned(string binaries)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            if (!Abandoned(folder)) continue;
            Stop(binaries, Path.Combine(folder, "data"));
            DeleteFolder(folder);
        }
    }

    private static bool Abandoned(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, Invariant, out var pid))
            return Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static void Stop(string binaries, string data)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid"))) return;
        try
        {
            // Immediate: the data is thrown away, so there is nothing to write out first.
            Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to do.
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a server that is shutting down: the next run removes the folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static string ServerLog(string data)
    {
        var log = Path.Combine(data, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end; as root, PostgreSQL's programs run as the <c>postgres</c> user.</summary>
    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // English messages, so a port taken in the meantime can be recognised in the server log.
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Kunne ikke starte {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} svarte ikke innen to minutter.");
        }
        if (process.ExitCode != 0)
        {
            var data = arguments.SkipWhile(a => a != "-D").Skip(1).FirstOrDefault();
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} feilet ({process.ExitCode}):\n{output.Result}{error.Result}" +
                (data is null ? "" : ServerLog(data)));
        }
    }
}
