using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Units;
using static System.FormattableString;

namespace Malekort.Import.Kostra;

/// <summary>
/// SSB's rules for both skjema (<c>kostra-11F-11CF.md</c> §3.1 and §3.2): 000 the file is delivered, 001 record length,
/// 003 kommune/bydel, 004 year, 004A birth date, 005 fødselsnummer, 008–013 sex, marital status and children.
/// </summary>
internal static class CommonRules
{
    public static readonly KostraRule R000 = new("000", Severity.Fatal, "Skal levere filuttrekk");
    public static readonly KostraRule R001 = new("001", Severity.Fatal, "Recordlengde");
    public static readonly KostraRule R003 = new("003", Severity.Error, "Kommunenummer og bydelsnummer");
    public static readonly KostraRule R004 = new("004", Severity.Error, "Oppgaveår");
    public static readonly KostraRule R004A = new("004A", Severity.Error, "Fødselsdato");
    public static readonly KostraRule R005 = new("005", Severity.Error, "Fødselsnummer");
    public static readonly KostraRule R008 = new("008", Severity.Error, "Kjønn");
    public static readonly KostraRule R009 = new("009", Severity.Error, "Sivilstand");
    public static readonly KostraRule R010 = new("010", Severity.Error, "Har barn under 18 år");
    public static readonly KostraRule R011 = new("011", Severity.Error, "Har barn under 18 år mot antall barn");
    public static readonly KostraRule R012 = new("012", Severity.Error, "Antall barn under 18 år mot har barn");
    public static readonly KostraRule R013 = new("013", Severity.Error, "Antall barn under 18 år");

    public static IReadOnlyList<KostraRule> All { get; } = [R000, R001, R003, R004, R004A, R005, R008, R009, R010, R011, R012, R013];

    /// <summary>
    /// Rule 001 on a line of <paramref name="length"/> characters whose first TAB is at <paramref name="firstTab"/> (-1: none):
    /// the exact record length and no TAB. FATAL: the caller runs no further rule when it fires.
    /// </summary>
    public static bool CheckLength(long length, long firstTab, int lineNumber, KostraLayout layout, RuleReport report)
    {
        if (firstTab >= 0)
        {
            report.Add(R001, lineNumber, "", Invariant($"Posten inneholder et tabulatortegn (posisjon {firstTab + 1}); ")
                + "en posisjonsbasert KOSTRA-fil kan bare ha mellomrom mellom feltene.");
            return false;
        }
        if (length == layout.RecordLength) return true;
        report.Add(R001, lineNumber, "", Invariant($"Posten har {length} tegn, men en post i skjema {layout.Skjema.Code()} ")
            + Invariant($"for årgang {layout.Year} skal ha nøyaktig {layout.RecordLength} tegn."));
        return false;
    }

    /// <summary>The unit a record names: KOMMUNE_NR, or for Oslo 0301 and BYDELSNR; null when it names none.</summary>
    public static UnitCode? UnitOf(in KostraRecord record)
    {
        var kommune = record[CommonField.KommuneNr];
        var text = kommune.SequenceEqual(RuleContext.Oslo) ? string.Concat(kommune, record[CommonField.Bydelsnr]) : kommune.ToString();
        return UnitCode.TryParse(text, out var unit) && UnitRegister.Default.IsKnownCaptureUnit(unit) ? unit : null;
    }

    /// <summary>The reporting year VERSION names (2000 + n, SSB's <c>yearWithCentury</c>), or null.</summary>
    public static int? YearOf(in KostraRecord record) => YearOf(record[CommonField.Version]);

    public static int? YearOf(ReadOnlySpan<char> version) =>
        version.Length == 2 && KostraRecord.ParseInteger(version, out var n) == IntegerState.Valid && n >= 1 && version[0] != ' '
            ? 2000 + n
            : null;

    /// <summary>
    /// The birth date the rules compute age from: FODSELSDATO from 2025, else the date in the fødselsnummer.
    /// SSB's age is the reporting year minus the birth year (§3.5), not an exact age on a date.
    /// </summary>
    public static DateOnly? BirthDate(in KostraRecord record)
    {
        if (record.Layout.Has((int)CommonField.Fodselsdato) && record.Date((int)CommonField.Fodselsdato) is { } birth) return birth;
        var fnr = record[CommonField.PersonFodselsnr];
        return Fodselsnummer.IsValid(fnr) ? Fodselsnummer.BirthDate(fnr.ToString()) : null;
    }

    /// <summary>The column an age finding (rules 006 and 007) names: FODSELSDATO from 2025, else PERSON_FODSELSNR.</summary>
    public static string BirthDateColumn(in KostraRecord record) =>
        record.Layout.Has((int)CommonField.Fodselsdato) ? "FODSELSDATO" : "PERSON_FODSELSNR";

