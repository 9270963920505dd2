using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Malekort.Reliability.Bombs;

/// <summary>
/// The hostile inputs of issue 13, written to disk at the size asked for: a zip of a million identical payment rows (240 KB
/// then), a zip of millions of broken rows (30 million findings then), a zip bomb, a zip of a million empty entries, a file
/// over the row limit, and Digisos JSON nested thousands deep.
/// </summary>
internal static class HostileInputs
{
    private const string PaymentsHeader = "payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n";

    public static string DuplicateRows(string folder, int rows) => Batch(folder, "duplikater.zip", zip =>
        WriteLines(zip, "payments.csv", PaymentsHeader, rows, _ => "U1,P001,LIVOPP,7250.00,UTBETALT,2024-02-01,,,S1"));

    /// <summary>Every row breaks six rules (unknown person and type, negative amount, unknown status, impossible dates).</summary>
    public static string BrokenRows(string folder, int rows) => Batch(folder, "funn.zip", zip =>
        WriteLines(zip, "payments.csv", PaymentsHeader, rows,
            i => string.Create(CultureInfo.InvariantCulture, $"X{i},Q{i % 99991},T{i % 97},-{i % 1000},S{i % 7},2024-13-{i % 28 + 1:D2},2024-02-30,2023-{i % 12 + 1:D2}-31,")));

    /// <summary>One entry of <paramref name="bytes"/> spaces: deflate makes it a thousand times smaller.</summary>
    public static string ZipBomb(string folder, long bytes) => Batch(folder, "bombe.zip", zip =>
    {
        using var entry = zip.CreateEntry("payments.csv", CompressionLevel.Fastest).Open();
        var block = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
        for (long written = 0; written < bytes; written += block.Length) entry.Write(block);
    });

    public static string ManyEntries(string folder, int entries) => Batch(folder, "oppforinger.zip", zip =>
    {
        for (var i = 0; i < entries; i++) zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"t{i}"));
    });

    public static string OverRowLimit(string folder, int rows) => Batch(folder, "rader.zip", zip =>
        WriteLines(zip, "persons.csv", "person_id,birth_date,sex\n", rows,
            i => string.Create(CultureInfo.InvariantCulture, $"P{i},19{i % 100:D2}-0{i % 9 + 1}-1{i % 10},{i % 2 + 1}")), withPersons: false);

    public static string DeepJson(string folder, int depth)
    {
        var path = Path.Combine(folder, "dyp.json");
        File.WriteAllText(path, "{\"fiksDigisosId\": \"x\", \"digisosSoker\": {\"hendelser\": " + new string('[', depth) + new string(']', depth) + "}}");
        return path;
    }

    private static string Batch(string folder, string name, Action<ZipArchive> content, bool withPersons = true)
    {
        var path = Path.Combine(folder, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var json = new StreamWriter(zip.CreateEntry("batch.json").Open()))
                json.Write("""{"format": "malekort-capture", "version": 1, "source_system": "Fiendtlig 1.0", "unit": "3107", "period_from": "2024-01-01", "period_to": "2024-12-31", "extracted_at": "2025-01-03T05:00:00Z"}""");
            using (var types = new StreamWriter(zip.CreateEntry("benefit_types.csv").Open()))
                types.Write("code,name,category\nLIVOPP,Livsopphold,OKONOMISK_SOSIALHJELP\n");
            if (withPersons)
            {
                using var persons = new StreamWriter(zip.CreateEntry("persons.csv").Open());
                persons.Write("person_id,birth_date,sex\nP001,1985-03-14,2\n");
            }
            content(zip);
        }
        return path;
    }

    private static void WriteLines(ZipArchive zip, string name, string header, int rows, Func<int, string> row)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        writer.Write(header);
        for (var i = 0; i < rows; i++)
        {
            writer.Write(row(i));
            writer.Write('\n');
        }
    }
}
