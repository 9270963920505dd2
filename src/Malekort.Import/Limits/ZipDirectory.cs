using System.Buffers.Binary;

namespace Malekort.Import.Limits;

/// <summary>
/// Counts a zip's entries from its central directory before <see cref="System.IO.Compression.ZipArchive"/> reads it:
/// ZipArchive builds an object for every entry (whatever the end record claims), so a small file of millions of empty
/// entries would cost gigabytes before any limit could be checked.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int MaxComment = 0xFFFF;

    /// <summary>
    /// The number of entries, counting no further than <paramref name="stopAfter"/> + 1; null when the directory cannot be
    /// found, which ZipArchive then reports as a broken zip.
    /// </summary>
    public static int? CountEntries(Stream zip, int stopAfter)
    {
        if (FindEnd(zip) is not { } end) return null;
        var record = Read(zip, end, EndLength);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16));
        if (offset == uint.MaxValue && end >= 20)
        {
            var locator = Read(zip, end - 20, 20);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) return null;
            var zip64End = (long)BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
            if (zip64End < 0 || zip64End > zip.Length - 56) return null;
            var zip64 = Read(zip, zip64End, 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature) return null;
            offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
        }
        if (offset < 0 || offset > zip.Length) return null;
        // Walk the directory's headers: 46 bytes each, then the name, extra field and comment whose lengths they give.
        var count = 0;
        var header = new byte[46];
        zip.Position = offset;
        while (count <= stopAfter && zip.Position + header.Length <= zip.Length)
        {
            zip.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature) break;
            count++;
            var skip = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            zip.Seek(skip, SeekOrigin.Current);
        }
        return count;
    }

    /// <summary>Where the end-of-central-directory record starts: searched backwards past a comment of up to 64 KB.</summary>
    private static long? FindEnd(Stream zip)
    {
        if (zip.Length < EndLength) return null;
        var from = Math.Max(0, zip.Length - EndLength - MaxComment);
        var tail = Read(zip, from, (int)(zip.Length - from));
        for (var i = tail.Length - EndLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature) return from + i;
        }
        return null;
    }

    private static byte[] Read(Stream zip, long at, int length)
    {
        var bytes = new byte[length];
        zip.Position = at;
        zip.ReadExactly(bytes);
        return bytes;
    }
}
