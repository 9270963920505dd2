using System.Text;
using Malekort.Import.Limits;

namespace Malekort.Import.Kostra;

/// <summary>No input makes the reader throw: seeded mutations of valid files and plain noise all end as findings.</summary>
public sealed class KostraRobustnessTests
{
    private static readonly string[] Numbers =
    [
        KostraRecordBuilder.Synthetic(new DateOnly(1966, 9, 19)),
        KostraRecordBuilder.Synthetic(new DateOnly(1990, 4, 2)),
        KostraRecordBuilder.Synthetic(new DateOnly(2003, 5, 5)),
    ];

    private static readonly byte[][] Seeds =
    [
        KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025), KostraRecordBuilder.Sosialhjelp(2025).Born(new DateOnly(1990, 4, 2))
            .Apply("PERSON_JOURNALNR=J2;BU18=1;ANTBU18=1;VILKARSOSLOV=1;UTBETDATO=01012025;UTBETTOMDATO=31012025;VILKARSAMT=08")),
        KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2024), KostraRecordBuilder.Sosialhjelp(2024).Born(new DateOnly(2003, 5, 5))
            .Apply("PERSON_JOURNALNR=J2;PERSON_FODSELSNR=;PERSON_DUF=123456789002")),
        KostraFixture.File(KostraRecordBuilder.Kvalifisering(2025), KostraRecordBuilder.Kvalifisering(2025, "030101")),
        KostraFixture.File(KostraRecordBuilder.Kvalifisering(2024)
            .Apply("STATUS=3;AVSL_DATO=300624;AVSL_AAP=14;AVSL_VIKTIGSTE_INNTEKT=14")),
        " "u8.ToArray(),
    ];

    [Fact]
    public void Seeded_mutations_of_valid_files_never_throw_and_never_show_a_fodselsnummer()
    {
        var random = new Random(20250311);
        var reader = KostraFixture.Reader();
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var content = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var name = random.Next(4) == 0 ? "KOSTRA_11F_3107_2025.dat" : "uttrekk.dat";

            var result = reader.Read(name, content);

            Assert.NotNull(result.Findings);
            if (result.Accepted)
            {
                accepted++;
                var batch = result.Value!;
                Assert.All(batch.Payments, p => Assert.InRange(p.PaymentDate!.Value, batch.Header.PeriodFrom, batch.Header.PeriodTo));
            }
            else Assert.Contains(result.Findings, f => f.Rejects);
            foreach (var finding in result.Findings)
            {
                foreach (var number in Numbers) Assert.DoesNotContain(number, finding.Message, StringComparison.Ordinal);
            }
        }
        // Some mutations (a changed journal number or amount) keep the file valid; the test must reach the mapping too.
        Assert.InRange(accepted, 100, 19_000);
    }

    [Fact]
    public void Noise_never_throws()
    {
        var random = new Random(7);
        var reader = KostraFixture.Reader();
        for (var i = 0; i < 2_000; i++)
        {
            var length = random.Next(0, 1200);
            var content = new byte[length];
            random.NextBytes(content);
            if (random.Next(2) == 0)
            {
                // Printable noise cut into lines of KOSTRA lengths reaches the rules instead of stopping at rule 001.
                var width = new[] { 324, 338, 136, 152 }[random.Next(4)];
                var text = new StringBuilder();
                for (var line = 0; line < random.Next(1, 4); line++)
                {
                    text.Append(random.Next(2) == 0 ? "3107" : "0301").Append(random.Next(20, 30));
                    for (var c = 6; c < width; c++) text.Append((char)random.Next(0x20, 0x7F));
                    text.Append("\r\n");
                }
                content = Encoding.Latin1.GetBytes(text.ToString());
            }

            var result = reader.Read("noise.dat", content);

            Assert.False(result.Accepted && result.Value is null);
            Assert.Equal(result.Accepted, !result.Findings.Any(f => f.Rejects));
        }
    }

    [Fact]
    public void One_record_repeated_twenty_thousand_times_is_reported_within_the_caps()
    {
        var records = Enumerable.Repeat<object>(KostraRecordBuilder.Sosialhjelp(2025), 20_000).ToArray();

        var result = KostraFixture.Read(records);

        Assert.False(result.Accepted);
        Assert.Equal(InputLimits.FindingsPerKind + 1, result.Findings.Count(f => f.Rule == "005A"));
        Assert.Equal(InputLimits.FindingsPerKind + 1, result.Findings.Count(f => f.Rule == "005B"));
        Assert.EndsWith("og 19994 poster til; hver skal bare stå én gang.", result.Findings.First(f => f.Rule == "005B").Message,
            StringComparison.Ordinal);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = (byte)"0123456789 "[random.Next(11)]; break;
                case 2: bytes.Insert(at, (byte)"\t\r\n 0"[random.Next(5)]); break;
                case 3: bytes.RemoveAt(at); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5: bytes.InsertRange(at, bytes.GetRange(0, Math.Min(bytes.Count, random.Next(400)))); break;
                default:
                    // Swap two digits in place: keeps the length, so the record reaches the rules and the mapping.
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
            }
        }
        return [.. bytes];
    }
}
