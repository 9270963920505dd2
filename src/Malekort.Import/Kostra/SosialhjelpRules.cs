using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using static System.FormattableString;
using F = Malekort.Import.Kostra.SosialhjelpField;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's rules for skjema 11F, økonomisk sosialhjelp (<c>kostra-11F-11CF.md</c> §3.1 rule 002 and §3.3), with SSB's
/// severities as its current code has them. There are no rules 028, 029 or 034 in SSB's code; rule 020 exists only as 020B.
/// </summary>
internal static class SosialhjelpRules
{
    public static readonly KostraRule R002 = new("002", Severity.Error, "Filbeskrivelse");
    public static readonly KostraRule R005A = new("005A", Severity.Error, "Fødselsnummer, dubletter");
    public static readonly KostraRule R005B = new("005B", Severity.Error, "Journalnummer, dubletter");
    public static readonly KostraRule R006 = new("006", Severity.Warning, "Alder under 18 år");
    public static readonly KostraRule R007 = new("007", Severity.Warning, "Alder 96 år eller over");
    public static readonly KostraRule R014 = new("014", Severity.Error, "Viktigste kilde til livsopphold, gyldige verdier");
    public static readonly KostraRule R015 = new("015", Severity.Error, "Livsopphold og arbeidssituasjon: arbeidsinntekt");
    public static readonly KostraRule R016 = new("016", Severity.Error, "Livsopphold og arbeidssituasjon: kursstønad");
    public static readonly KostraRule R017 = new("017", Severity.Error, "Livsopphold og arbeidssituasjon: stipend/lån");
    public static readonly KostraRule R018 = new("018", Severity.Error, "Livsopphold og arbeidssituasjon: introduksjonsstøtte");
    public static readonly KostraRule R019 = new("019", Severity.Error, "Livsopphold og arbeidssituasjon: kvalifiseringsstønad");
    public static readonly KostraRule R020B = new("020B", Severity.Error, "Livsopphold og trygdesituasjon: trygd/stønad");
    public static readonly KostraRule R021 = new("021", Severity.Warning, "Livsopphold og arbeidssituasjon: sosialhjelp");
    public static readonly KostraRule R022 = new("022", Severity.Error, "Trygdesituasjon, gyldige koder");
    public static readonly KostraRule R023A = new("023A", Severity.Error, "Trygdesituasjon og alder: alderspensjon");
    public static readonly KostraRule R023B = new("023B", Severity.Error, "Trygdesituasjon og barn: overgangsstønad");
    public static readonly KostraRule R023C = new("023C", Severity.Error, "Trygdesituasjon og barn: barnetrygd");
    public static readonly KostraRule R024 = new("024", Severity.Warning, "Trygdesituasjon og arbeidssituasjon: uføretrygd/alderspensjon");
    public static readonly KostraRule R024B = new("024B", Severity.Error, "Trygdesituasjon og arbeidssituasjon: arbeidsavklaringspenger");
    public static readonly KostraRule R025 = new("025", Severity.Error, "Arbeidssituasjon, gyldige koder");
    public static readonly KostraRule R026 = new("026", Severity.Error, "Stønadsmåneder");
    public static readonly KostraRule R027 = new("027", Severity.Error, "Stønadssum mangler");
    public static readonly KostraRule R030 = new("030", Severity.Warning, "Stønadssum over 1 000 000 kroner");
    public static readonly KostraRule R031 = new("031", Severity.Warning, "Stønadssum 200 kroner eller lavere");
    public static readonly KostraRule R032 = new("032", Severity.Error, "Økonomisk rådgivning, gyldige koder");
    public static readonly KostraRule R033 = new("033", Severity.Error, "Individuell plan, gyldige koder");
    public static readonly KostraRule R035 = new("035", Severity.Error, "Bosituasjon, gyldige koder");
    public static readonly KostraRule R036 = new("036", Severity.Warning, "Bidrag fordelt på måneder");
    public static readonly KostraRule R037 = new("037", Severity.Warning, "Lån fordelt på måneder");
    public static readonly KostraRule R038 = new("038", Severity.Warning, "DUF-nummer");
    public static readonly KostraRule R039 = new("039", Severity.Error, "Vilkår etter sosialtjenesteloven, gyldige koder");
    public static readonly KostraRule R040 = new("040", Severity.Error, "Vilkår til samboer/ektefelle, gyldige koder");
    public static readonly KostraRule R041 = new("041", Severity.Error, "Dato for utbetalingsvedtak");
    public static readonly KostraRule R042 = new("042", Severity.Error, "Til og med-dato for utbetalingsvedtak");
    public static readonly KostraRule R043 = new("043", Severity.Error, "Type vilkår");

