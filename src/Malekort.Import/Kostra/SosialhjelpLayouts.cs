using static Malekort.Import.Kostra.CodeLists;
using static Malekort.Import.Kostra.LayoutRows;

namespace Malekort.Import.Kostra;

/// <summary>
/// Skjema 11F (økonomisk sosialhjelp) record layouts. The 2025 table is written out, positions 1-based and inclusive as in
/// SSB's file description (<c>kostra-11F-11CF.md</c> §2.1; kravspesifikasjon/file_description_11F_2026.yaml): 338 characters,
/// dates <c>ddMMyyyy</c>, many fields mandatory. 2024 is derived from it by undoing the changelog (§2.3; the result matches
/// file_description_11F_2024.md): no <c>FODSELSDATO</c> at 9–16, dates <c>ddMMyy</c>, 324 characters, nothing mandatory.
/// 2026 has no changes.
/// </summary>
internal static class SosialhjelpLayouts
{
    private const int FieldCount = (int)SosialhjelpField.Sanksjonandre + 1;

    public static KostraLayout Y2025 { get; } = KostraLayout.Build(KostraSkjema.OkonomiskSosialhjelp, 2025, 338, FieldCount,
    [
        Row(SosialhjelpField.KommuneNr, "KOMMUNE_NR", 1, 4, Text, Mandatory),
        Row(SosialhjelpField.Version, "VERSION", 5, 6, Text, Mandatory),
        // SSB's table marks BYDELSNR mandatory, but rule 003 wants it blank outside Oslo; the rule wins (brief, §2.1 (*)).
        Row(SosialhjelpField.Bydelsnr, "BYDELSNR", 7, 8, Text),
        Row(SosialhjelpField.Fodselsdato, "FODSELSDATO", 9, 16, Date, Mandatory),
        Row(SosialhjelpField.PersonJournalnr, "PERSON_JOURNALNR", 17, 24, Text, Mandatory),
        Row(SosialhjelpField.PersonFodselsnr, "PERSON_FODSELSNR", 25, 35, Text),
        Row(SosialhjelpField.PersonDuf, "PERSON_DUF", 36, 47, Text),
        Row(SosialhjelpField.Kjonn, "KJONN", 48, 48, Text, Mandatory, Kjonn),
        Row(SosialhjelpField.Ektstat, "EKTSTAT", 49, 49, Text, Mandatory, Ektstat),
        Row(SosialhjelpField.Bu18, "BU18", 50, 50, Text, Mandatory, YesNo),
        Row(SosialhjelpField.Antbu18, "ANTBU18", 51, 52, Integer),
        Row(SosialhjelpField.Vklo, "VKLO", 53, 53, Text, Mandatory, Vklo),
        Row(SosialhjelpField.Trygdesit, "TRYGDESIT", 54, 55, Text, Mandatory, Trygdesit),
        Row(SosialhjelpField.Arbsit, "ARBSIT", 56, 57, Text, Mandatory, Arbsit),
        Row(SosialhjelpField.Stmnd1, "STMND_1", 58, 59, Text, Month(1)),
        Row(SosialhjelpField.Stmnd2, "STMND_2", 60, 61, Text, Month(2)),
        Row(SosialhjelpField.Stmnd3, "STMND_3", 62, 63, Text, Month(3)),
        Row(SosialhjelpField.Stmnd4, "STMND_4", 64, 65, Text, Month(4)),
        Row(SosialhjelpField.Stmnd5, "STMND_5", 66, 67, Text, Month(5)),
        Row(SosialhjelpField.Stmnd6, "STMND_6", 68, 69, Text, Month(6)),
        Row(SosialhjelpField.Stmnd7, "STMND_7", 70, 71, Text, Month(7)),
        Row(SosialhjelpField.Stmnd8, "STMND_8", 72, 73, Text, Month(8)),
        Row(SosialhjelpField.Stmnd9, "STMND_9", 74, 75, Text, Month(9)),
        Row(SosialhjelpField.Stmnd10, "STMND_10", 76, 77, Text, Month(10)),
        Row(SosialhjelpField.Stmnd11, "STMND_11", 78, 79, Text, Month(11)),
        Row(SosialhjelpField.Stmnd12, "STMND_12", 80, 81, Text, Month(12)),
        Row(SosialhjelpField.Bidrag, "BIDRAG", 82, 88, Integer, Mandatory),
        Row(SosialhjelpField.Laan, "LAAN", 89, 95, Integer, Mandatory),
        Row(SosialhjelpField.BidragJan, "BIDRAG_JAN", 96, 102, Integer),
        Row(SosialhjelpField.LaanJan, "LAAN_JAN", 103, 109, Integer),
        Row(SosialhjelpField.BidragFeb, "BIDRAG_FEB", 110, 116, Integer),
        Row(SosialhjelpField.LaanFeb, "LAAN_FEB", 117, 123, Integer),
        Row(SosialhjelpField.BidragMars, "BIDRAG_MARS", 124, 130, Integer),
        Row(SosialhjelpField.LaanMars, "LAAN_MARS", 131, 137, Integer),
        Row(SosialhjelpField.BidragApril, "BIDRAG_APRIL", 138, 144, Integer),
        Row(SosialhjelpField.LaanApril, "LAAN_APRIL", 145, 151, Integer),
        Row(SosialhjelpField.BidragMai, "BIDRAG_MAI", 152, 158, Integer),
        Row(SosialhjelpField.LaanMai, "LAAN_MAI", 159, 165, Integer),
        Row(SosialhjelpField.BidragJuni, "BIDRAG_JUNI", 166, 172, Integer),
        Row(SosialhjelpField.LaanJuni, "LAAN_JUNI", 173, 179, Integer),
        Row(SosialhjelpField.BidragJuli, "BIDRAG_JULI", 180, 186, Integer),
        Row(SosialhjelpField.LaanJuli, "LAAN_JULI", 187, 193, Integer),
        Row(SosialhjelpField.BidragAug, "BIDRAG_AUG", 194, 200, Integer),
        Row(SosialhjelpField.LaanAug, "LAAN_AUG", 201, 207, Integer),
        Row(SosialhjelpField.BidragSept, "BIDRAG_SEPT", 208, 214, Integer),
        Row(SosialhjelpField.LaanSept, "LAAN_SEPT", 215, 221, Integer),
        Row(SosialhjelpField.BidragOkt, "BIDRAG_OKT", 222, 228, Integer),
        Row(SosialhjelpField.LaanOkt, "LAAN_OKT", 229, 235, Integer),
        Row(SosialhjelpField.BidragNov, "BIDRAG_NOV", 236, 242, Integer),
        Row(SosialhjelpField.LaanNov, "LAAN_NOV", 243, 249, Integer),
        Row(SosialhjelpField.BidragDes, "BIDRAG_DES", 250, 256, Integer),
        Row(SosialhjelpField.LaanDes, "LAAN_DES", 257, 263, Integer),
        Row(SosialhjelpField.GittOkonomirad, "GITT_OKONOMIRAD", 264, 264, Text, Mandatory, YesNo),
        Row(SosialhjelpField.FaatIndividuellPlan, "FAAT_INDIVIDUELL_PLAN", 265, 265, Text, Mandatory, YesNo),
        Row(SosialhjelpField.Saksbehandler, "SAKSBEHANDLER", 266, 275, Text, Mandatory),
        Row(SosialhjelpField.Bosit, "BOSIT", 276, 276, Text, Mandatory, Bosit),
        Row(SosialhjelpField.Vilkarsoslov, "VILKARSOSLOV", 277, 277, Text, Mandatory, YesNo),
        Row(SosialhjelpField.Vilkarsamekt, "VILKARSAMEKT", 278, 278, Text, Mandatory, YesNo),
        Row(SosialhjelpField.Utbetdato, "UTBETDATO", 279, 286, Date),
        Row(SosialhjelpField.Utbettomdato, "UTBETTOMDATO", 287, 294, Date),
        Row(SosialhjelpField.Vilkararbeid, "VILKARARBEID", 295, 296, Text, Own("16")),
        Row(SosialhjelpField.Vilkarkurs, "VILKARKURS", 297, 298, Text, Own("17")),
        Row(SosialhjelpField.Vilkarutd, "VILKARUTD", 299, 300, Text, Own("04")),
        Row(SosialhjelpField.Vilkarjobblog, "VILKARJOBBLOG", 301, 302, Text, Own("06")),
        Row(SosialhjelpField.Vilkarjobbtilb, "VILKARJOBBTILB", 303, 304, Text, Own("07")),
        Row(SosialhjelpField.Vilkarsamt, "VILKARSAMT", 305, 306, Text, Own("08")),
        Row(SosialhjelpField.Vilkarokrett, "VILKAROKRETT", 307, 308, Text, Own("10")),
        Row(SosialhjelpField.Vilkarlivsh, "VILKARLIVSH", 309, 310, Text, Own("18")),
        Row(SosialhjelpField.Vilkarhelse, "VILKARHELSE", 311, 312, Text, Own("14")),
        Row(SosialhjelpField.Vilkarannet, "VILKARANNET", 313, 314, Text, Own("15")),
        Row(SosialhjelpField.Vilkardigplan, "VILKARDIGPLAN", 315, 316, Text, Own("19")),
        Row(SosialhjelpField.Vilkarnorsksamiskoppl, "VILKARNORSKSAMISKOPPL", 317, 318, Text, Own("20")),
        Row(SosialhjelpField.Vedtakdato, "VEDTAKDATO", 319, 326, Date),
        Row(SosialhjelpField.Vedtakarb, "VEDTAKARB", 327, 328, Text, Own("01")),
        Row(SosialhjelpField.Vedtakakt, "VEDTAKAKT", 329, 330, Text, Own("02")),
        Row(SosialhjelpField.Vedtakhelse, "VEDTAKHELSE", 331, 332, Text, Own("03")),
        Row(SosialhjelpField.Vedtakgrunn, "VEDTAKGRUNN", 333, 334, Text, Own("04")),
        Row(SosialhjelpField.Sanksjonred, "SANKSJONRED", 335, 336, Text, Own("01")),
        Row(SosialhjelpField.Sanksjonandre, "SANKSJONANDRE", 337, 338, Text, Own("02")),
    ]);

    /// <summary>2024 is 2025 without the 2024→2025 changes (§2.3), 324 characters, as SSB's 2024 file description has it.</summary>
    public static KostraLayout Y2024 { get; } = Y2025.As2024(324);

    /// <summary>The 2025→2026 changelog says "Ingen endringer".</summary>
    public static KostraLayout Y2026 { get; } = Y2025.ForYear(2026);
}