    /// <summary>
    /// Rules 003–013 on one record. <c>fnrMayBeBlank</c> is set for 11F, where a recipient without a fødselsnummer is
    /// identified by the DUF number (rule 038); 11CF requires the number.
    /// </summary>
    public static void Check(in KostraRecord r, RuleContext context, RuleReport report, bool fnrMayBeBlank)
    {
        var line = r.LineNumber;
        CheckUnit(r, context, report);

        if (YearOf(r) != context.Year)
            report.Add(R004, line, "VERSION", Invariant($"Oppgaveåret (VERSION) er {r.Shown((int)CommonField.Version)}, ")
                + Invariant($"men filens første post gjelder {context.Year} ({context.Year % 100:D2}); ")
                + "alle poster skal gjelde samme år.");

        if (r.Layout.Has((int)CommonField.Fodselsdato) && r.Date((int)CommonField.Fodselsdato) is null)
            report.Add(R004A, line, "FODSELSDATO", $"Fødselsdatoen {r.Shown((int)CommonField.Fodselsdato)} mangler eller er ugyldig; "
                + "forventet en gyldig dato som DDMMÅÅÅÅ.");

        var fnr = r[CommonField.PersonFodselsnr];
        var blankFnr = KostraRecord.IsSpaces(fnr);
        if (blankFnr ? !fnrMayBeBlank : !PersonNumbers.IsFnrOrAdapted(fnr))
            report.Add(R005, line, "PERSON_FODSELSNR", blankFnr
                ? "Fødselsnummer mangler; feltet skal inneholde deltakerens fødselsnummer eller d-nummer (11 siffer)."
                : "Fødselsnummeret er ikke et gyldig fødselsnummer eller d-nummer (11 siffer med riktige kontrollsifre); "
                  + "nummeret vises ikke her.");

        CodeRule(r, (int)CommonField.Kjonn, R008, report, "Kjønn", "1 (mann) eller 2 (kvinne)");
        CodeRule(r, (int)CommonField.Ektstat, R009, report, "Sivilstand", "1–5");
        CodeRule(r, (int)CommonField.Bu18, R010, report, "Svaret på om mottakeren har barn under 18 år", "1 (ja) eller 2 (nei)");

        var children = r.Integer((int)CommonField.Antbu18, out var count);
        var hasCount = children == IntegerState.Valid && count > 0;
        var yes = r.Is((int)CommonField.Bu18, "1");
        if (yes && !hasCount)
            report.Add(R011, line, "ANTBU18", Invariant($"Det er svart ja på barn under 18 år (BU18 = 1), men antall barn (ANTBU18) er ")
                + $"{r.Shown((int)CommonField.Antbu18)}; oppgi antallet.");
        if (hasCount && !yes)
            report.Add(R012, line, "BU18", Invariant($"Antall barn under 18 år (ANTBU18) er {count}, men BU18 er ")
                + $"{r.Shown((int)CommonField.Bu18)}; forventet 1 (ja).");
        if (children == IntegerState.Valid && count >= 14)
            report.Add(R013, line, "ANTBU18", Invariant($"Antall barn under 18 år er {count}; 14 eller flere er neppe riktig."));
    }

    private static void CheckUnit(in KostraRecord r, RuleContext context, RuleReport report)
    {
        var line = r.LineNumber;
        var kommune = r[CommonField.KommuneNr];
        var bydel = r[CommonField.Bydelsnr];
        if (!UnitCode.TryParse(kommune.ToString(), out var municipality) || municipality.Kind != UnitKind.Municipality
            || !UnitRegister.Default.IsKnownCaptureUnit(municipality))
        {
            report.Add(R003, line, "KOMMUNE_NR", $"Kommunenummeret {r.Shown((int)CommonField.KommuneNr)} finnes ikke i SSBs kommuneliste "
                + "(inndelingen fra 2024).");
            return;
        }
        UnitCode unit;
        if (kommune.SequenceEqual(RuleContext.Oslo))
        {
            // BYDELSNR is two characters, so the register's districts 030101–030115 are SSB's OSLO_DISTRICTS 01–15.
            if (!UnitCode.TryParse(string.Concat(kommune, bydel), out unit) || !UnitRegister.Default.IsKnownCaptureUnit(unit))
            {
                report.Add(R003, line, "BYDELSNR",
                    $"Bydelsnummeret er {r.Shown((int)CommonField.Bydelsnr)}; i Oslo (0301) skal det være 01–15.");
                return;
            }
        }
        else if (!KostraRecord.IsSpaces(bydel))
        {
            report.Add(R003, line, "BYDELSNR",
                $"Bydelsnummeret er {r.Shown((int)CommonField.Bydelsnr)}; utenfor Oslo skal feltet være blankt.");
            return;
        }
        else unit = municipality;
        if (context.Unit is { } first && unit != first)
            report.Add(R003, line, unit.Kind == UnitKind.District ? "BYDELSNR" : "KOMMUNE_NR",
                $"Posten gjelder {unit}, men filens første post gjelder {first}; en fil skal gjelde én kommune eller bydel.");
    }

    /// <summary>A code-list rule: the field holds one of its layout's codes, or a finding names <paramref name="expected"/>.</summary>
    public static void CodeRule(in KostraRecord r, int field, KostraRule rule, RuleReport report, string what, string expected)
    {
        if (!r.InCodeList(field))
            report.Add(rule, r.LineNumber, r.Name(field), $"{what} ({r.Name(field)}) er {r.Shown(field)}; forventet {expected}.");
    }
}
