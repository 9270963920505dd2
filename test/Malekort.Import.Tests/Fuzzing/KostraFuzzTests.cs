using System.Text;
using Malekort.Capture;
using Malekort.Import.Kostra;

namespace Malekort.Import.Fuzzing;

/// <summary>The KOSTRA 11F/11CF reader over seeded mutations of valid records of every layout year, and the fixture file.</summary>
public sealed class KostraFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Kostra_reader_is_total_all_or_nothing_and_deterministic_over_mutated_files()
    {
        var reader = KostraFixture.Reader();
        using var target = new FileFuzzTarget<CaptureBatch>("kostra", Seeds(), reader.Read, CaptureInvariants.Canonical,
            (batch, input) => CaptureInvariants.Check(batch, input, "kostra-11F", "kostra-11CF"), personData: true,
            safetyNet: CaptureFuzzTarget.SafetyNet);

        new FuzzLoop(target, output).Run(FuzzSettings.CountPerFormat);
    }

    /// <summary>Valid files of both skjema in the 2024 and 2025 layouts, built by the KOSTRA tests' record builder, and SSB's sample.</summary>
    internal static List<FuzzSeed> Seeds()
    {
        var born = KostraRecordBuilder.Sosialhjelp(2025).Born(new DateOnly(1990, 4, 2));
        return
        [
            Seed("KOSTRA_11F_3107_2025.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2025), born
                .Apply("PERSON_JOURNALNR=J2;BU18=1;ANTBU18=1;VILKARSOSLOV=1;UTBETDATO=01012025;UTBETTOMDATO=31012025;VILKARSAMT=08"))),
            Seed("11F_2024.dat", KostraFixture.File(KostraRecordBuilder.Sosialhjelp(2024), KostraRecordBuilder.Sosialhjelp(2024)
                .Born(new DateOnly(2003, 5, 5)).Apply("PERSON_JOURNALNR=J2;PERSON_FODSELSNR=;PERSON_DUF=123456789002"))),
            Seed("KOSTRA_11CF_030101_2025.dat",
                KostraFixture.File(KostraRecordBuilder.Kvalifisering(2025, "030101"), KostraRecordBuilder.Kvalifisering(2025, "030101")
                    .Born(new DateOnly(1966, 9, 19)).Apply("PERSON_JOURNALNR=J2"))),
            Seed("11CF_2024.dat", KostraFixture.File(KostraRecordBuilder.Kvalifisering(2024)
                .Apply("STATUS=3;AVSL_DATO=300624;AVSL_AAP=14;AVSL_VIKTIGSTE_INNTEKT=14"))),
            Seed("ssb-kvalifisering-minimal-2024.dat",
                File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kostra", "ssb-kvalifisering-minimal-2024.dat"))),
            Seed("KOSTRA_11F_3101_2025.dat", " "u8.ToArray()),
        ];
    }

    private static FuzzSeed Seed(string name, byte[] bytes) => new(name, bytes, SeedShape.FixedWidth, Latin1: true);
}
