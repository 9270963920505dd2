using System.Runtime.InteropServices;

namespace Malekort.Import.Detection;

/// <summary>What a directory entry is, looked at without following it.</summary>
public enum FileKind
{
    /// <summary>Nothing there.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A folder.</summary>
    Folder,
    /// <summary>A symbolic link, to anything or nothing: never followed.</summary>
    Link,
    /// <summary>A named pipe, socket or device: reading one can block for ever or never end, so it is never read.</summary>
    Special,
}

/// <summary>
/// Tells regular files and folders from links and special files without following links. .NET reports a named pipe or a
/// device as an ordinary file, and opening a pipe to read it blocks until someone writes, so on Linux the type comes from
/// <c>statx(2)</c>, whose buffer has the same layout on every architecture.
/// </summary>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;

    /// <summary>The kind of the entry at <paramref name="path"/>, the entry itself and not what a link points to.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return FileKind.Missing;
            return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
            {
                Regular => FileKind.File,
                Directory => FileKind.Folder,
                SymbolicLink => FileKind.Link,
                _ => FileKind.Special,
            };
        }
        var info = new FileInfo(path);
        if (!info.Exists && !System.IO.Directory.Exists(path) && info.LinkTarget is null) return FileKind.Missing;
        if (info.LinkTarget is not null) return FileKind.Link;
        return info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Folder : FileKind.File;
    }

    /// <summary>Norwegian words for a kind that is not read, for findings: «en symbolsk lenke», «en spesialfil».</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Link => "en symbolsk lenke",
        FileKind.Special => "en spesialfil (rør, sokkel eller enhet)",
        FileKind.Missing => "borte",
        FileKind.Folder => "en mappe",
        _ => "en fil",
    };

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
