using System.Text;
using Malekort.Import.Limits;
using nietras.SeparatedValues;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>A column of a CSV file as its header names it; <see cref="Index"/> is -1 when the header lacks it.</summary>
internal readonly record struct CsvColumn(string Name, int Index)
{
    public bool Present => Index >= 0;
}

/// <summary>
/// One CSV file of a batch read by the rules of capture format v1, section "CSV rules": UTF-8 with an optional BOM,
/// comma, RFC 4180 quoting, a header with the columns in any order. Problems with the file, the header or a row's
/// shape become findings; a row's values are checked through <see cref="CsvRow"/>.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private static readonly SepReaderOptions Options =
        // The header is read as a plain row so duplicate or unknown names become findings rather than exceptions.
        Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true });

    private readonly SepReader reader;
    private readonly TextReader text;
    private readonly Dictionary<string, int> columns;
    private readonly int columnCount;
    private int rows;

    private CsvTable(string name, FindingLog log, SepReader reader, TextReader text, Dictionary<string, int> columns, int columnCount, int lines)
    {
        this.text = text;
        EstimatedRows = lines;
        Name = name;
        Log = log;
        this.reader = reader;
        this.columns = columns;
        this.columnCount = columnCount;
    }

    /// <summary>The file's name in the batch.</summary>
    public string Name { get; }

    public FindingLog Log { get; }

    /// <summary>
    /// About how many data rows the file has (its line count, at most <see cref="InputLimits.RowsPerFile"/>), to size
    /// collections once.
    /// </summary>
    public int EstimatedRows { get; }

    /// <summary>The physical line the current row starts on (the header is line 1).</summary>
    internal int Line { get; private set; }

    /// <summary>Whether the current row has broken a rule (or cannot be built), so no record is made of it.</summary>
    internal bool RowFailed { get; set; }

    /// <summary>
    /// Opens the file and checks its encoding and header. Returns <c>null</c> when no row can be read; the reason is logged.
    /// </summary>
    /// <remarks><paramref name="known"/> lists every column the file may have, so the rest can be warned about.</remarks>
    public static CsvTable? Open(string name, BatchFile content, FindingLog log, IReadOnlyList<string> required, IReadOnlyList<string> known)
    {
        // What the whole file says about itself comes from the scan made when the batch was loaded (BatchFile): a large file is
        // never in memory whole, only the reader's buffer of it.
        var scan = content.Scan;
        if (!scan.IsUtf8)
        {
            log.Fatal(name, scan.InvalidLine, "Filen er ikke gyldig UTF-8; lagre den som UTF-8 (med eller uten BOM).");
            return null;
        }
        if (scan.Quotes % 2 != 0)
            log.Error(name, 0, "", "Filen har et anførselstegn (\") som ikke er lukket; felt med komma, linjeskift eller "
                + "anførselstegn må stå i anførselstegn, og anførselstegn i feltet skrives dobbelt (RFC 4180).");

        // The scan has shown the bytes are UTF-8, so the only mark the reader may meet and drop is UTF-8's.
        var text = new StreamReader(content.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: content.ReaderBufferBytes);
        var reader = Options.From(text);
        if (!reader.MoveNext())
        {
            reader.Dispose();
            text.Dispose();
            log.Error(name, 1, "", $"Filen er tom; forventet en overskriftsrad med kolonnene {string.Join(", ", required)}.");
            return null;
        }

        var header = reader.Current;
        var columns = new Dictionary<string, int>(header.ColCount, StringComparer.Ordinal);
        for (var i = 0; i < header.ColCount; i++)
        {
            var column = header[i].ToString();
            if (!columns.TryAdd(column, i))
                log.Error(name, 1, FindingLog.Shown(column),
                    $"Kolonnen {FindingLog.Shown(column)} står flere ganger i overskriften; hver kolonne kan stå én gang.");
            else if (!Contains(known, column))
                log.Warning(name, 1, FindingLog.Shown(column),
                    $"Ukjent kolonne {FindingLog.Shown(column)} blir ignorert; kjente kolonner er {string.Join(", ", known)}.");
        }
        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
                log.Error(name, 1, column, $"Kolonnen {column} mangler i overskriften; den er påkrevd i {name}.");
        }
        return new CsvTable(name, log, reader, text, columns, header.ColCount, (int)Math.Min(scan.LineFeeds, InputLimits.RowsPerFile));
    }

    /// <summary>The column with this name, or one with index -1 when the header lacks it.</summary>
    public CsvColumn Column(string name) => new(name, columns.GetValueOrDefault(name, -1));

    public bool Has(string name) => columns.ContainsKey(name);

    /// <summary>A finding about the header (line 1).</summary>
    public void HeaderError(string column, string message) => Log.Error(Name, 1, column, message);

    /// <summary>A finding about the current row; the row makes no record.</summary>
    public void RowError(string column, string message)
    {
        Log.Error(Name, Line, column, message);
        RowFailed = true;
    }

    public RowEnumerator GetEnumerator() => new(this);

    public void Dispose()
    {
        reader.Dispose();
        // The file's stream (a zip entry's inflater) goes with it.
        text.Dispose();
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Walks the data rows: skips blank lines, reports rows whose field count differs from the header's, and stops with a
    /// fatal finding past <see cref="InputLimits.RowsPerFile"/> rows.
    /// </summary>
    public ref struct RowEnumerator(CsvTable table)
    {
        public CsvRow Current { get; private set; }

        public bool MoveNext()
        {
            while (table.reader.MoveNext())
            {
                var row = table.reader.Current;
                if (row.ColCount == 1 && row.Span.IsEmpty) continue; // a blank line holds nothing to lose
                if (++table.rows > InputLimits.RowsPerFile)
                {
                    table.Log.Fatal(table.Name, row.LineNumberFrom, Invariant($"Filen har mer enn {InputLimits.RowsPerFile} rader; ")
                        + "ingen ekte leveranse har så mange. Del den i flere leveranser.");
                    return false;
                }
                table.Line = row.LineNumberFrom;
                table.RowFailed = false;
                if (row.ColCount != table.columnCount)
                {
                    table.RowError("", Invariant($"Raden har {row.ColCount} felt, men overskriften har {table.columnCount}; ")
                        + "sjekk kommaene og anførselstegnene i raden.");
                    continue;
                }
                Current = new CsvRow(row, table);
                return true;
            }
            return false;
        }
    }
}
