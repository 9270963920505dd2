namespace Malekort.Cli.Synthetic;

/// <summary>The demo data, generated once into a temporary folder and read back for the tests that share it.</summary>
public sealed class DemoDataFixture : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "malekort-demo-" + Guid.NewGuid().ToString("N"));

    public DemoDataFixture()
    {
        FolderPaths = DemoData.Write(directory);
        Folders = [.. FolderPaths.Select(CaptureFolder.Read)];
    }

    internal IReadOnlyList<string> FolderPaths { get; }

    internal IReadOnlyList<CaptureFolder> Folders { get; }

    internal DemoStatistics Statistics => statistics ??= new DemoStatistics(Folders);

    private DemoStatistics? statistics;

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
