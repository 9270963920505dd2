using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Pseudonyms;
using Malekort.Units;

namespace Malekort.Import.Digisos;

/// <summary>Who the application is about, where it is counted, and the key that makes later versions replace it.</summary>
/// <param name="PersonKey">The applicant's pseudonym.</param>
/// <param name="BirthDate">From soknad.json, else from the fødselsnummer; <c>null</c> when neither gives one.</param>
/// <param name="Unit">The municipality (2024 numbering) or, in Oslo, the district of the assigned NAV office.</param>
/// <param name="SupersessionKey"><c>digisos:</c> and fiksDigisosId, or a key from the person and the first MOTTATT.</param>
internal sealed record Applicant(string PersonKey, DateOnly? BirthDate, UnitCode Unit, string SupersessionKey);

/// <summary>
/// Resolves the applicant and unit from the Fiks envelope and soknad.json, since digisos-soker.json itself has neither
/// (§2.1: "digisos-soker.json itself contains no personal data").
/// </summary>
internal sealed class ApplicantResolution(Pseudonymizer pseudonyms, string sokerFile, FindingLog log)
{
    private readonly UnitRegister units = UnitRegister.Default;

    /// <summary>The applicant; <c>null</c> when the person or unit cannot be found (an error says which and why).</summary>
    public Applicant? Resolve(DigisosEnvelope envelope, SoknadJson? soknad, SoknadHistory history)
    {
        var fnr = Person(envelope, soknad);
        var unit = Unit(envelope, soknad, history, reportMissing: fnr is not null || envelope.Embedded || soknad is not null);
        // The resolved unit (an Oslo district rather than 0301) owns the findings, even if the file is rejected after this.
        if (unit is not null) log.Unit = unit;
        if (fnr is null && !envelope.Embedded && soknad is null)
        {
            var missing = unit is null ? "hvem søknaden gjelder og hvilken kommune den hører til" : "hvem søknaden gjelder";
            log.Error(sokerFile, 0, "", $"Filen sier ikke {missing}: digisos-soker.json har verken fødselsnummer eller "
                + "kommunenummer. Importer den i en mappe sammen med søknadens soknad.json, eller som DigisosSak fra Fiks "
                + "med sokerFnr og kommunenummer.");
            return null;
        }
        if (fnr is null || unit is null) return null;

        var personKey = pseudonyms.Of(fnr.Value);
        return new Applicant(personKey, BirthDate(fnr, soknad), unit.Value, SupersessionKey(envelope, history, personKey));
    }

    private Located? Person(DigisosEnvelope envelope, SoknadJson? soknad)
    {
        var fromEnvelope = envelope.SokerFnr;
        var fromSoknad = soknad?.PersonIdentifikator;
        if (fromEnvelope is not null && fromSoknad is not null
            && !string.Equals(fromEnvelope.Value, fromSoknad.Value, StringComparison.Ordinal))
        {
            Error(fromSoknad, "personIdentifikator i soknad.json er en annen person enn sokerFnr i DigisosSak; filene hører ikke "
                + "til samme søknad.");
            return null;
        }
        var fnr = fromEnvelope ?? fromSoknad;
        if (fnr is null)
        {
            if (envelope.Embedded)
                log.Error(sokerFile, envelope.Document.Line, "sokerFnr", "sokerFnr mangler i DigisosSak, og ingen soknad.json har "
                    + "personIdentifikator; uten fødselsnummer kan søknaden ikke knyttes til en person.");
            else if (soknad is not null)
                log.Error(SoknadJson.File, 0, "personIdentifikator", "data.personalia.personIdentifikator mangler i soknad.json; "
                    + "uten fødselsnummer kan søknaden ikke knyttes til en person.");
            return null;
        }
        switch (Fodselsnummer.Problem(fnr.Value))
        {
            case FodselsnummerProblem.None:
                return fnr;
            case FodselsnummerProblem.ControlDigits:
                // NAV's own example søknad uses 12345678901: the number still keys the person, only its birth date is unknown.
                Add(Severity.Warning, fnr, $"{fnr.Field} har feil kontrollsiffer; det brukes likevel som nøkkel for personen, "
                    + "men fødselsdatoen kan ikke leses av det.");
                return fnr;
            default:
                Error(fnr, $"{fnr.Field} er ikke et fødselsnummer eller D-nummer på 11 siffer.");
                return null;
        }
    }

    private DateOnly? BirthDate(Located fnr, SoknadJson? soknad)
    {
        var fromNumber = Fodselsnummer.BirthDate(fnr.Value);
        if (soknad?.Fodselsdato is { } stated)
        {
            if (fromNumber is { } encoded && encoded != stated)
                log.Warning(SoknadJson.File, soknad.FodselsdatoLine, "fodselsdato",
                    "personalia.fodselsdato stemmer ikke med datoen i fødselsnummeret; datoen i soknad.json brukes.");
            return stated;
        }
        if (fromNumber is null)
            Add(Severity.Info, fnr, "Fødselsdatoen er ukjent (ingen personalia.fodselsdato, og fødselsnummeret gir ingen dato); "
                + "personen telles ikke blant mottakere under 25 år (BL153, B.103).");
        return fromNumber;
    }

