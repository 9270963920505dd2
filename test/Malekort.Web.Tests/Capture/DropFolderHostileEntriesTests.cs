using System.Diagnostics;
using Malekort.Storage;
using Malekort.Testing;

namespace Malekort.Web.Capture;

/// <summary>
/// What one unit's folder holds that must not be read: a link to the root of the disk, a link to a batch outside the drop
/// folder, a named pipe. None is followed or read; each is rejected by name into <c>avvist/</c> with its findings, and another
/// unit's batch dropped at the same time is imported as if nothing were there.
/// </summary>
public sealed class DropFolderHostileEntriesTests
{
    private static readonly DateTimeOffset Extracted = new(2025, 1, 3, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Links_and_a_pipe_in_one_units_folder_are_rejected_by_name_and_stop_no_other_units_import()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        var root = Path.Combine(host.DropFolder, "..", "mottak-fiendtlig");
        var watcher = host.Watcher(root);
        var fredrikstad = Directory.CreateDirectory(Path.Combine(root, "3107")).FullName;
        var hvaler = Directory.CreateDirectory(Path.Combine(root, "3110")).FullName;
        var outside = Path.Combine(host.DropFolder, "..", "utenfor-mottaket");
        Directory.CreateDirectory(outside);
        foreach (var (name, text) in new TestExtract("3107", Extracted).Files()) File.WriteAllText(Path.Combine(outside, name), text);
        Directory.CreateSymbolicLink(Path.Combine(fredrikstad, "rot"), "/");
        Directory.CreateSymbolicLink(Path.Combine(fredrikstad, "utenfor"), outside);
        Fifo(Path.Combine(fredrikstad, "ror"));
        new TestExtract("3110", Extracted).DropZip(hvaler, "hvaler.zip");

        watcher.Scan(TestContext.Current.CancellationToken);
        host.Clock.Advance(host.Options.DropQuietPeriod);
        watcher.Scan(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(hvaler, "importert", "hvaler.zip")), "Hvaler's batch is imported");
        foreach (var (name, what) in new[] { ("rot", "symbolsk lenke"), ("utenfor", "symbolsk lenke"), ("ror", "spesialfil") })
        {
            var findings = await File.ReadAllTextAsync(Path.Combine(fredrikstad, "avvist", name + DropFolder.FindingsSuffix),
                TestContext.Current.CancellationToken);
            Assert.Contains($"{name}: fatal: {name} er en {what}", findings, StringComparison.Ordinal);
        }
        var captures = host.Store.RunLog(100).Where(e => e.Kind == RunKind.Capture).ToList();
        Assert.Equal(["3110/hvaler.zip"], captures.Where(e => e.Outcome == RunOutcome.Imported).Select(e => e.Subject));
        Assert.Equal(["3107/ror", "3107/rot", "3107/utenfor"], captures.Where(e => e.Outcome == RunOutcome.Rejected).Select(e => e.Subject).Order());
        Assert.True(File.Exists(Path.Combine(outside, "batch.json")), "what the link pointed to is left where it was");
        Assert.True(Directory.Exists("/etc"));
    }

    private static void Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
