using System.Diagnostics;
using System.Net.Sockets;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Pipeline;
using Malekort.Storage;
using Malekort.Storage.Sqlite;

namespace Malekort.Import.Detection;

/// <summary>
/// Links are never followed and pipes, sockets and devices never read: an input is only what lies inside the folders given,
/// and nothing can make a read block for ever. Each such entry is rejected with a finding that names it.
/// </summary>
public sealed class LinksAndSpecialFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("malekort-links-").FullName;
    // A socket's file goes when the socket is closed, so they stay open for the test.
    private readonly List<Socket> sockets = [];

    public void Dispose()
    {
        foreach (var socket in sockets) socket.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Every_kind_of_entry_is_told_apart_without_following_links()
    {
        var file = Write("fil.csv", "a,b\n");
        var folder = Directory.CreateDirectory(Path.Combine(root, "mappe")).FullName;
        var entries = new Dictionary<string, FileKind>
        {
            [file] = FileKind.File,
            [folder] = FileKind.Folder,
            [Link("lenke-til-fil", file)] = FileKind.Link,
            [Link("lenke-til-mappe", folder)] = FileKind.Link,
            [Link("lenke-til-rot", "/")] = FileKind.Link,
            [Link("lenke-til-ingenting", Path.Combine(root, "finnes-ikke"))] = FileKind.Link,
            [Fifo("ror")] = FileKind.Special,
            [Socket("sokkel")] = FileKind.Special,
            ["/dev/null"] = FileKind.Special,
            [Path.Combine(root, "borte")] = FileKind.Missing,
        };

        Assert.Equal(entries, entries.ToDictionary(e => e.Key, e => FileKinds.Of(e.Key)));
    }

    [Fact]
    public async Task A_link_or_a_pipe_given_to_the_pipeline_is_rejected_by_name_and_never_read()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var inputs = new[] { Link("passord", "/etc/passwd"), Link("batch-utenfor", batch.Path), Fifo("ror"), Socket("sokkel") };
        using var store = Store();
        var pipeline = new ImportPipeline(store, CaptureFixture.Pseudonyms, TimeProvider.System);

        // A pipe opened for reading waits for a writer: if the pipeline read it, this would never finish.
        var entries = await Task.Run(() => inputs.Select(pipeline.ImportOne).ToList(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.All(entries, e => Assert.Equal(ImportOutcome.Rejected, e.Outcome));
        Assert.Equal(["passord: fatal: passord er en symbolsk lenke og leses ikke; legg selve filen eller mappen der i stedet.",
                "batch-utenfor: fatal: batch-utenfor er en symbolsk lenke og leses ikke; legg selve filen eller mappen der i stedet.",
                "ror: fatal: ror er en spesialfil (rør, sokkel eller enhet) og leses ikke; legg selve filen eller mappen der i stedet.",
                "sokkel: fatal: sokkel er en spesialfil (rør, sokkel eller enhet) og leses ikke; legg selve filen eller mappen der i stedet."],
            entries.Select(e => Assert.Single(e.Findings).ToString()));
        Assert.DoesNotContain(store.ImportLog(), e => e.Outcome == ImportOutcome.Imported);
    }

    [Fact]
    public void A_folder_of_inputs_hands_on_a_linked_folder_as_one_input_instead_of_opening_it()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var outside = Path.GetDirectoryName(batch.Path)!;
        var drop = Directory.CreateDirectory(Path.Combine(root, "leveranser")).FullName;
        var link = Path.Combine(drop, "utenfor");
        Directory.CreateSymbolicLink(link, outside);

        Assert.Equal([link], InputFormats.Expand([drop]));
    }

    [Fact]
    public void A_batch_folder_with_a_linked_file_is_rejected_naming_the_link()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var persons = Path.Combine(batch.Path, "persons.csv");
        var elsewhere = Write("personer-et-annet-sted.csv", File.ReadAllText(persons));
        File.Delete(persons);
        File.CreateSymbolicLink(persons, elsewhere);

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Error, File: "persons.csv" }
            && f.Message == "persons.csv er en symbolsk lenke, som ikke leses; legg selve filen i batchmappen.");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = Path.Combine(root, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(root, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private string Socket(string name)
    {
        var path = Path.Combine(root, name);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        sockets.Add(socket);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return path;
    }

    private SqliteStore Store()
    {
        var store = new SqliteStore(Path.Combine(root, "malekort.db"));
        store.Migrate();
        return store;
    }
}
