using System.Collections.Frozen;
using Malekort.Periods;
using Malekort.Population;

namespace Malekort.Indicators;

/// <summary>Every indicator the product computes, in the order the scorecard shows them (spec <c>indicators.md</c>).</summary>
public static class IndicatorCatalog
{
    private const string Recipients = "Personer med minst én utbetalt utbetaling av økonomisk sosialhjelp for måneden (basert på fra–til-dato)";
    private const string LongTerm = "utbetalt økonomisk sosialhjelp i minst 6 av de siste 12 månedene (ikke nødvendigvis sammenhengende)";
    private const string MainLivelihood = "sosialhjelp som viktigste kilde til livsopphold ved utgangen av måneden";
    private const string Population18To66 = "Personer 18–66 år i kommunen/bydelen per 1. januar (SSB, tabell 07459/10826)";
    private const string One = "1 (antall)";
    // The parts the long-term rules with main livelihood need; BL151's count as a denominator; the parts V.101–V.103 need.
    private const DataParts LongTermLivelihood = DataParts.Payments | DataParts.Livelihood;
    private const DataParts Conditions = DataParts.Payments | DataParts.Conditions;
    private static readonly Per OfRecipients = Per.Count(Counter.BL151, DataParts.Payments);

    private const string Young = "Mottakere av økonomisk sosialhjelp i måneden som er 18–29 år ved utgangen av måneden";

