using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Units;
using static System.FormattableString;
using F = Malekort.Import.Kostra.KvalifiseringField;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's rules for skjema 11CF, kvalifiseringsstønad (<c>kostra-11F-11CF.md</c> §3.4), with SSB's severities.
/// 11CF has no rule 002 (<c>KvalifiseringMain</c> does not list it). Rules 005A, 005B and 014–016 skip Oslo's districts,
/// as SSB's code does.
/// </summary>
internal static class KvalifiseringRules
{
    public static readonly KostraRule R005A = new("005A", Severity.Error, "Fødselsnummer og status, dubletter");
    public static readonly KostraRule R005B = new("005B", Severity.Error, "Journalnummer, dubletter");
    public static readonly KostraRule R006 = new("006", Severity.Error, "Alder under 18 år");
    public static readonly KostraRule R007 = new("007", Severity.Warning, "Alder over 68 år");
    public static readonly KostraRule R014 = new("014", Severity.Error, "Registreringsdato");
    public static readonly KostraRule R015 = new("015", Severity.Error, "Vedtaksdato");
    public static readonly KostraRule R016 = new("016", Severity.Error, "Begynnelsesdato");
    public static readonly KostraRule R019 = new("019", Severity.Error, "Kvalifiseringsprogram i annen kommune");
    public static readonly KostraRule R020 = new("020", Severity.Error, "Kvalifiseringsprogram i annen kommune, kommunenummer");
    public static readonly KostraRule R021 = new("021", Severity.Error, "Ytelser de siste to månedene før søknaden");
    public static readonly KostraRule R026 = new("026", Severity.Error, "Mottatt støtte i perioden med KVP");
    public static readonly KostraRule R027 = new("027", Severity.Error, "Mottatt økonomisk sosialhjelp, kommunal eller statlig bostøtte");
    public static readonly KostraRule R028 = new("028", Severity.Warning, "Måneder med kvalifiseringsstønad");
    public static readonly KostraRule R029 = new("029", Severity.Warning, "Kvalifiseringsstønad mangler");
    public static readonly KostraRule R030 = new("030", Severity.Warning, "Har varighet, men mangler kvalifiseringsstønad");
    public static readonly KostraRule R031 = new("031", Severity.Warning, "Har kvalifiseringsstønad, men mangler varighet");
    public static readonly KostraRule R032 = new("032", Severity.Warning, "Kvalifiseringsstønad over 600 000 kroner");
    public static readonly KostraRule R036 = new("036", Severity.Error, "Status for deltakelsen");
    public static readonly KostraRule R037 = new("037", Severity.Error, "Dato for avsluttet program");
    public static readonly KostraRule R038 = new("038", Severity.Error, "Situasjon etter fullført eller avsluttet program");
    public static readonly KostraRule R039 = new("039", Severity.Error, "Viktigste inntektskilde etter fullført program");

    /// <summary>Every 11CF rule, the common ones first (11CF has no 002).</summary>
    public static IReadOnlyList<KostraRule> All { get; } =
    [
        .. CommonRules.All, R005A, R005B, R006, R007, R014, R015, R016, R019, R020, R021, R026, R027, R028, R029, R030, R031, R032,
        R036, R037, R038, R039,
    ];

    /// <summary>KVP_STONAD above this makes rule 032 warn.</summary>
    public const int MaxStonad = 600_000;

    /// <summary>REG_DATO, VEDTAK_DATO and BEGYNT_DATO may be at most this many years before the reporting year (rules 014–016).</summary>
    public const int MaxYearsBack = 4;

    /// <summary>The situation fields after the programme (AVSL_*), in file order; each holds its own code when ticked.</summary>
    public static readonly F[] Situations =
    [
        F.AvslOrdinaertarb, F.AvslArblonnstils, F.AvslArbmark, F.AvslSkole, F.AvslUfore, F.AvslAap, F.AvslOkAvklar,
        F.AvslUtenOkAvklar, F.AvslAnnet, F.AvslUkjent,
    ];

    private static readonly F[] AlsoReceived =
        [F.KvpMedKommbos, F.KvpMedHusbankbos, F.KvpMedSoshjEngang, F.KvpMedSoshjPgm, F.KvpMedSoshjSup];

