using Malekort.Capture;

namespace Malekort.Cli.Synthetic;

/// <summary>A code in a generated source-system code list.</summary>
internal sealed record SourceCode(string Code, string Name, BenefitCategory Category);

/// <summary>
/// The code lists a generated batch carries (benefit_types.csv, case_types.csv), shaped like a municipal case
/// system's own lists: numeric stønadstype codes with Norwegian names, each classified by category.
/// </summary>
internal static class CodeLists
{
    // Indexes into BenefitTypes; rows store the index, the CSV the code.
    public const byte Livsopphold = 0;
    public const byte LivsoppholdSupplerende = 1;
    public const byte Husleie = 2;
    public const byte Strom = 3;
    public const byte Tannbehandling = 4;
    public const byte Helseutgifter = 5;
    public const byte Nodhjelp = 6;
    public const byte Etablering = 7;
    public const byte LanDepositum = 8;
    public const byte LanLivsopphold = 9;
    public const byte Kvalifiseringsstonad = 10;
    public const byte KvalifiseringsstonadBarnetillegg = 11;
    public const byte Stottekontakt = 12;
    public const byte MidlertidigBotilbud = 13;

    public static IReadOnlyList<SourceCode> BenefitTypes { get; } =
    [
        new("100", "Livsopphold", BenefitCategory.OkonomiskSosialhjelp),
        new("110", "Livsopphold, supplerende", BenefitCategory.OkonomiskSosialhjelp),
        new("120", "Husleie", BenefitCategory.OkonomiskSosialhjelp),
        new("130", "Strøm og oppvarming", BenefitCategory.OkonomiskSosialhjelp),
        new("140", "Tannbehandling", BenefitCategory.OkonomiskSosialhjelp),
        new("150", "Medisiner og helseutgifter", BenefitCategory.OkonomiskSosialhjelp),
        new("160", "Nødhjelp", BenefitCategory.OkonomiskSosialhjelp),
        new("170", "Etablering, innbo og utstyr", BenefitCategory.OkonomiskSosialhjelp),
        new("180", "Lån, depositum", BenefitCategory.OkonomiskSosialhjelp),
        new("181", "Lån, livsopphold", BenefitCategory.OkonomiskSosialhjelp),
        new("200", "Kvalifiseringsstønad", BenefitCategory.Kvalifiseringsstonad),
        new("210", "Kvalifiseringsstønad, barnetillegg", BenefitCategory.Kvalifiseringsstonad),
        new("300", "Støttekontakt, godtgjøring", BenefitCategory.Annet),
        new("310", "Midlertidig botilbud, kommunalt", BenefitCategory.Annet),
    ];

    public const byte SoknadOkonomiskStonad = 0;
    public const byte Fornyelse = 1;
    public const byte SoknadNodhjelp = 2;
    public const byte SoknadKvp = 3;
    public const byte SoknadBotilbud = 4;
    public const byte OkonomiskRadgivning = 5;

    public static IReadOnlyList<SourceCode> CaseTypes { get; } =
    [
        new("SOS", "Søknad om økonomisk stønad", BenefitCategory.OkonomiskSosialhjelp),
        new("SOSF", "Søknad om økonomisk stønad, fornyelse", BenefitCategory.OkonomiskSosialhjelp),
        new("NOD", "Søknad om nødhjelp", BenefitCategory.OkonomiskSosialhjelp),
        new("KVP", "Søknad om kvalifiseringsprogram", BenefitCategory.Annet),
        new("BOL", "Søknad om midlertidig botilbud", BenefitCategory.Annet),
        new("OKR", "Økonomisk rådgivning", BenefitCategory.Annet),
    ];
}
