using Malekort.Capture;
using Malekort.Import.Capture;
using Malekort.Periods;

namespace Malekort.Import.Digisos;

/// <summary>
/// Turns a replayed søknad into the source-neutral records (docs/formats/digisos.md, "Mapping"). Calendar days of
/// Tidspunkt values are days in Europe/Oslo; Dato values are calendar dates as written.
/// </summary>
internal sealed class BatchMapping(FindingTally findings, Applicant applicant, SoknadHistory history)
{
    private DateOnly first = DateOnly.MaxValue;
    private DateOnly last = DateOnly.MinValue;

    public CaptureBatch Map(string sourceSystem, DigisosEnvelope envelope, string contentHash)
    {
        foreach (var hendelse in history.Events) Touch(OsloTime.DateOf(hendelse.At));
        var payments = history.Payments.Select(Payment).ToList();
        var cases = Cases();
        var persons = applicant.BirthDate is { } birth ? new List<PersonRecord> { new(applicant.PersonKey, birth, null) } : [];

        var domains = CaptureDomains.Payments | CaptureDomains.Cases | (persons.Count > 0 ? CaptureDomains.Persons : CaptureDomains.None);
        var extractedAt = history.Events.Max(e => e.At);
        if (envelope.ChangedAt is { } changed && changed > extractedAt) extractedAt = changed;
        var header = new BatchHeader(DigisosReader.FormatName, sourceSystem, applicant.Unit, first, last, extractedAt, domains,
            applicant.SupersessionKey);
        return new CaptureBatch(header, contentHash, persons, [], payments, [], [], [], cases, [], [], []);
    }

    private PaymentRecord Payment(UtbetalingHendelse u)
    {
        var sak = history.FindSak(u.Saksreferanse);
        if (u.Saksreferanse is { } referanse && sak is null)
            findings.Info(u.Line, "saksreferanse", $"utbetaling viser til sak {FindingLog.Shown(referanse)}, som ingen saksStatus "
                + "eller vedtakFattet nevner; utbetalingen regnes som økonomisk sosialhjelp.");
        var (from, to) = Period(u);
        // NAV: "utbetalingsdato = når utbetalingen kom inn på konto"; vendors often send only forfallsdato (§4).
        var paid = u.Utbetalingsdato ?? u.Forfallsdato ?? OsloTime.DateOf(u.At);
        Touch(paid);
        if (from is { } f && to is { } t)
        {
            Touch(f);
            Touch(t);
        }
        return new PaymentRecord(u.Referanse, applicant.PersonKey, DigisosReader.TypeCode, CategoryOf(sak), u.Belop ?? 0m,
            StatusOf(u.Status), paid, from, to, u.Saksreferanse);
    }

    /// <summary>
    /// The period is both dates or neither (capture rule "both or neither"); one date alone is a one-day period, and a period
    /// that ends before it starts is left out, so the payment is dated by its payment date instead.
    /// </summary>
    private (DateOnly? From, DateOnly? To) Period(UtbetalingHendelse u)
    {
        switch (u.Fom, u.Tom)
        {
            case ({ } from, { } to) when from <= to:
                return (from, to);
            case ({ } from, { } to):
                findings.Warning(u.Line, "tom", $"tom {DigisosValues.Text(to)} er før fom {DigisosValues.Text(from)}; perioden blir "
                    + "ignorert, og utbetalingen dateres etter utbetalingsdato.");
                return (null, null);
            case ({ } from, null):
                findings.Info(u.Line, "tom", "utbetaling har fom uten tom; perioden regnes som den ene dagen.");
                return (from, from);
            case (null, { } to):
                findings.Info(u.Line, "fom", "utbetaling har tom uten fom; perioden regnes som den ene dagen.");
                return (to, to);
            default:
                return (null, null);
        }
    }

    /// <summary>NAV's reading (§1.7, S2 Utbetaling.kt): a missing status is PLANLAGT_UTBETALING.</summary>
    private static PaymentStatus StatusOf(string? status) => status switch
    {
        DigisosSchema.Utbetalt => PaymentStatus.Utbetalt,
        DigisosSchema.Stoppet or DigisosSchema.MidlertidigStoppet => PaymentStatus.Stoppet,
        DigisosSchema.Annullert => PaymentStatus.Annullert,
        _ => PaymentStatus.Planlagt,
    };

    /// <summary>
    /// IKKE_INNSYN is used "når saken ikke gjelder økonomisk sosialhjelp" (§1.4; komplett.json's sak "KVP") and FEILREGISTRERT
    /// saker are not shown at all: neither is social assistance. Every other sak, and a payment with no sak, is.
    /// </summary>
    private static BenefitCategory CategoryOf(Sak? sak) => sak?.Status is DigisosSchema.IkkeInnsyn or DigisosSchema.Feilregistrert
        ? BenefitCategory.Annet
        : BenefitCategory.OkonomiskSosialhjelp;

    /// <summary>
    /// One case per sak, received on the søknad's first MOTTATT and approved on the sak's first vedtakFattet: processing time
    /// runs from application to first decision, so a later endringsvedtak does not lengthen it. A vedtak without
    /// saksreferanse, or a søknad with no sak yet, gives a case for the søknad itself.
    /// </summary>
    private List<CaseRecord> Cases()
    {
        DateOnly? received = null;
        if (history.FirstMottatt is { } mottatt) received = OsloTime.DateOf(mottatt.At);
        else
            findings.Warning(history.Events[0].Line, "status", "Ingen soknadsStatus MOTTATT; sakene får ingen mottatt-dato og "
                + "telles ikke i saksbehandlingstiden (PL151).");
        var cases = new List<CaseRecord>();
        foreach (var sak in history.Saker) cases.Add(Case(sak.Referanse, CategoryOf(sak), received, sak.FirstVedtak));
        if (history.SoknadVedtak is not null || history.Saker.Count == 0)
            cases.Add(Case(applicant.SupersessionKey, BenefitCategory.OkonomiskSosialhjelp, received, history.SoknadVedtak));
        return cases;
    }

    private CaseRecord Case(string id, BenefitCategory category, DateOnly? received, VedtakFattetHendelse? vedtak)
    {
        DateOnly? approved = vedtak is null ? null : OsloTime.DateOf(vedtak.At);
        if (approved is { } a && received is { } r && a < r)
        {
            findings.Warning(vedtak!.Line, "hendelsestidspunkt", $"vedtakFattet {DigisosValues.Text(a)} er før søknaden ble mottatt "
                + $"({DigisosValues.Text(r)}); vedtaksdatoen blir ignorert, og saken telles ikke i saksbehandlingstiden (PL151).");
            approved = null;
        }
        if (received is { } on) Touch(on);
        if (approved is { } decided) Touch(decided);
        return new CaseRecord(id, applicant.PersonKey, DigisosReader.TypeCode, category, received, approved);
    }

    private void Touch(DateOnly day)
    {
        if (day < first) first = day;
        if (day > last) last = day;
    }
}
