using System.IO.Compression;
using System.Text;

namespace Malekort.Import.Capture;

/// <summary>A copy of a fixture batch in a temporary folder, to change one thing in and read as a folder or a zip.</summary>
internal sealed class BatchFolder : IDisposable
{
    private readonly string root;

    private BatchFolder(string root, string path)
    {
        this.root = root;
        Path = path;
    }

    /// <summary>The batch folder.</summary>
    public string Path { get; }

    public static BatchFolder Copy(string fixture)
    {
        var root = Directory.CreateTempSubdirectory("malekort-capture-").FullName;
        var path = System.IO.Path.Combine(root, "batch");
        Directory.CreateDirectory(path);
        foreach (var file in Directory.EnumerateFiles(Fixture(fixture)))
            File.Copy(file, System.IO.Path.Combine(path, System.IO.Path.GetFileName(file)));
        return new BatchFolder(root, path);
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "capture", name);

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    /// <summary>Writes a file as UTF-8 without BOM, with <c>\n</c> line ends.</summary>
    public BatchFolder Write(string file, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return this;
    }

    public BatchFolder WriteBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, file), bytes);
        return this;
    }

    public BatchFolder Edit(string file, Func<string, string> change) => Write(file, change(Read(file)));

    /// <summary>Adds a row at the end of a CSV file.</summary>
    public BatchFolder Append(string file, string row) => Edit(file, text => text + row + "\n");

    public BatchFolder Delete(string file)
    {
        File.Delete(System.IO.Path.Combine(Path, file));
        return this;
    }

    /// <summary>A zip of the batch: the files at its root, or inside one top folder.</summary>
    public string Zip(bool inTopFolder)
    {
        var zip = System.IO.Path.Combine(root, inTopFolder ? "top.zip" : "root.zip");
        File.Delete(zip);
        ZipFile.CreateFromDirectory(Path, zip, CompressionLevel.Optimal, includeBaseDirectory: inTopFolder);
        return zip;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
