using System.Collections.Frozen;

namespace Malekort.Import.Digisos;

/// <summary>
/// The names the schema knows (navikt/soknadsosialhjelp-filformat, digisos.md §1.2–1.4 and §1.1 for the Fiks envelope).
/// Anything else is legal (no <c>additionalProperties: false</c>; "new types and values may be added") and only reported.
/// </summary>
internal static class DigisosSchema
{
    public const string SoknadsStatus = "soknadsStatus";
    public const string TildeltNavKontor = "tildeltNavKontor";
    public const string SaksStatus = "saksStatus";
    public const string VedtakFattet = "vedtakFattet";
    public const string Utbetaling = "utbetaling";
    public const string Vilkar = "vilkar";
    public const string Dokumentasjonkrav = "dokumentasjonkrav";

    // soknadsStatus.status
    public const string Mottatt = "MOTTATT";
    public const string UnderBehandling = "UNDER_BEHANDLING";

    // saksStatus.status: saker that are not økonomisk sosialhjelp (§1.4 "feks. når saken ikke gjelder økonomisk sosialhjelp").
    public const string IkkeInnsyn = "IKKE_INNSYN";
    public const string Feilregistrert = "FEILREGISTRERT";

    // utbetaling.status
    public const string Utbetalt = "UTBETALT";
    public const string PlanlagtUtbetaling = "PLANLAGT_UTBETALING";
    public const string Stoppet = "STOPPET";
    public const string Annullert = "ANNULLERT";
    /// <summary>Existed briefly in 2019 and was removed (§1.4); old files may still carry it.</summary>
    public const string MidlertidigStoppet = "MIDLERTIDIG_STOPPET";

    /// <summary>Fields every hendelse has.</summary>
    public static readonly string[] CommonFields = ["type", "hendelsestidspunkt"];

    /// <summary>The fields of each known hendelse type besides <see cref="CommonFields"/> (§1.4).</summary>
    public static readonly FrozenDictionary<string, string[]> FieldsByType = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [SoknadsStatus] = ["status"],
        [TildeltNavKontor] = ["navKontor"],
        [SaksStatus] = ["referanse", "tittel", "status"],
        [VedtakFattet] = ["saksreferanse", "vedtaksfil", "utfall", "vedlegg"],
        [Utbetaling] =
        [
            "utbetalingsreferanse", "saksreferanse", "rammevedtaksreferanse", "status", "belop", "beskrivelse", "forfallsdato",
            "utbetalingsdato", "fom", "tom", "annenMottaker", "mottaker", "kontonummer", "utbetalingsmetode",
        ],
        [Vilkar] = ["vilkarreferanse", "saksreferanse", "utbetalingsreferanse", "tittel", "beskrivelse", "status"],
        [Dokumentasjonkrav] =
            ["dokumentasjonkravreferanse", "saksreferanse", "utbetalingsreferanse", "tittel", "beskrivelse", "frist", "status"],
        ["dokumentasjonEtterspurt"] = ["dokumenter", "forvaltningsbrev", "vedlegg"],
        ["forelopigSvar"] = ["forvaltningsbrev", "vedlegg"],
        ["rammevedtak"] = ["rammevedtaksreferanse", "saksreferanse", "beskrivelse", "belop", "fom", "tom"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The enum values of each (type, field); OPPFYLT and IKKE_OPPFYLT are deprecated but still valid.</summary>
    public static readonly FrozenDictionary<(string Type, string Field), string[]> EnumValues =
        new Dictionary<(string, string), string[]>
        {
            [(SoknadsStatus, "status")] = [Mottatt, UnderBehandling, "FERDIGBEHANDLET", "BEHANDLES_IKKE"],
            [(SaksStatus, "status")] = [UnderBehandling, IkkeInnsyn, "BEHANDLES_IKKE", Feilregistrert],
            [(VedtakFattet, "utfall")] = ["INNVILGET", "DELVIS_INNVILGET", "AVSLATT", "AVVIST"],
            [(Utbetaling, "status")] = [PlanlagtUtbetaling, Utbetalt, Stoppet, Annullert],
            [(Vilkar, "status")] = ["RELEVANT", Annullert, "OPPFYLT", "IKKE_OPPFYLT"],
            [(Dokumentasjonkrav, "status")] = ["RELEVANT", "LEVERT_TIDLIGERE", Annullert, "OPPFYLT", "IKKE_OPPFYLT"],
        }.ToFrozenDictionary();

    /// <summary>The top level of digisos-soker.json.</summary>
    public static readonly string[] DocumentFields = ["version", "avsender", "hendelser"];

    /// <summary>What Fiks adds beside the document when it is embedded as <c>digisosSoker</c> (§1.1).</summary>
    public static readonly string[] FiksDocumentFields = ["metadata", "dokumenter", "timestampSistOppdatert"];

    public static readonly string[] AvsenderFields = ["systemnavn", "systemversjon"];

    /// <summary>
    /// The DigisosSak envelope (S4, §1.1), and <c>sak</c> and <c>type</c> of the wrapper NAV's test client posts
    /// (<c>{"sak":{"soker":…},"type":"no.nav.digisos.digisos.soker.v1"}</c>).
    /// </summary>
    public static readonly string[] EnvelopeFields =
    [
        "fiksDigisosId", "sokerFnr", "fiksOrgId", "kommunenummer", "sistEndret", "originalSoknadNAV", "ettersendtInfoNAV",
        "digisosSoker", "tilleggsinformasjon", "sak", "type",
    ];
}
