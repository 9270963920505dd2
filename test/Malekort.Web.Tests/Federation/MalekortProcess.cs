using System.Diagnostics;
using System.Net;

namespace Malekort.Web.Federation;

/// <summary>
/// <c>malekort serve</c> as the process it is in production (the program next to the tests), started on a loopback port, waited
/// for until ready, and killed like a crash; everything it writes is kept. Set-up commands run in this process.
/// </summary>
internal sealed class MalekortProcess : IDisposable
{
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, "malekort.dll");

    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private MalekortProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Everything the server wrote on standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>
    /// Runs a command that must succeed, in this process (the same command line as the program's, without a process's start-up):
    /// its standard output.
    /// </summary>
    public static string Succeed(string? input, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Malekort.Cli.CliApp.Run(arguments, new StringReader(input ?? ""), output, error, TimeProvider.System);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.True(exit == 0, $"malekort {string.Join(' ', arguments)} feilet ({exit}):\n{output}\n{error}");
        return output.ToString();
    }

    /// <summary><c>malekort serve</c> with the arguments on <paramref name="port"/>, once it answers ready.</summary>
    public static async Task<MalekortProcess> Serve(int port, params string[] arguments)
    {
        var address = new Uri(FederationHosts.Address(port));
        var server = new MalekortProcess(Process.Start(Start(["serve", "--urls", address.AbsoluteUri.TrimEnd('/'), "--log-format", "Text", .. arguments]))!,
            address);
        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(server.process.HasExited, $"malekort serve stoppet:\n{server.Output}");
            try
            {
                using var ready = await client.GetAsync(new Uri("/helse/klar", UriKind.Relative), TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"malekort serve ble ikke klar:\n{server.Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGKILL, as a crash or a pulled plug: nothing gets to clean up.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static ProcessStartInfo Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(App);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The server's own settings only, never the test runner's.
        start.Environment.Remove("MALEKORT_DB");
        return start;
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