    /// <summary>Every indicator as declared, in scorecard order: one entry each, later versions inside their indicator.</summary>
    public static IReadOnlyList<IndicatorDefinition> Declared { get; } =
    [
        new("BL151", "Antall mottakere av økonomisk sosialhjelp", Recipients, One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL151, DataParts.Payments),
        },
        new("BL152", "Antall langtidsmottakere med sosialhjelp som hovedinntektskilde",
            $"Personer med {LongTerm} og {MainLivelihood}", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL152, LongTermLivelihood).LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
        },
        new("BL153", "Antall mottakere under 25 år",
            "Mottakere i måneden som er 0–24 år ved utgangen av måneden", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL153, DataParts.Payments),
        },
        new("BL154", "Antall langtidsmottakere under 25 år med sosialhjelp som hovedinntektskilde",
            $"Personer under 25 år med {LongTerm} og {MainLivelihood}", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL154, LongTermLivelihood).LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
        },
        new("BL166", "Antall langtidsmottakere",
            $"Mottakere i måneden med {LongTerm}", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL166, DataParts.Payments).LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
        },
        new("BL174", "Langtidsmottakere med sosialhjelp som hovedinntektskilde og forsørgerplikt for barn under 18 år",
            "Langtidsmottakere med sosialhjelp som hovedinntektskilde (BL152) som er hovedforsørger for barn 0–17 år (beregningsprosent 50 eller mer)", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.BL174, LongTermLivelihood | DataParts.Family).LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
        },
        new("PL151", "Gjennomsnittlig saksbehandlingstid, økonomisk sosialhjelp",
            "Sum dager fra søknad mottatt til sak godkjent, for saker om økonomisk sosialhjelp godkjent i måneden",
            "Antall saker om økonomisk sosialhjelp godkjent i måneden (saker uten mottatt-dato er utelatt)",
            ValueKind.Mean, Direction.LowerIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.PL151Days, DataParts.Cases, Per.Count(Counter.PL151Cases, DataParts.Cases)),
        },
        new("B51", "Antall deltakere i kvalifiseringsprogrammet",
            "Personer med iverksettelsesdato før utgangen av måneden og uten avslutning før måneden startet (deltakerstatus tas ikke hensyn til)", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.OstfoldPilot)
        {
            Rule = IndicatorRule.Of(Counter.B51, DataParts.Kvp),
        },
        new("B.101", "Andel som har mottatt økonomisk sosialhjelp",
            "Mottakere av økonomisk sosialhjelp i måneden (BL151)", Population18To66,
            ValueKind.Percent, Direction.LowerIsBetter, IndicatorSource.Directorate)
        {
            Rule = IndicatorRule.Of(Counter.BL151, DataParts.Payments, Per.Population(AgeGroup.Aged18To66)),
        },
        new("B.102", "Andel langtidsmottakere med sosialhjelp som viktigste kilde til livsopphold",
            "Langtidsmottakere med sosialhjelp som viktigste kilde til livsopphold (BL152)", Population18To66,
            ValueKind.Percent, Direction.LowerIsBetter, IndicatorSource.Directorate)
        {
            Rule = IndicatorRule.Of(Counter.BL152, LongTermLivelihood, Per.Population(AgeGroup.Aged18To66))
                .LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
            // The example of a new definition version (issue 11 item 7): version 1 stays in force beside it.
            LaterVersions =
            [
                new(2, new Month(2025, 1),
                    "Langtidsmottakere med sosialhjelp som viktigste kilde til livsopphold, der langtid er minst seks sammenhengende "
                    + "måneder med utbetalt sosialhjelp innenfor de siste tolv",
                    IndicatorRule.Of(Counter.BL152Consecutive, LongTermLivelihood, Per.Population(AgeGroup.Aged18To66))
                        .LookingBack(DataParts.Payments, IndicatorRules.WindowMonths),
                    "Langtid er seks sammenhengende måneder, ikke seks av de siste tolv"),
            ],
        },
        new("B.103", "Andel unge som har mottatt økonomisk sosialhjelp",
            "Mottakere under 25 år i måneden (BL153; alle under 25, slik direktoratets brev definerer det)",
            "Personer 18–24 år i kommunen/bydelen per 1. januar (SSB, tabell 07459/10826)",
            ValueKind.Percent, Direction.LowerIsBetter, IndicatorSource.Directorate)
        {
            Rule = IndicatorRule.Of(Counter.BL153, DataParts.Payments, Per.Population(AgeGroup.Aged18To24)),
        },
        new("B.104", "Andel mottakere med forsørgelsesplikt for barn under 18 år i husholdningen",
            "Mottakere i måneden som har barn under 18 år som bor i husholdningen og som mottakeren har forsørgelsesplikt for",
            "Mottakere av økonomisk sosialhjelp i måneden (BL151)",
            ValueKind.Percent, Direction.LowerIsBetter, IndicatorSource.Directorate)
        {
            Rule = IndicatorRule.Of(Counter.B104, DataParts.Payments | DataParts.Family, OfRecipients),
        },
        new("B.151", "Antall deltakere i kvalifiseringsprogram ved utgangen av måneden",
            "Personer i kvalifiseringsprogram på siste dag i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Directorate)
        {
            Rule = IndicatorRule.Of(Counter.B151, DataParts.Kvp),
        },
        new("B10", "Andel ordinære arbeidssøkere med oppfølging siste tre måneder",
            "Ordinære arbeidssøkere registrert ved utgangen av måneden med minst én oppfølging i måneden eller de to foregående",
            "Ordinære arbeidssøkere registrert ved utgangen av måneden",
            ValueKind.Percent, Direction.HigherIsBetter, IndicatorSource.State)
        {
            Rule = IndicatorRule.Of(Counter.B10, DataParts.Jobseekers | DataParts.Followups, Per.Count(Counter.B10Denominator, DataParts.Jobseekers))
                .LookingBack(DataParts.Followups, IndicatorRules.FollowupMonths),
        },
        new("V.101", "Andel mottakere 18–29 år med vilkår om aktivitet",
            "Mottakere 18–29 år med vilkår om aktivitet som gjelder i måneden (arbeidstrening, kurs, skole, arbeidssøker/jobblogg, "
            + "jobbtilbud, veiledningssamtaler, digital aktivitetsplan, norsk- eller samiskopplæring)", Young,
            ValueKind.Percent, Direction.HigherIsBetter, IndicatorSource.ActivityDuty)
        {
            Rule = IndicatorRule.Of(Counter.V101, Conditions, Per.Count(Counter.V101Denominator, DataParts.Payments)),
        },
        new("V.102", "Andel mottakere med vilkår",
            "Mottakere i måneden med minst ett vilkår som gjelder i måneden", "Mottakere av økonomisk sosialhjelp i måneden (BL151)",
            ValueKind.Percent, Direction.HigherIsBetter, IndicatorSource.ActivityDuty)
        {
            Rule = IndicatorRule.Of(Counter.V102, Conditions, OfRecipients),
        },
        new("V.103", "Mottakere 18–29 år med unntak fra aktivitetsplikten",
            "Mottakere 18–29 år med vedtak om unntak fra aktivitetsplikten (første unntak, alle grunner) fattet senest i måneden, "
            + "og uten vilkår om aktivitet i måneden", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.ActivityDuty)
        {
            Rule = IndicatorRule.Of(Counter.V103, Conditions | DataParts.Exemptions),
        },
        new("V.104", "Mottakere med sanksjon",
            "Personer med sanksjon for brudd på vilkår (redusert stønad eller andre konsekvenser) datert i måneden; fra KOSTRA bare "
            + "for hele året, vist i desember", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.ActivityDuty, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.V104, DataParts.Sanctions),
        },

        new("FLYT.TILGANG", "Tilgang av mottakere",
            "Mottakere i måneden som ikke var mottakere i forrige måned", One,
            ValueKind.Count, Direction.LowerIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.Inflow, DataParts.Payments).LookingBack(DataParts.Payments, 2),
        },
        new("FLYT.AVGANG", "Avgang av mottakere",
            "Mottakere i forrige måned som ikke er mottakere i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.Outflow, DataParts.Payments).LookingBack(DataParts.Payments, 2),
        },
        new("KOBLET.ARBEIDSSOKER", "Mottakere av økonomisk sosialhjelp som er registrert arbeidssøker",
            "Mottakere i måneden (BL151) som er registrert som ordinær arbeidssøker i Arena ved utgangen av måneden",
            "Mottakere av økonomisk sosialhjelp i måneden (BL151)",
            ValueKind.Percent, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false)
        {
            Rule = IndicatorRule.Of(Counter.LinkedJobseeker, DataParts.Payments | DataParts.Jobseekers, OfRecipients),
        },
        new("KOBLET.OPPFOLGING", "Mottakere av økonomisk sosialhjelp som er registrert arbeidssøker med oppfølging siste tre måneder",
            "Mottakere i måneden (BL151) som er registrert som ordinær arbeidssøker ved utgangen av måneden og har minst én oppfølging "
            + "i Arena i måneden eller de to foregående", "Mottakere av økonomisk sosialhjelp i måneden (BL151)",
            ValueKind.Percent, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false)
        {
            Rule = IndicatorRule.Of(Counter.LinkedFollowedUp, DataParts.Payments | DataParts.Jobseekers | DataParts.Followups, OfRecipients)
                .LookingBack(DataParts.Followups, IndicatorRules.FollowupMonths),
        },
        new("KVP.SOKNADER", "KVP: søknader registrert",
            "Søknader om kvalifiseringsprogram registrert i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.KvpRegistered, DataParts.Kvp),
        },
        new("KVP.VEDTAK", "KVP: vedtak om program",
            "Vedtak om kvalifiseringsprogram fattet i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.KvpDecided, DataParts.Kvp),
        },
        new("KVP.STARTET", "KVP: deltakere som startet",
            "Deltakere med iverksettelsesdato i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.KvpStarted, DataParts.Kvp),
        },
        new("KVP.AVSLUTTET", "KVP: deltakere som avsluttet",
            "Deltakere med avslutningsdato i måneden", One,
            ValueKind.Count, Direction.HigherIsBetter, IndicatorSource.Supplementary, IsCore: false, IsFlow: true)
        {
            Rule = IndicatorRule.Of(Counter.KvpEnded, DataParts.Kvp),
        },
        .. KvpSituation.All.Select(s => new IndicatorDefinition(
            KvpSituation.IndicatorPrefix + s.Code, $"KVP etter avslutning: {s.Name}",
            $"Deltakere som avsluttet programmet i måneden, med situasjon «{s.Name}» rett etter avslutning",
            "Deltakere som avsluttet programmet i måneden",
            ValueKind.Percent, s.Direction, IndicatorSource.Supplementary, IsCore: false)
        {
            Rule = IndicatorRule.Of(Counters.Situation(KvpSituation.IndexOf(s.Code)), DataParts.Kvp, Per.Count(Counter.KvpEnded, DataParts.Kvp)),
        }),
    ];

    /// <summary>
    /// What the engine computes and the pages show, in scorecard order: the 14 agreed indicators, the activity duty's
    /// V.101–V.104 and the supplementary measures, each later version of a definition right after its indicator.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = [.. Declared.SelectMany(d => d.LaterVersions.Select(d.At).Prepend(d))];

    /// <summary>The scorecard's indicators: the 14 agreed ones and V.101–V.104.</summary>
    public static IReadOnlyList<IndicatorDefinition> Core { get; } = All.Where(d => d.IsCore).ToList();

    /// <summary>
    /// The shares whose denominator is SSB's population (spec "Population"): published figures, so never suppressed, and
    /// credited "Kilde: Statistisk sentralbyrå (SSB)" wherever the values are shared.
    /// </summary>
    public static FrozenSet<string> PopulationDenominators { get; } =
        All.Where(d => d.Rule.Per.Kind == PerKind.Population).Select(d => d.Code).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, IndicatorDefinition> ByCode = All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Positions =
        All.Select((d, i) => (d.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    /// <summary>The definition with this code.</summary>
    /// <exception cref="KeyNotFoundException">No indicator has the code.</exception>
    public static IndicatorDefinition Get(string code) =>
        ByCode.TryGetValue(code, out var d) ? d : throw new KeyNotFoundException($"Ukjent indikator '{code}'.");

    /// <summary>The definition with this code, if any.</summary>
    public static IndicatorDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The codes nearest to an unknown one (case and a swapped pair of characters forgiven), for an error message.</summary>
    public static IReadOnlyList<string> Nearest(string code, int count = 3) => All
        .Select(d => (d.Code, Distance: Units.CodeDistance.Between(code, d.Code)))
        .Where(d => d.Distance <= Math.Max(2, code.Length / 2))
        .OrderBy(d => d.Distance).ThenBy(d => d.Code, StringComparer.Ordinal)
        .Take(count).Select(d => d.Code).ToList();

    /// <summary>The position of the indicator in <see cref="All"/>.</summary>
    public static int IndexOf(string code) => Positions[code];
}

/// <summary>A KOSTRA 11CF situation after the programme (AVSL code).</summary>
/// <param name="Code">The two-digit AVSL code.</param>
/// <param name="Name">Its Norwegian name.</param>
/// <param name="Direction">Whether more of it is good.</param>
public sealed record KvpSituation(string Code, string Name, Direction Direction)
{
    /// <summary>Indicator codes for situations are this prefix and the AVSL code.</summary>
    public const string IndicatorPrefix = "KVP.ETTER.";

    /// <summary>The AVSL codes of KOSTRA 11CF.</summary>
    public static IReadOnlyList<KvpSituation> All { get; } =
    [
        new("01", "ordinært arbeid", Direction.HigherIsBetter),
        new("11", "arbeid med midlertidig lønnstilskudd", Direction.HigherIsBetter),
        new("03", "andre statlige arbeidsmarkedstiltak", Direction.HigherIsBetter),
        new("04", "skole/utdanning", Direction.HigherIsBetter),
        new("13", "uføretrygd", Direction.LowerIsBetter),
        new("14", "arbeidsavklaringspenger", Direction.LowerIsBetter),
        new("15", "sosialhjelp i påvente av uføretrygd/AAP", Direction.LowerIsBetter),
        new("16", "sosialhjelp uten slik avklaring", Direction.LowerIsBetter),
        new("10", "annet", Direction.LowerIsBetter),
        new("17", "ukjent", Direction.LowerIsBetter),
    ];

    /// <summary>The position of the AVSL code in <see cref="All"/>, or -1 when it is not known.</summary>
    public static int IndexOf(string code)
    {
        for (var i = 0; i < All.Count; i++) if (All[i].Code == code) return i;
        return -1;
    }

    /// <summary>Whether the code is a known AVSL code.</summary>
    public static bool IsKnown(string code) => IndexOf(code) >= 0;
}
