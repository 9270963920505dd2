using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using static System.FormattableString;
using F = Malekort.Import.Kostra.SosialhjelpField;

namespace Malekort.Import.Kostra;

/// <summary>
/// Skjema 11F records as Målekort's source-neutral records (<c>docs/formats/kostra.md</c> "Mapping"):
/// one paid payment per ticked month, the main livelihood for the year, BU18 as an approximate child, the condition of the
/// payment decision, the first exemption from the activity duty, and the year's sanctions.
/// </summary>
internal sealed class SosialhjelpMapping(Pseudonymizer pseudonyms, RuleContext context, RuleReport report)
{
    /// <summary>The benefit type every 11F payment has.</summary>
    public const string BenefitType = "KOSTRA-11F";

    /// <summary>The one-entry code list that classifies it.</summary>
    public static readonly CodeListEntry BenefitTypeEntry =
        new(BenefitType, "Økonomisk sosialhjelp (KOSTRA 11F, bidrag og lån)", BenefitCategory.OkonomiskSosialhjelp);

    private readonly Dictionary<string, PersonRecord> persons = new(StringComparer.Ordinal);

    public List<PaymentRecord> Payments { get; } = [];
    public List<LivelihoodRecord> Livelihood { get; } = [];
    public List<FamilyRecord> Family { get; } = [];
    public List<ConditionRecord> Conditions { get; } = [];
    public List<ExemptionRecord> Exemptions { get; } = [];
    public List<SanctionRecord> Sanctions { get; } = [];

    public IReadOnlyList<PersonRecord> Persons => [.. persons.Values];

    public void Add(in KostraRecord r)
    {
        if (PersonKeys.Of(r, pseudonyms, report) is not { } key) return;
        var year = context.Year;
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);

        if (CommonRules.BirthDate(r) is { } birth) persons.TryAdd(key, new PersonRecord(key, birth, PersonKeys.SexOf(r)));
        else
            report.Own(Severity.Warning, r.LineNumber, "PERSON_FODSELSNR", "Mottakeren har ingen fødselsdato (ikke gyldig fødselsnummer "
                + "eller d-nummer, og årgangen har ikke FODSELSDATO). Månedene telles som mottaker (BL151), men personen kommer ikke med "
                + "i aldersindikatorene (BL153, BL154).");

        // "Har mottakeren fått økonomisk stønad i <måned>?": the tick is the truth; the month's amount may be 0 or blank.
        for (var m = 1; m <= 12; m++)
        {
            if (!r.IsTicked((int)F.Stmnd1 + m - 1)) continue;
            var month = new Month(year, m);
            var amount = (decimal)r.IntegerOrZero((int)F.BidragJan + 2 * (m - 1)) + r.IntegerOrZero((int)F.LaanJan + 2 * (m - 1));
            Payments.Add(new PaymentRecord(Invariant($"11F-{year}-L{r.LineNumber}-{m:D2}"), key, BenefitType,
                BenefitCategory.OkonomiskSosialhjelp, amount, PaymentStatus.Utbetalt, month.End, month.Start, month.End, null));
        }

        // VKLO is "ved siste kontakt" in the year: known for the months of the year, unknown outside them.
        Livelihood.Add(new LivelihoodRecord(key, yearStart, yearEnd, r[F.Vklo][0] - '0'));

        // BU18 = 1: a child under 18 with provider duty in the household. The file says no more (not the child's age, not
        // the calculation percentage), so one child under 18 all year stands for it, marked approximate.
        if (r.Is((int)F.Bu18, "1"))
            Family.Add(new FamilyRecord(key, key + "-bu18", FamilyRelation.Barn, yearStart.AddYears(-1), 100, true, true,
                yearStart, yearEnd, Approximate: true));

        AddCondition(r, key);
        AddExemption(r, key);
        // "Sanksjon i løpet av året": the kind is known, the day is not (spec: V.104 from KOSTRA is a yearly count).
        foreach (var field in SanctionFields)
            if (r.IsTicked((int)field)) Sanctions.Add(new SanctionRecord(key, year, null, r.Layout[(int)field].Codes[0]));
    }

    /// <summary>
    /// VILKARSOSLOV = 1: a condition decided on UTBETDATO and valid from UTBETDATO to UTBETTOMDATO of the payment decision
    /// (spec "Conditions and the activity duty"), with the ticked VILKAR codes. Rules 041–043 reject a record without them.
    /// </summary>
    private void AddCondition(in KostraRecord r, string key)
    {
        if (!r.Is((int)F.Vilkarsoslov, "1") || r.Date((int)F.Utbetdato) is not { } from || r.Date((int)F.Utbettomdato) is not { } to) return;
        if (to < from)
        {
            report.Own(Severity.Warning, r.LineNumber, "UTBETTOMDATO", $"Til og med-datoen for utbetalingsvedtaket (UTBETTOMDATO "
                + $"{r.Shown((int)F.Utbettomdato)}) er før vedtakets dato (UTBETDATO {r.Shown((int)F.Utbetdato)}); vilkåret gjelder "
                + "da ingen dag og telles ikke (V.101, V.102).");
            return;
        }
        Conditions.Add(new ConditionRecord(key, from, from, to, Ticked(r, ConditionFields)));
    }

    /// <summary>VEDTAKDATO: the first exemption from § 20a, with the ticked VEDTAK grounds.</summary>
    private void AddExemption(in KostraRecord r, string key)
    {
        var grounds = Ticked(r, GroundFields);
        if (r.Date((int)F.Vedtakdato) is not { } decided)
        {
            if (grounds.Length > 0)
                report.Own(Severity.Warning, r.LineNumber, "VEDTAKDATO", "Det er oppgitt begrunnelse for unntak fra aktivitetsplikten "
                    + "(VEDTAKARB–VEDTAKGRUNN), men ingen vedtaksdato (VEDTAKDATO); unntaket telles ikke (V.103).");
            return;
        }
        if (grounds.Length == 0)
            report.Own(Severity.Warning, r.LineNumber, "VEDTAKARB", "Det er vedtak om unntak fra aktivitetsplikten (VEDTAKDATO), men "
                + "ingen begrunnelse er krysset av (VEDTAKARB–VEDTAKGRUNN); unntaket telles, men uten grunn.");
        Exemptions.Add(new ExemptionRecord(key, decided, grounds));
    }

    private static string[] Ticked(in KostraRecord r, F[] fields)
    {
        var codes = new List<string>(2);
        foreach (var field in fields)
            if (r.IsTicked((int)field)) codes.Add(r.Layout[(int)field].Codes[0]);
        return [.. codes];
    }

    /// <summary>The VILKAR check boxes in the form's order; each holds its code when ticked.</summary>
    internal static readonly F[] ConditionFields =
    [
        F.Vilkararbeid, F.Vilkarkurs, F.Vilkarutd, F.Vilkarjobblog, F.Vilkarjobbtilb, F.Vilkarsamt, F.Vilkarokrett,
        F.Vilkarlivsh, F.Vilkarhelse, F.Vilkarannet, F.Vilkardigplan, F.Vilkarnorsksamiskoppl,
    ];

    private static readonly F[] GroundFields = [F.Vedtakarb, F.Vedtakakt, F.Vedtakhelse, F.Vedtakgrunn];

    private static readonly F[] SanctionFields = [F.Sanksjonred, F.Sanksjonandre];
}
