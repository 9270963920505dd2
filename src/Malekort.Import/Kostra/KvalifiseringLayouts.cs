using static Malekort.Import.Kostra.CodeLists;
using static Malekort.Import.Kostra.LayoutRows;

namespace Malekort.Import.Kostra;

/// <summary>
/// Skjema 11CF (kvalifiseringsstønad) record layouts. The 2025 table is written out, positions 1-based and inclusive as in
/// SSB's file description (<c>kostra-11F-11CF.md</c> §2.2): 152 characters, dates <c>ddMMyyyy</c>. 2024 is derived from it
/// by undoing the changelog (§2.3): no <c>FODSELSDATO</c> at 9–16, dates <c>ddMMyy</c>, 136 characters, nothing mandatory.
/// 2026 only renames YTELSE_INDIVIDSTONAD to YTELSE_TILTAKSPENGER (same position and code).
/// The mandatory marks are SSB's, but no rule reads them: 11CF has no rule 002 (<c>KvalifiseringMain</c> does not list it).
/// </summary>
internal static class KvalifiseringLayouts
{
    private const int FieldCount = (int)KvalifiseringField.AvslViktigsteInntekt + 1;

    public static KostraLayout Y2025 { get; } = KostraLayout.Build(KostraSkjema.Kvalifiseringsstonad, 2025, 152, FieldCount,
    [
        Row(KvalifiseringField.KommuneNr, "KOMMUNE_NR", 1, 4, Text, Mandatory),
        Row(KvalifiseringField.Version, "VERSION", 5, 6, Text, Mandatory),
        Row(KvalifiseringField.Bydelsnr, "BYDELSNR", 7, 8, Text),
        Row(KvalifiseringField.Fodselsdato, "FODSELSDATO", 9, 16, Date, Mandatory),
        Row(KvalifiseringField.PersonJournalnr, "PERSON_JOURNALNR", 17, 24, Text, Mandatory),
        Row(KvalifiseringField.PersonFodselsnr, "PERSON_FODSELSNR", 25, 35, Text, Mandatory),
        Row(KvalifiseringField.Kjonn, "KJONN", 36, 36, Text, Mandatory, Kjonn),
        Row(KvalifiseringField.Ektstat, "EKTSTAT", 37, 37, Text, Mandatory, Ektstat),
        Row(KvalifiseringField.Bu18, "BU18", 38, 38, Text, Mandatory, YesNo),
        Row(KvalifiseringField.Antbu18, "ANTBU18", 39, 40, Integer),
        Row(KvalifiseringField.RegDato, "REG_DATO", 41, 48, Date, Mandatory),
        Row(KvalifiseringField.VedtakDato, "VEDTAK_DATO", 49, 56, Date, Mandatory),
        Row(KvalifiseringField.BegyntDato, "BEGYNT_DATO", 57, 64, Date, Mandatory),
        Row(KvalifiseringField.KvpKomm, "KVP_KOMM", 65, 65, Text, YesNo),
        Row(KvalifiseringField.KommnrKvpKomm, "KOMMNR_KVP_KOMM", 66, 69, Text),
        Row(KvalifiseringField.YtelseSoshjelp, "YTELSE_SOSHJELP", 70, 70, Text, Own("1")),
        Row(KvalifiseringField.YtelseTypeSoshj, "YTELSE_TYPE_SOSHJ", 71, 71, Text, YtelseTypeSoshj),
        Row(KvalifiseringField.YtelseIntro, "YTELSE_INTRO", 72, 72, Text, Own("4")),
        Row(KvalifiseringField.YtelseIndividstonad, "YTELSE_INDIVIDSTONAD", 73, 73, Text, Own("5")),
        Row(KvalifiseringField.YtelseFolketrygdl, "YTELSE_FOLKETRYGDL", 74, 74, Text, Own("6")),
        Row(KvalifiseringField.KvpMedAstonad, "KVP_MED_ASTONAD", 75, 75, Text, YesNo),
        Row(KvalifiseringField.KvpMedKommbos, "KVP_MED_KOMMBOS", 76, 76, Text, Own("4")),
        Row(KvalifiseringField.KvpMedHusbankbos, "KVP_MED_HUSBANKBOS", 77, 77, Text, Own("5")),
        Row(KvalifiseringField.KvpMedSoshjEngang, "KVP_MED_SOSHJ_ENGANG", 78, 78, Text, Own("9")),
        Row(KvalifiseringField.KvpMedSoshjPgm, "KVP_MED_SOSHJ_PGM", 79, 79, Text, Own("8")),
        Row(KvalifiseringField.KvpMedSoshjSup, "KVP_MED_SOSHJ_SUP", 80, 80, Text, Own("7")),
        Row(KvalifiseringField.Stmnd1, "STMND_1", 81, 82, Text, Month(1)),
        Row(KvalifiseringField.Stmnd2, "STMND_2", 83, 84, Text, Month(2)),
        Row(KvalifiseringField.Stmnd3, "STMND_3", 85, 86, Text, Month(3)),
        Row(KvalifiseringField.Stmnd4, "STMND_4", 87, 88, Text, Month(4)),
        Row(KvalifiseringField.Stmnd5, "STMND_5", 89, 90, Text, Month(5)),
        Row(KvalifiseringField.Stmnd6, "STMND_6", 91, 92, Text, Month(6)),
        Row(KvalifiseringField.Stmnd7, "STMND_7", 93, 94, Text, Month(7)),
        Row(KvalifiseringField.Stmnd8, "STMND_8", 95, 96, Text, Month(8)),
        Row(KvalifiseringField.Stmnd9, "STMND_9", 97, 98, Text, Month(9)),
        Row(KvalifiseringField.Stmnd10, "STMND_10", 99, 100, Text, Month(10)),
        Row(KvalifiseringField.Stmnd11, "STMND_11", 101, 102, Text, Month(11)),
        Row(KvalifiseringField.Stmnd12, "STMND_12", 103, 104, Text, Month(12)),
        Row(KvalifiseringField.KvpStonad, "KVP_STONAD", 105, 111, Integer),
        Row(KvalifiseringField.Status, "STATUS", 112, 112, Text, Mandatory, Status),
        Row(KvalifiseringField.AvslDato, "AVSL_DATO", 113, 120, Date),
        Row(KvalifiseringField.AvslOrdinaertarb, "AVSL_ORDINAERTARB", 121, 122, Text, Own("01")),
        Row(KvalifiseringField.AvslArblonnstils, "AVSL_ARBLONNSTILS", 123, 124, Text, Own("11")),
        Row(KvalifiseringField.AvslArbmark, "AVSL_ARBMARK", 125, 126, Text, Own("03")),
        Row(KvalifiseringField.AvslSkole, "AVSL_SKOLE", 127, 128, Text, Own("04")),
        Row(KvalifiseringField.AvslUfore, "AVSL_UFORE", 129, 130, Text, Own("13")),
        Row(KvalifiseringField.AvslAap, "AVSL_AAP", 131, 132, Text, Own("14")),
        Row(KvalifiseringField.AvslOkAvklar, "AVSL_OK_AVKLAR", 133, 134, Text, Own("15")),
        Row(KvalifiseringField.AvslUtenOkAvklar, "AVSL_UTEN_OK_AVKLAR", 135, 136, Text, Own("16")),
        Row(KvalifiseringField.AvslAnnet, "AVSL_ANNET", 137, 138, Text, Own("10")),
        Row(KvalifiseringField.AvslUkjent, "AVSL_UKJENT", 139, 140, Text, Own("17")),
        Row(KvalifiseringField.AvslViktigsteInntekt, "AVSL_VIKTIGSTE_INNTEKT", 141, 142, Text, ViktigsteInntekt),
        Row(KvalifiseringField.Saksbehandler, "SAKSBEHANDLER", 143, 152, Text),
    ]);

    /// <summary>2024 is 2025 without the 2024→2025 changes (§2.3), 136 characters, as SSB's 2024 file description has it.</summary>
    public static KostraLayout Y2024 { get; } = Y2025.As2024(136);

    public static KostraLayout Y2026 { get; } =
        Y2025.ForYear(2026, ((int)KvalifiseringField.YtelseIndividstonad, "YTELSE_TILTAKSPENGER"));
}
