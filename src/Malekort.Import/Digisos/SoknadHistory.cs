namespace Malekort.Import.Digisos;

/// <summary>A sak inside the søknad: its latest status and its first decision.</summary>
internal sealed class Sak(string referanse)
{
    public string Referanse { get; } = referanse;

    /// <summary>The latest <c>saksStatus.status</c>; <c>null</c> when no saksStatus gave one.</summary>
    public string? Status { get; set; }

    /// <summary>The first <c>vedtakFattet</c> on the sak; later ones (endringsvedtak) do not move it.</summary>
    public VedtakFattetHendelse? FirstVedtak { get; set; }
}

/// <summary>
/// The state of one søknad after replaying its events as NAV's innsyn does (S2 <c>EventService</c>, digisos.md §1.7):
/// sorted by hendelsestidspunkt, a later utbetaling replacing an earlier one with the same reference, saker created or
/// updated by reference, vedtak appended.
/// </summary>
internal sealed class SoknadHistory
{
    private readonly Dictionary<string, Sak> saker = new(StringComparer.Ordinal);
    private readonly List<Sak> sakOrder = [];
    private readonly Dictionary<string, int> paymentIndex = new(StringComparer.Ordinal);
    private readonly List<UtbetalingHendelse> payments = [];

    private SoknadHistory(List<Hendelse> ordered) => Events = ordered;

    /// <summary>The events in NAV's order.</summary>
    public IReadOnlyList<Hendelse> Events { get; }

    /// <summary>The first <c>soknadsStatus MOTTATT</c>.</summary>
    public SoknadsStatusHendelse? FirstMottatt { get; private set; }

    /// <summary>The office the søknad is assigned to after the last <c>tildeltNavKontor</c>.</summary>
    public TildeltNavKontorHendelse? Office { get; private set; }

    /// <summary>The first <c>vedtakFattet</c> with no saksreferanse: a decision on the søknad itself.</summary>
    public VedtakFattetHendelse? SoknadVedtak { get; private set; }

    /// <summary>The saker in the order first named.</summary>
    public IReadOnlyList<Sak> Saker => sakOrder;

    /// <summary>The latest version of each payment, in the order the references were first met.</summary>
    public IReadOnlyList<UtbetalingHendelse> Payments => payments;

    public Sak? FindSak(string? referanse) => referanse is not null && saker.TryGetValue(referanse, out var sak) ? sak : null;

    public static SoknadHistory Replay(IReadOnlyList<Hendelse> events)
    {
        var history = new SoknadHistory(InNavOrder(events));
        foreach (var hendelse in history.Events) history.Apply(hendelse);
        return history;
    }

    /// <summary>
    /// Sorted by time; for equal times NAV's comparator puts utbetaling before vilkar and dokumentasjonkrav, and MOTTATT
    /// before UNDER_BEHANDLING, and otherwise keeps file order (Kotlin's sort is stable). Its comparator is not a total
    /// order, so instead of sorting with it, each tie is put in file order and then the two rules reorder only the events
    /// they speak about, within the places those events already hold.
    /// </summary>
    public static List<Hendelse> InNavOrder(IReadOnlyList<Hendelse> events)
    {
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Index).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start + 1;
            while (end < ordered.Count && ordered[end].At == ordered[start].At) end++;
            if (end - start > 1)
            {
                Reorder(ordered, start, end, PaymentBeforeConditions);
                Reorder(ordered, start, end, MottattBeforeUnderBehandling);
            }
            start = end;
        }
        return ordered;
    }

    private static int PaymentBeforeConditions(Hendelse e) => e.Type switch
    {
        DigisosSchema.Utbetaling => 0,
        DigisosSchema.Vilkar or DigisosSchema.Dokumentasjonkrav => 1,
        _ => -1,
    };

    private static int MottattBeforeUnderBehandling(Hendelse e) => e switch
    {
        SoknadsStatusHendelse { Status: DigisosSchema.Mottatt } => 0,
        SoknadsStatusHendelse { Status: DigisosSchema.UnderBehandling } => 1,
        _ => -1,
    };

    /// <summary>Stable-sorts, by rank, the events in [start, end) that have a rank (≥ 0), leaving the others where they are.</summary>
    private static void Reorder(List<Hendelse> events, int start, int end, Func<Hendelse, int> rank)
    {
        var places = new List<int>();
        for (var i = start; i < end; i++) if (rank(events[i]) >= 0) places.Add(i);
        if (places.Count < 2) return;
        var sorted = places.Select(i => events[i]).OrderBy(rank).ToList();
        for (var k = 0; k < places.Count; k++) events[places[k]] = sorted[k];
    }

    private void Apply(Hendelse hendelse)
    {
        switch (hendelse)
        {
            case SoknadsStatusHendelse { Status: DigisosSchema.Mottatt } mottatt:
                FirstMottatt ??= mottatt;
                break;
            case TildeltNavKontorHendelse office:
                Office = office;
                break;
            case SaksStatusHendelse status:
                var sak = SakFor(status.Referanse);
                if (status.Status is not null) sak.Status = status.Status;
                break;
            case VedtakFattetHendelse { Saksreferanse: { } referanse } vedtak:
                var decided = SakFor(referanse);
                decided.FirstVedtak ??= vedtak;
                break;
            case VedtakFattetHendelse vedtak:
                SoknadVedtak ??= vedtak;
                break;
            case UtbetalingHendelse payment:
                if (paymentIndex.TryGetValue(payment.Referanse, out var at)) payments[at] = payment;
                else
                {
                    paymentIndex[payment.Referanse] = payments.Count;
                    payments.Add(payment);
                }
                break;
        }
    }

    private Sak SakFor(string referanse)
    {
        if (!saker.TryGetValue(referanse, out var sak))
        {
            saker[referanse] = sak = new Sak(referanse);
            sakOrder.Add(sak);
        }
        return sak;
    }
}
