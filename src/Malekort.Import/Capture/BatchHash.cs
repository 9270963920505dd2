using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Malekort.Import.Capture;

/// <summary>
/// The content hash of a batch's files, the same for every format that reads files, so the same content is the same batch
/// however it arrived (a folder or a zip, whatever a single file is called).
/// </summary>
internal static class BatchHash
{
    /// <summary>
    /// SHA-256 (lower-case hex) over each file in the order given: the UTF-8 name, a NUL byte, the byte length as an
    /// unsigned 64-bit little-endian integer, and the bytes.
    /// </summary>
    public static string Of(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            AppendHeader(hash, name, bytes.LongLength);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>What goes before a file's bytes: its UTF-8 name, a NUL byte and its length; a streamed file's bytes follow.</summary>
    public static void AppendHeader(IncrementalHash hash, string name, long length)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(name));
        hash.AppendData([0]);
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)length);
        hash.AppendData(bytes);
    }
}