    /// <summary>Every 11F rule, the common ones first.</summary>
    public static IReadOnlyList<KostraRule> All { get; } =
    [
        .. CommonRules.All, R002, R005A, R005B, R006, R007, R014, R015, R016, R017, R018, R019, R020B, R021, R022, R023A, R023B,
        R023C, R024, R024B, R025, R026, R027, R030, R031, R032, R033, R035, R036, R037, R038, R039, R040, R041, R042, R043,
    ];

    /// <summary>The highest BIDRAG + LAAN before rule 030 warns: SSB's constant <c>MAX</c> (the title still says 600 000).</summary>
    public const long MaxSum = 1_000_000;

    /// <summary>BIDRAG + LAAN at or below this makes rule 031 warn.</summary>
    public const long MinSum = 200;

    private static readonly string[] VkloNames =
    [
        "", "Arbeidsinntekt", "Kursstønad/lønn i arbeidsmarkedstiltak", "Trygd/stønad", "Stipend/lån", "Sosialhjelp",
        "Introduksjonsstøtte", "Ektefelle/samboers inntekt", "Kvalifiseringsstønad", "Annen inntekt",
    ];

    // The work situations rules 015–019, 021 and 024 accept; arrays made once, not for every record.
    private static readonly string[] Arbsit015 = ["01", "02"];
    private static readonly string[] Arbsit016 = ["03", "05", "06"];
    private static readonly string[] Arbsit017 = ["03"];
    private static readonly string[] Arbsit018 = ["09"];
    private static readonly string[] Arbsit019 = ["10"];
    private static readonly string[] Arbsit021 = ["02", "03", "04", "05", "06", "07", "08"];
    private static readonly string[] PensionArbsit = ["02", "03", "04", "05", "06", "07"];

    /// <summary>Every per-record rule, common ones included.</summary>
    public static void Check(in KostraRecord r, RuleContext context, RuleReport report)
    {
        // A recipient without a fødselsnummer is identified by the DUF number, which rule 038 checks.
        CommonRules.Check(r, context, report, fnrMayBeBlank: true);
        FileDescription(r, report);
        Age(r, context, report);
        Livelihood(r, report);
        Benefits(r, report);
        Conditions(r, report);
    }

    /// <summary>Rule 002: mandatory fields, integers, dates and code lists, field by field.</summary>
    private static void FileDescription(in KostraRecord r, RuleReport report)
    {
        var fields = r.Layout.InFileOrder;
        for (var i = 0; i < fields.Count; i++)
        {
            var spec = fields[i];
            var value = r.Line.Slice(spec.Start, spec.Length);
            if (KostraRecord.IsSpaces(value))
            {
                if (spec.Mandatory)
                    report.Add(R002, r.LineNumber, spec.Name, $"{spec.Name} mangler; feltet er obligatorisk.");
                continue;
            }
            var why = spec.Type switch
            {
                FieldType.Integer when KostraRecord.ParseInteger(value, out _) == IntegerState.Invalid => "er ikke et heltall",
                FieldType.Date when KostraRecord.ParseDate(value) is null => spec.Length == 8
                    ? "er ikke en gyldig dato (DDMMÅÅÅÅ)"
                    : "er ikke en gyldig dato (DDMMÅÅ)",
                FieldType.Text when spec.Codes.Count > 0 && !KostraRecord.InCodes(value, spec.Codes) =>
                    $"er ikke en gyldig kode; gyldige koder er {string.Join(", ", spec.Codes)}",
                _ => null,
            };
            if (why is not null) report.Add(R002, r.LineNumber, spec.Name, $"{spec.Name} {PersonNumbers.Shown(value)} {why}.");
        }
    }

    private static void Age(in KostraRecord r, RuleContext context, RuleReport report)
    {
        // Age = reporting year − birth year (§3.5). Without a birth date there is no age; the mapping reports that.
        if (CommonRules.BirthDate(r) is not { } birth) return;
        var age = context.Year - birth.Year;
        var column = CommonRules.BirthDateColumn(r);
        if (age < 18) report.Add(R006, r.LineNumber, column, Invariant($"Mottakeren er {age} år, altså under 18 år."));
        if (age >= 96) report.Add(R007, r.LineNumber, column, Invariant($"Mottakeren er {age} år; 96 år eller eldre er neppe riktig."));
        if (r.Is((int)F.Trygdesit, "07") && age < 62)
            report.Add(R023A, r.LineNumber, "TRYGDESIT",
                Invariant($"Mottakeren har alderspensjon (TRYGDESIT = 07), men er {age} år, under 62."));
    }

