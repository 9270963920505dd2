namespace Malekort.Cli.Synthetic;

/// <summary>
/// The demo data, generated once per test program into a temporary folder and read back for every class that shares it.
/// </summary>
/// <remarks>
/// The four classes that use it only read it, so one copy proves what four did; generated per class, the same data was
/// written, read and counted four times (about 20 s of a run on two cores). It is generated the first time a class asks for
/// it, so a run filtered to other classes pays nothing, and deleted when the test program exits.
/// </remarks>
public sealed class DemoDataFixture
{
    private static readonly Lazy<Generated> Shared = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    internal IReadOnlyList<string> FolderPaths => Shared.Value.FolderPaths;

    internal IReadOnlyList<CaptureFolder> Folders => Shared.Value.Folders;

    internal DemoStatistics Statistics => Shared.Value.Statistics.Value;

    private static Generated Generate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "malekort-demo-" + Guid.NewGuid().ToString("N"));
        // Test programs end by returning from Main (or on SIGTERM), both of which raise ProcessExit.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        };
        var paths = DemoData.Write(directory);
        IReadOnlyList<CaptureFolder> folders = [.. paths.Select(CaptureFolder.Read)];
        return new Generated(paths, folders, new Lazy<DemoStatistics>(() => new DemoStatistics(folders), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    private sealed record Generated(IReadOnlyList<string> FolderPaths, IReadOnlyList<CaptureFolder> Folders, Lazy<DemoStatistics> Statistics);
}