    private UnitCode? Unit(DigisosEnvelope envelope, SoknadJson? soknad, SoknadHistory history, bool reportMissing)
    {
        var kommune = envelope.Kommunenummer ?? soknad?.Kommunenummer;
        if (envelope.Kommunenummer is { } a && soknad?.Kommunenummer is { } b && !string.Equals(a.Value, b.Value, StringComparison.Ordinal))
            Add(Severity.Warning, a, $"kommunenummer {FindingLog.Shown(a.Value)} i DigisosSak og mottaker.kommunenummer "
                + $"{FindingLog.Shown(b.Value)} i soknad.json er ulike; DigisosSak brukes.");
        var (office, officeSource) = Office(envelope, soknad, history);
        var district = OsloOffices.DistrictOf(office?.Value);

        UnitCode? municipality = null;
        if (kommune is not null)
        {
            if (UnitCode.TryParse(kommune.Value, out var code) && code.Kind == UnitKind.Municipality && units.IsKnownCaptureUnit(code))
                municipality = code;
            else if (units.Renumbered.TryGetValue(kommune.Value, out var current))
            {
                municipality = UnitCode.Parse(current);
                Add(Severity.Info, kommune, $"kommunenummer {FindingLog.Shown(kommune.Value)} er fra før 2024; søknaden regnes til "
                    + $"{current} {units.NameOf(municipality.Value)}.");
            }
        }

        if (municipality is { Value: OsloOffices.Oslo })
        {
            if (district is { } d) return d.District;
            Add(Severity.Warning, office ?? kommune!, office is null
                ? "Søknaden i Oslo er ikke tildelt noe NAV-kontor (tildeltNavKontor); den lagres på Oslo kommune (0301), "
                  + "ikke på en bydel."
                : $"NAV-kontor {FindingLog.Shown(office.Value)} ({officeSource}) er ikke et av Oslos 15 bydelskontorer; søknaden "
                  + "lagres på Oslo kommune (0301), ikke på en bydel.");
            return municipality;
        }
        if (municipality is not null) return municipality;

        if (district is { } fallback)
        {
            var why = kommune is null
                ? "kommunenummer mangler"
                : $"kommunenummer {FindingLog.Shown(kommune.Value)} er ikke en kommune i 2024-registeret";
            Add(Severity.Warning, kommune ?? office!, $"{why}; søknaden regnes til bydel {units.NameOf(fallback.District)} "
                + $"({fallback.District}) etter NAV-kontoret den er tildelt, {fallback.OfficeName} ({officeSource}).");
            return fallback.District;
        }
        if (kommune is not null)
        {
            var split = units.Renumbered.ContainsKey(kommune.Value) ? "" : " (en kommune som er delt, har ingen entydig etterfølger)";
            Error(kommune, $"kommunenummer {FindingLog.Shown(kommune.Value)} er ikke en kommune i 2024-registeret{split}, "
                + "og søknaden er ikke tildelt et NAV-kontor i Oslo; den kan ikke knyttes til en kommune.");
        }
        else if (reportMissing)
        {
            log.Error(envelope.Embedded ? sokerFile : SoknadJson.File, 0, "kommunenummer",
                "kommunenummer mangler (i DigisosSak eller soknad.json sin mottaker); søknaden kan ikke knyttes til en kommune.");
        }
        return null;
    }

    /// <summary>
    /// The office the søknad is assigned to: the last <c>tildeltNavKontor</c>, else the office it was sent to
    /// (<c>tilleggsinformasjon.enhetsnummer</c>, soknad.json <c>mottaker.enhetsnummer</c>).
    /// </summary>
    private static (Located? Office, string Source) Office(DigisosEnvelope envelope, SoknadJson? soknad, SoknadHistory history)
    {
        if (history.Office is { NavKontor: { } assigned } hendelse)
            return (new Located(assigned, "", hendelse.Line, "navKontor"), "siste tildeltNavKontor");
        if (envelope.Enhetsnummer is { } sentTo) return (sentTo, "tilleggsinformasjon.enhetsnummer");
        if (soknad?.Enhetsnummer is { } receiver) return (receiver, "mottaker.enhetsnummer i soknad.json");
        return (null, "");
    }

    /// <summary>
    /// fiksDigisosId names the application in Fiks. Without it, the applicant and the first MOTTATT (the schema requires it
    /// in the first upload, §1.1) name it just as stably, since each upload repeats all earlier events.
    /// </summary>
    private string SupersessionKey(DigisosEnvelope envelope, SoknadHistory history, string personKey)
    {
        if (envelope.FiksDigisosId is { } id) return "digisos:" + id.Value;
        var first = history.FirstMottatt ?? (Hendelse)history.Events[0];
        if (history.FirstMottatt is null)
            log.Warning(sokerFile, first.Line, "hendelsestidspunkt", "Uten fiksDigisosId og uten soknadsStatus MOTTATT kjennes "
                + "søknaden igjen på personen og den første hendelsen; en ny versjon av filen må ha samme første hendelse for å "
                + "erstatte denne.");
        else
            log.Add(Severity.Info, sokerFile, first.Line, "hendelsestidspunkt", "fiksDigisosId mangler; søknaden kjennes igjen på "
                + "personen og første soknadsStatus MOTTATT, så en ny versjon av filen erstatter denne.");
        return "digisos:" + personKey + ":" + DigisosValues.KeyText(first.At);
    }

    private void Error(Located at, string message) => Add(Severity.Error, at, message);

    private void Add(Severity severity, Located at, string message) =>
        log.Add(severity, at.File.Length > 0 ? at.File : sokerFile, at.Line, at.Field, message);
}