    /// <summary>Every per-record rule, common ones included.</summary>
    public static void Check(in KostraRecord r, RuleContext context, RuleReport report)
    {
        CommonRules.Check(r, context, report, fnrMayBeBlank: false);
        var line = r.LineNumber;

        // SSB: age from the birth date, and no finding when it cannot be derived (§3.4 rule 006).
        if (CommonRules.BirthDate(r) is { } birth)
        {
            var age = context.Year - birth.Year;
            var column = CommonRules.BirthDateColumn(r);
            if (age < 18) report.Add(R006, line, column, Invariant($"Deltakeren er {age} år, altså under 18 år."));
            if (age > 68) report.Add(R007, line, column, Invariant($"Deltakeren er {age} år, altså over 68 år."));
        }

        if (!context.IsOslo)
        {
            EarlyDate(r, F.RegDato, R014, context, report, "søknaden ble registrert ved NAV-kontoret");
            EarlyDate(r, F.VedtakDato, R015, context, report, "det ble fattet vedtak om program");
            if (EarlyDate(r, F.BegyntDato, R016, context, report, "deltakeren begynte i program") is { } start && start.Year > context.Year)
                report.Add(R016, line, "BEGYNT_DATO", Invariant($"Deltakeren begynte i program {start:dd.MM.yyyy}, etter utgangen av ")
                    + Invariant($"rapporteringsåret {context.Year}."));
        }

        if (!r.InCodeList((int)F.KvpKomm))
            report.Add(R019, line, "KVP_KOMM", $"Svaret på om deltakeren kommer fra KVP i en annen kommune (KVP_KOMM) er "
                + $"{r.Shown((int)F.KvpKomm)}; forventet 1 (ja) eller 2 (nei).");
        if (r.Is((int)F.KvpKomm, "1") && !IsMunicipalityOrUnknown(r[F.KommnrKvpKomm]))
            report.Add(R020, line, "KOMMNR_KVP_KOMM", "Deltakeren kommer fra KVP i en annen kommune, men kommunenummeret "
                + "(KOMMNR_KVP_KOMM) "
                + $"er {r.Shown((int)F.KommnrKvpKomm)}; forventet et kommunenummer eller 9999 (uoppgitt).");
        if (r.Is((int)F.YtelseSoshjelp, "1") && !r.InCodeList((int)F.YtelseTypeSoshj))
            report.Add(R021, line, "YTELSE_TYPE_SOSHJ", "Deltakeren hadde sosialhjelp de siste to månedene før søknaden, men typen "
                + $"(YTELSE_TYPE_SOSHJ) er {r.Shown((int)F.YtelseTypeSoshj)}; forventet 2 (viktigste kilde) eller 3 (supplerende).");

        if (!r.InCodeList((int)F.KvpMedAstonad))
            report.Add(R026, line, "KVP_MED_ASTONAD", "Svaret på om deltakeren også fikk økonomisk sosialhjelp eller bostøtte "
                + "i perioden "
                + $"(KVP_MED_ASTONAD) er {r.Shown((int)F.KvpMedAstonad)}; forventet 1 (ja) eller 2 (nei).");
        var anyAlso = false;
        foreach (var field in AlsoReceived) anyAlso |= r.IsTicked((int)field);
        if (r.Is((int)F.KvpMedAstonad, "1") && !anyAlso)
            report.Add(R027, line, "KVP_MED_ASTONAD", "Det er svart ja på annen støtte i perioden (KVP_MED_ASTONAD = 1), men ingen av "
                + "støttetypene (KVP_MED_KOMMBOS–KVP_MED_SOSHJ_SUP) er krysset av.");
        if (r.Is((int)F.KvpMedAstonad, "2") && anyAlso)
            report.Add(R027, line, "KVP_MED_ASTONAD", "Det er svart nei på annen støtte i perioden (KVP_MED_ASTONAD = 2), men én "
                + "eller flere "
                + "støttetyper (KVP_MED_KOMMBOS–KVP_MED_SOSHJ_SUP) er krysset av.");

        Payments(r, report);
        Ending(r, context, report);
    }

    private static void Payments(in KostraRecord r, RuleReport report)
    {
        var line = r.LineNumber;
        var anyMonth = false;
        for (var m = 0; m < 12; m++) anyMonth |= r.IsTicked((int)F.Stmnd1 + m);
        var state = r.Integer((int)F.KvpStonad, out var stonad);
        var positive = state == IntegerState.Valid && stonad > 0;
        var onLeave = r.Is((int)F.Status, "2");
        var inProgramme = r.Is((int)F.Status, "1");
        if (!onLeave && !anyMonth)
            report.Add(R028, line, "STMND_1", "Det er ikke krysset av for noen måned med kvalifiseringsstønad (STMND_1–STMND_12), og "
                + "deltakeren er ikke i permisjon (STATUS 2).");
        if (inProgramme && !positive)
            report.Add(R029, line, "KVP_STONAD", "Deltakeren er fortsatt i program (STATUS 1), men kvalifiseringsstønaden "
                + "(KVP_STONAD) er "
                + $"{r.Shown((int)F.KvpStonad)}; forventet et beløp over 0.");
        if (!onLeave && anyMonth && state == IntegerState.Blank)
            report.Add(R030, line, "KVP_STONAD",
                "Det er krysset av for måneder med kvalifiseringsstønad, men beløpet (KVP_STONAD) mangler.");
        if (inProgramme && positive && !anyMonth)
            report.Add(R031, line, "STMND_1", Invariant($"Det er utbetalt {stonad} kroner i kvalifiseringsstønad, men ingen måned ")
                + "(STMND_1–STMND_12) er krysset av.");
        if (state == IntegerState.Valid && stonad > MaxStonad)
            report.Add(R032, line, "KVP_STONAD",
                Invariant($"Kvalifiseringsstønaden er {stonad} kroner, over {MaxStonad} kroner; er det riktig?"));
    }

