using System.Diagnostics;
using System.Globalization;

namespace Malekort.Reliability;

/// <summary>
/// A Målekort installation in a folder of its own: a SQLite database (or a PostgreSQL connection string), a drop folder, an
/// administrator's API token and the pseudonym key, filled from seeded synthetic data made by <c>malekort generate</c> and imported by
/// <c>malekort import</c>. The data and a database with it imported are kept under <c>.malekort/reliability/</c> between runs;
/// each installation works on its own copy.
/// </summary>
internal sealed class Installation : IDisposable
{
    /// <summary>The command line program next to the tests (the project reference copies it).</summary>
    public static string App { get; } = Path.Combine(AppContext.BaseDirectory, "malekort.dll");

    private static readonly SemaphoreSlim Preparing = new(1, 1);

    private Installation(string folder, string database, string data)
    {
        Folder = folder;
        Database = database;
        Data = data;
        Directory.CreateDirectory(DropFolder);
    }

    private string? token;

    public string Folder { get; }

    /// <summary>The <c>--db</c> value.</summary>
    public string Database { get; }

    /// <summary>The generated data: <c>batches/</c>, <c>kostra/</c>, <c>digisos/</c>, <c>offices.csv</c>.</summary>
    public string Data { get; }

    public string DropFolder => Path.Combine(Folder, "mottak");

    /// <summary>
    /// An API token of the administrator <c>palitelighet</c>, who may read every page and deliver every unit's data: added by
    /// <c>malekort users add</c> and <c>users token</c> the first time it is asked for.
    /// </summary>
    public string Token
    {
        get
        {
            if (token is not null) return token;
            Succeed(Run(["users", "add", "palitelighet", "--role", "admin", "--db", Database], input: "palitelighet-passord-0123456789\n"));
            var (exit, output) = Run(["users", "token", "palitelighet", "--db", Database]);
            Succeed((exit, output));
            return token = output.Split('\n')[0].Trim();
        }
    }

    public string KeyFile => Path.Combine(Data, "pseudonym.key");

    /// <summary>An installation with the synthetic data of the current settings imported into a fresh copy of its database.</summary>
    public static async Task<Installation> WithData(string name)
    {
        var (data, imported) = await Prepared();
        var folder = Directory.CreateTempSubdirectory($"malekort-{name}-").FullName;
        var database = Path.Combine(folder, "malekort.db");
        File.Copy(imported, database);
        return new Installation(folder, database, data);
    }

    /// <summary>An installation with an empty database at <paramref name="database"/> (a file in the folder when null).</summary>
    public static async Task<Installation> Empty(string name, string? database = null)
    {
        var (data, _) = await Prepared();
        var folder = Directory.CreateTempSubdirectory($"malekort-{name}-").FullName;
        return new Installation(folder, database ?? Path.Combine(folder, "malekort.db"), data);
    }

    /// <summary>Runs <c>malekort</c> with the arguments to its end; returns its exit code and output.</summary>
    public static (int Exit, string Output) Run(params string[] arguments) => Run(arguments, input: null);

    /// <summary>Runs <c>malekort</c> with the arguments and <paramref name="input"/> as its standard input.</summary>
    public static (int Exit, string Output) Run(string[] arguments, string? input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false,
        };
        start.ArgumentList.Add(App);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The data folder and a SQLite database with it imported, made once per settings.</summary>
    private static async Task<(string Data, string Database)> Prepared()
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"x{ReliabilitySettings.Scale:0.###}-m{ReliabilitySettings.Months}-tail{ReliabilitySettings.MonthlyTail}");
        var folder = Path.Combine(ReliabilitySettings.DataFolder, name);
        var done = Path.Combine(folder, ".ferdig");
        var database = Path.Combine(folder, "malekort.db");
        await Preparing.WaitAsync();
        try
        {
            if (File.Exists(done)) return (folder, database);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            Succeed(Run("generate", "--scale", ReliabilitySettings.Scale.ToString("0.######", CultureInfo.InvariantCulture),
                "--months", ReliabilitySettings.Months.ToString(CultureInfo.InvariantCulture), "--last", "2024-12",
                "--monthly", ReliabilitySettings.MonthlyTail.ToString(CultureInfo.InvariantCulture),
                "--other-formats", "2024", "--seed", "13", "--out", folder));
            Succeed(Run("import", "--db", database, "--key", Path.Combine(folder, "pseudonym.key"),
                Path.Combine(folder, "offices.csv"), Path.Combine(folder, "batches")));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await File.WriteAllTextAsync(done, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            return (folder, database);
        }
        finally
        {
            Preparing.Release();
        }
    }

    private static void Succeed((int Exit, string Output) run)
    {
        if (run.Exit != 0) throw new InvalidOperationException($"malekort feilet ({run.Exit}):\n{run.Output}");
    }
}