    private static void Livelihood(in KostraRecord r, RuleReport report)
    {
        var line = r.LineNumber;
        if (!r.InCodeList((int)F.Vklo))
            report.Add(R014, line, "VKLO", $"Viktigste kilde til livsopphold (VKLO) er {r.Shown((int)F.Vklo)}; forventet 1–9.");
        Requires(r, "1", Arbsit015, R015, report);
        Requires(r, "2", Arbsit016, R016, report);
        Requires(r, "4", Arbsit017, R017, report);
        Requires(r, "6", Arbsit018, R018, report);
        Requires(r, "8", Arbsit019, R019, report);
        Requires(r, "5", Arbsit021, R021, report);
        if (r.Is((int)F.Vklo, "3") && (!r.InCodeList((int)F.Trygdesit) || r.Is((int)F.Trygdesit, "12")))
            report.Add(R020B, line, "TRYGDESIT", $"Viktigste kilde til livsopphold er trygd/stønad (VKLO = 3), men trygdesituasjonen er "
                + $"{r.Shown((int)F.Trygdesit)}; forventet en trygd eller pensjon, ikke 12 (har ingen trygd/pensjon).");
        if (!r.InCodeList((int)F.Trygdesit))
            report.Add(R022, line, "TRYGDESIT", $"Trygdesituasjonen (TRYGDESIT) er {r.Shown((int)F.Trygdesit)}; "
                + $"forventet én av {string.Join(", ", CodeLists.Trygdesit)}.");
        var children = r.Integer((int)F.Antbu18, out var count) == IntegerState.Valid && count > 0 && r.Is((int)F.Bu18, "1");
        if (r.Is((int)F.Trygdesit, "05") && !children)
            report.Add(R023B, line, "BU18", "Mottakeren har overgangsstønad (TRYGDESIT = 05), men har ikke barn under 18 år "
                + "(BU18 = 1 og ANTBU18 over 0).");
        if (r.Is((int)F.Trygdesit, "13") && !children)
            report.Add(R023C, line, "BU18", "Mottakeren har barnetrygd (TRYGDESIT = 13), men har ikke barn under 18 år "
                + "(BU18 = 1 og ANTBU18 over 0).");
        if ((r.Is((int)F.Trygdesit, "04") || r.Is((int)F.Trygdesit, "07"))
            && !KostraRecord.InCodes(r[F.Arbsit], PensionArbsit))
            report.Add(R024, line, "ARBSIT", $"Mottakeren har uføretrygd eller alderspensjon (TRYGDESIT = {r[F.Trygdesit]}), men "
                + $"arbeidssituasjonen er {r.Shown((int)F.Arbsit)}; forventet 02–07.");
        if (r.Is((int)F.Vklo, "3") && r.Is((int)F.Trygdesit, "11") && r.Is((int)F.Arbsit, "08"))
            report.Add(R024B, line, "ARBSIT", "Mottakeren lever av arbeidsavklaringspenger (VKLO = 3, TRYGDESIT = 11), men er oppgitt som "
                + "arbeidsledig uten å være registrert hos NAV (ARBSIT = 08).");
        if (!r.InCodeList((int)F.Arbsit))
            report.Add(R025, line, "ARBSIT", $"Arbeidssituasjonen (ARBSIT) er {r.Shown((int)F.Arbsit)}; forventet 01–10.");
    }

    /// <summary>Rules 015–019 and 021: a main livelihood code demands one of some work situations.</summary>
    private static void Requires(in KostraRecord r, string vklo, string[] arbsit, KostraRule rule, RuleReport report)
    {
        if (!r.Is((int)F.Vklo, vklo) || KostraRecord.InCodes(r[F.Arbsit], arbsit)) return;
        report.Add(rule, r.LineNumber, "ARBSIT", $"Viktigste kilde til livsopphold er {VkloNames[vklo[0] - '0']} (VKLO = {vklo}), "
            + $"men arbeidssituasjonen (ARBSIT) er {r.Shown((int)F.Arbsit)}; forventet én av {string.Join(", ", arbsit)}.");
    }

