using System.Net;
using System.Net.Sockets;

namespace Malekort.Web.Federation;

/// <summary>
/// A TCP proxy on loopback in front of a server. Armed with <see cref="CutOnFirstAnswer"/>, it runs the action (a test kills
/// the server there) when the first byte of the server's answer arrives and drops the client's connection without passing it
/// on: the server has done the work, the client never hears of it. After that, and before, it passes everything through.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int upstream;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private Action? cut;

    public CuttingProxy(int upstreamPort)
    {
        upstream = upstreamPort;
        listener.Start();
        accepting = Accept();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Completes when an answer has been cut.</summary>
    public TaskCompletionSource Cut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CutOnFirstAnswer(Action action) => cut = action;

    private async Task Accept()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, upstream, stop.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return;
            }
            var up = client.GetStream().CopyToAsync(server.GetStream(), stop.Token);
            var down = Answer(server.GetStream(), client);
            await Task.WhenAny(up, down);
        }
    }

    private async Task Answer(NetworkStream from, TcpClient to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (Interlocked.Exchange(ref cut, null) is { } action)
                {
                    action();
                    // A reset, not a clean close: the client sees the connection die with its answer unread.
                    to.Client.LingerState = new LingerOption(true, 0);
                    Cut.TrySetResult();
                    return;
                }
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