    private static void Ending(in KostraRecord r, RuleContext context, RuleReport report)
    {
        var line = r.LineNumber;
        if (!r.InCodeList((int)F.Status))
            report.Add(R036, line, "STATUS", $"Status for deltakelsen (STATUS) er {r.Shown((int)F.Status)}; forventet 1–7.");
        var ended = r.Is((int)F.Status, "3") || r.Is((int)F.Status, "4") || r.Is((int)F.Status, "5") || r.Is((int)F.Status, "7");
        if (ended && (r.Date((int)F.AvslDato) is not { } end || end.Year != context.Year))
            report.Add(R037, line, "AVSL_DATO", $"Deltakelsen er avsluttet (STATUS {r[F.Status]}), men avslutningsdatoen (AVSL_DATO) er "
                + Invariant($"{r.Shown((int)F.AvslDato)}; forventet en gyldig dato i {context.Year}."));
        if (r.Is((int)F.Status, "3") || r.Is((int)F.Status, "7"))
        {
            var anySituation = false;
            foreach (var field in Situations) anySituation |= r.IsTicked((int)field);
            if (!anySituation)
                report.Add(R038, line, "AVSL_ORDINAERTARB", $"Programmet er fullført eller avsluttet (STATUS {r[F.Status]}), men "
                    + "situasjonen "
                    + "etter avslutningen (AVSL_ORDINAERTARB–AVSL_UKJENT) er ikke krysset av.");
        }
        if (r.Is((int)F.Status, "3") && !r.InCodeList((int)F.AvslViktigsteInntekt))
            report.Add(R039, line, "AVSL_VIKTIGSTE_INNTEKT", "Programmet er fullført (STATUS 3), men viktigste inntektskilde etter "
                + "avslutningen "
                + $"(AVSL_VIKTIGSTE_INNTEKT) er {r.Shown((int)F.AvslViktigsteInntekt)}; forventet én av "
                + $"{string.Join(", ", CodeLists.ViktigsteInntekt)}.");
    }

    /// <summary>Rules 014–016: a valid date, at most four years before the reporting year. Returns the date when valid.</summary>
    private static DateOnly? EarlyDate(in KostraRecord r, F field, KostraRule rule, RuleContext context, RuleReport report, string what)
    {
        var name = r.Name((int)field);
        if (r.Date((int)field) is not { } date)
        {
            report.Add(rule, r.LineNumber, name, $"Datoen da {what} ({name}) er {r.Shown((int)field)}; forventet en gyldig dato.");
            return null;
        }
        if (context.Year - date.Year > MaxYearsBack)
            report.Add(rule, r.LineNumber, name, Invariant($"Datoen da {what} ({name}) er {date:dd.MM.yyyy}, mer enn {MaxYearsBack} år ")
                + Invariant($"før rapporteringsåret {context.Year}."));
        return date;
    }

    /// <summary>Rule 020's list: SSB's municipality list (Klass 131; here the register, 2024 numbering, unchanged since), 9999.</summary>
    private static bool IsMunicipalityOrUnknown(ReadOnlySpan<char> kommune) =>
        kommune.SequenceEqual("9999")
        || (UnitCode.TryParse(kommune.ToString(), out var code) && code.Kind == UnitKind.Municipality
            && UnitRegister.Default.IsKnownCaptureUnit(code));

    /// <summary>Rules 005A and 005B, outside Oslo only: the same fødselsnummer with the same status, or the same journal number.</summary>
    public static Duplicates[] DuplicateRules(RuleContext context) => context.IsOslo ? [] :
        [new(R005A, "PERSON_FODSELSNR", FnrAndStatusKey, "Fødselsnummeret står med samme status også i"), Duplicates.JournalNumbers(R005B)];

    private static int FnrAndStatusKey(in KostraRecord r, Span<char> key)
    {
        var fnr = r[F.PersonFodselsnr];
        if (!Fodselsnummer.IsValid(fnr)) return -1;
        var status = r[F.Status];
        fnr.CopyTo(key);
        key[fnr.Length] = '|';
        status.CopyTo(key[(fnr.Length + 1)..]);
        return fnr.Length + 1 + status.Length;
    }
}