    private static void Benefits(in KostraRecord r, RuleReport report)
    {
        var line = r.LineNumber;
        var anyMonth = false;
        long bidragMonths = 0, laanMonths = 0;
        for (var m = 0; m < 12; m++)
        {
            anyMonth |= r.IsTicked((int)F.Stmnd1 + m);
            bidragMonths += r.IntegerOrZero((int)F.BidragJan + 2 * m);
            laanMonths += r.IntegerOrZero((int)F.LaanJan + 2 * m);
        }
        if (!anyMonth)
            report.Add(R026, line, "STMND_1", "Det er ikke krysset av for hvilke måneder mottakeren har fått økonomisk sosialhjelp "
                + "(STMND_1–STMND_12 skal holde månedens nummer, 01–12); minst én måned må være krysset av.");
        var bidragState = r.Integer((int)F.Bidrag, out var bidrag);
        var laanState = r.Integer((int)F.Laan, out var laan);
        if (!(bidragState == IntegerState.Valid && bidrag > 0) && !(laanState == IntegerState.Valid && laan > 0))
            report.Add(R027, line, "BIDRAG", $"Stønadssummen mangler: bidrag (BIDRAG) er {r.Shown((int)F.Bidrag)} og lån (LAAN) er "
                + $"{r.Shown((int)F.Laan)}; minst ett av dem skal være over 0.");
        long sum = (long)r.IntegerOrZero((int)F.Bidrag) + r.IntegerOrZero((int)F.Laan);
        if (sum > MaxSum)
            report.Add(R030, line, "BIDRAG", Invariant($"Bidrag og lån er til sammen {sum} kroner, over {MaxSum} kroner; er det riktig?"));
        if (sum <= MinSum)
            report.Add(R031, line, "BIDRAG",
                Invariant($"Bidrag og lån er til sammen {sum} kroner, {MinSum} kroner eller lavere; er det riktig?"));
        CommonRules.CodeRule(r, (int)F.GittOkonomirad, R032, report, "Økonomisk rådgivning", "1 (ja) eller 2 (nei)");
        CommonRules.CodeRule(r, (int)F.FaatIndividuellPlan, R033, report, "Individuell plan", "1 (ja) eller 2 (nei)");
        CommonRules.CodeRule(r, (int)F.Bosit, R035, report, "Bosituasjonen", "1–6");
        if (r.IntegerOrZero((int)F.Bidrag) != bidragMonths)
            report.Add(R036, line, "BIDRAG", Invariant($"Bidrag for året (BIDRAG) er {r.IntegerOrZero((int)F.Bidrag)} kroner, ")
                + Invariant($"men bidragene måned for måned (BIDRAG_JAN–BIDRAG_DES) er til sammen {bidragMonths} kroner."));
        if (r.IntegerOrZero((int)F.Laan) != laanMonths)
            report.Add(R037, line, "LAAN", Invariant($"Lån for året (LAAN) er {r.IntegerOrZero((int)F.Laan)} kroner, ")
                + Invariant($"men lånene måned for måned (LAAN_JAN–LAAN_DES) er til sammen {laanMonths} kroner."));
        if (r.IsBlank((int)F.PersonFodselsnr) && !PersonNumbers.IsValidDuf(r[F.PersonDuf]))
            report.Add(R038, line, "PERSON_DUF", "Mottakeren har verken fødselsnummer eller gyldig DUF-nummer (12 siffer med riktige "
                + "kontrollsifre); oppgi ett av dem.");
    }

    private static void Conditions(in KostraRecord r, RuleReport report)
    {
        var line = r.LineNumber;
        CommonRules.CodeRule(r, (int)F.Vilkarsoslov, R039, report, "Vilkår etter sosialtjenesteloven", "1 (ja) eller 2 (nei)");
        CommonRules.CodeRule(r, (int)F.Vilkarsamekt, R040, report, "Vilkår til samboer/ektefelle", "1 (ja) eller 2 (nei)");
        if (!r.Is((int)F.Vilkarsoslov, "1")) return;
        var pattern = r.Layout[(int)F.Utbetdato].Length == 8 ? "DDMMÅÅÅÅ" : "DDMMÅÅ";
        if (r.Date((int)F.Utbetdato) is null)
            report.Add(R041, line, "UTBETDATO", "Det er stilt vilkår (VILKARSOSLOV = 1), men datoen for utbetalingsvedtaket "
                + $"(UTBETDATO) er {r.Shown((int)F.Utbetdato)}; forventet en gyldig dato ({pattern}).");
        if (r.Date((int)F.Utbettomdato) is null)
            report.Add(R042, line, "UTBETTOMDATO", "Det er stilt vilkår (VILKARSOSLOV = 1), men til og med-datoen for utbetalingsvedtaket "
                + $"(UTBETTOMDATO) er {r.Shown((int)F.Utbettomdato)}; forventet en gyldig dato ({pattern}).");
        foreach (var field in SosialhjelpMapping.ConditionFields)
        {
            if (r.IsTicked((int)field)) return;
        }
        report.Add(R043, line, "VILKARARBEID", "Det er stilt vilkår (VILKARSOSLOV = 1), men ingen av vilkårene (VILKARARBEID–"
            + "VILKARNORSKSAMISKOPPL) er krysset av.");
    }

    /// <summary>Rules 005A and 005B: the same fødselsnummer or journal number in more than one record.</summary>
    public static Duplicates[] DuplicateRules() =>
        [new(R005A, "PERSON_FODSELSNR", FnrKey, "Fødselsnummeret står også i"), Duplicates.JournalNumbers(R005B)];

    private static int FnrKey(in KostraRecord r, Span<char> key)
    {
        var fnr = r[F.PersonFodselsnr];
        if (!Fodselsnummer.IsValid(fnr)) return -1;
        fnr.CopyTo(key);
        return fnr.Length;
    }
}
