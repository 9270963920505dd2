using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Malekort.Reliability.Soak;

/// <summary>
/// The extracts a soak sends, by upload and by drop folder: for each of some units a small valid batch of its latest month
/// (a new one the first time, then the same content again, which the server recognises and leaves be), and one broken batch
/// that is rejected every time. The store grows only in the first round, so memory can show a leak rather than more data.
/// </summary>
internal sealed class Deliveries
{
    private readonly List<(string Unit, byte[] Zip, bool Valid)> items = [];

    public Deliveries(IEnumerable<string> units, DateTimeOffset extractedAt)
    {
        foreach (var unit in units) items.Add((unit, Zip(unit, extractedAt, broken: false), true));
        items.Add((items[0].Unit, Zip(items[0].Unit, extractedAt, broken: true), false));
    }

    public int Count => items.Count;

    public (string Unit, byte[] Zip, bool Valid) this[int index] => items[index % items.Count];

    private static byte[] Zip(string unit, DateTimeOffset extractedAt, bool broken)
    {
        var persons = new StringBuilder("person_id,birth_date,sex\n");
        var payments = new StringBuilder("payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n");
        for (var p = 1; p <= 20; p++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"SOAK{p:D3},{1960 + p}-03-1{p % 10},{1 + (p % 2)}\n");
            payments.Append(CultureInfo.InvariantCulture,
                $"SOAK-{unit}-{p:D3},SOAK{p:D3},SH,{4000 + p}.00,UTBETALT,{(broken && p == 7 ? "2024-13-05" : "2024-12-05")},2024-12-01,2024-12-31,\n");
        }
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["batch.json"] = $$"""
                {"format": "malekort-capture", "version": 1, "source_system": "Soak 1.0", "unit": "{{unit}}",
                 "period_from": "2024-12-01", "period_to": "2024-12-31",
                 "extracted_at": "{{extractedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"}
                """,
            ["persons.csv"] = persons.ToString(),
            ["benefit_types.csv"] = "code,name,category\nSH,Livsopphold,OKONOMISK_SOSIALHJELP\n",
            ["payments.csv"] = payments.ToString(),
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
