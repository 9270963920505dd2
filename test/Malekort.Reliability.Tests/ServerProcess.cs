using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Malekort.Reliability;

/// <summary>
/// <c>malekort serve</c> as the process it is in production, in server mode (drop folder, uploads, pseudonym key) on a free loopback
/// port, its client signed in as the installation's administrator: its memory is its own, and it can be killed like a real one.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private ServerProcess(Process process, Uri address, string token)
    {
        this.process = process;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(5),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
        };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the server wrote, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (lastLines) return string.Join('\n', lastLines);
        }
    }

    /// <summary>Starts the server on <paramref name="folder"/>'s database, drop folder and keys, and waits until it is ready.</summary>
    public static async Task<ServerProcess> Start(Installation folder, TimeSpan? wait = null)
    {
        var token = folder.Token;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Installation.App, "serve", "--db", folder.Database, "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
                     "--drop", folder.DropFolder, "--uploads", "--key", folder.KeyFile, "--upload-limit-mb", "512",
                 })
            start.ArgumentList.Add(argument);
        var server = new ServerProcess(Process.Start(start)!, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")), token);
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException($"malekort serve stoppet ({server.process.ExitCode}):\n{server.Output}");
            try
            {
                using var ready = await server.Client.GetAsync(new Uri("/helse/klar", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"malekort serve ble ikke klar:\n{server.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Resident memory now, from <c>/proc</c> (VmRSS), in bytes.</summary>
    public long Resident() => Status("VmRSS:");

    /// <summary>The most resident memory the process has had (VmHWM), in bytes.</summary>
    public long PeakResident() => Status("VmHWM:");

    /// <summary>SIGKILL, as a crash or a pulled plug: nothing gets to clean up.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Client.Dispose();
        process.Dispose();
    }

    private long Status(string field)
    {
        var line = File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{process.Id}/status"))
            .First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 200) lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
