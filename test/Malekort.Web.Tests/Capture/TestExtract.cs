using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Malekort.Web.Capture;

/// <summary>
/// A small capture batch (format v1) for one unit and 2024: five persons, each paid social assistance in November and
/// December. <see cref="Cancel"/> turns a payment into ANNULLERT, as a corrected extract does; <see cref="BreakLine"/> writes
/// an impossible date into a payment, which rejects the batch.
/// </summary>
internal sealed class TestExtract(string unit, DateTimeOffset extractedAt)
{
    private readonly HashSet<string> cancelled = new(StringComparer.Ordinal);
    private string? brokenPayment;

    public const int Persons = 5;

    /// <summary>The id of person <paramref name="person"/>'s (1–5) December payment.</summary>
    public static string DecemberPayment(int person) => string.Create(CultureInfo.InvariantCulture, $"U{person:D2}12");

    public TestExtract Cancel(string paymentId)
    {
        cancelled.Add(paymentId);
        return this;
    }

    public TestExtract BreakLine(string paymentId)
    {
        brokenPayment = paymentId;
        return this;
    }

    public IReadOnlyDictionary<string, string> Files()
    {
        var persons = new StringBuilder("person_id,birth_date,sex\n");
        var payments = new StringBuilder("payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n");
        for (var p = 1; p <= Persons; p++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"P{p:D2},{1970 + p * 4}-0{p}-1{p},{(p % 2) + 1}\n");
            foreach (var month in new[] { 11, 12 })
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"U{p:D2}{month}");
                var status = cancelled.Contains(id) ? "ANNULLERT" : "UTBETALT";
                var date = id == brokenPayment ? "2024-13-05" : string.Create(CultureInfo.InvariantCulture, $"2024-{month}-05");
                payments.Append(CultureInfo.InvariantCulture,
                    $"{id},P{p:D2},SH,5000.00,{status},{date},2024-{month}-01,2024-{month}-{(month == 11 ? 30 : 31)},\n");
            }
        }
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["batch.json"] = $$"""
                {
                  "format": "malekort-capture",
                  "version": 1,
                  "source_system": "Testsystem 1.0",
                  "unit": "{{unit}}",
                  "period_from": "2024-01-01",
                  "period_to": "2024-12-31",
                  "extracted_at": "{{extractedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"
                }
                """,
            ["persons.csv"] = persons.ToString(),
            ["benefit_types.csv"] = "code,name,category\nSH,Livsopphold,OKONOMISK_SOSIALHJELP\n",
            ["payments.csv"] = payments.ToString(),
        };
    }

    /// <summary>The batch as a zip's bytes.</summary>
    public byte[] ZipBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in Files())
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Writes the zip somewhere else and moves it in, as a careful sender does, so the watcher sees it whole.</summary>
    public string DropZip(string folder, string name)
    {
        var staging = Path.Combine(Path.GetTempPath(), "malekort-staging-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(staging, ZipBytes());
        var target = Path.Combine(folder, name);
        File.Move(staging, target);
        return target;
    }
}
