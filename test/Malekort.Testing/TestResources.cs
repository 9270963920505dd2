namespace Malekort.Testing;

/// <summary>
/// What a test program shares across its tests and must end before it exits: today the shared PostgreSQL server. Each test
/// program that uses this library declares it as its assembly fixture, so xunit disposes it after the last test and before
/// it returns from Main.
/// </summary>
/// <remarks>
/// It used to be stopped in a ProcessExit handler. xunit gives the process 10 s to end after its runner returns and
/// otherwise forces exit code 1; on a loaded machine stopping the server and deleting its databases took longer, and a
/// fresh-clone run of Storage.Tests failed with all 149 tests passed ("Foreground threads were left running").
/// </remarks>
public sealed class TestResources : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => PostgresServer.StopShared();
}
