using System.Text.Json;
using Malekort.Import.Capture;
using Malekort.Import.Limits;
using Malekort.Periods;
using static System.FormattableString;

namespace Malekort.Import.Digisos;

/// <summary>
/// Reads the <c>hendelser</c> array into events. A hendelse without a type, time or its identifying reference cannot be
/// replayed and rejects the file; unknown types, fields and enum values are legal (§1.2–1.3) and only reported; a bad
/// optional value (an impossible date, an amount that is no number) is a warning and the field is ignored. A hendelse after the
/// import time <paramref name="now"/>, or a payment paid after it, cannot have happened and rejects the file
/// (<see cref="BatchLimits.EventDay"/>).
/// </summary>
internal sealed class HendelseReader(FindingTally findings, DateTimeOffset now)
{
    public List<Hendelse> Read(JsonTreeNode hendelser)
    {
        var events = new List<Hendelse>(hendelser.Items.Count);
        for (var i = 0; i < hendelser.Items.Count; i++)
        {
            if (Read(hendelser.Items[i], i) is { } hendelse) events.Add(hendelse);
        }
        return events;
    }

    private Hendelse? Read(JsonTreeNode node, int index)
    {
        var number = index + 1;
        if (!node.IsObject)
        {
            findings.Error(node.Line, "hendelser", Invariant($"Hendelse nr. {number} er {node.KindName}, ikke et objekt; ")
                + "hver hendelse skal være et objekt med type og hendelsestidspunkt.");
            return null;
        }
        var type = node["type"] is { Kind: JsonValueKind.String, Text.Length: > 0 } t ? t.Text : null;
        if (type is null)
        {
            findings.Error(node["type"]?.Line ?? node.Line, "type", Invariant($"Hendelse nr. {number} mangler type (tekst); ")
                + "uten type kan hendelsen ikke tolkes.");
            return null;
        }
        if (Timestamp(node, number, type) is not { } at) return null;
        if (!DigisosSchema.FieldsByType.TryGetValue(type, out var fields))
        {
            findings.Info(node.Line, "type", $"Ukjent hendelsestype {FindingLog.Shown(type)} blir ignorert; formatet tillater nye typer.");
            return new OtherHendelse(type, at, index, node.Line);
        }
        ReportUnknownFields(node, type, fields);
        ReportUnknownValues(node, type);
        var line = node.Line;
        return type switch
        {
            DigisosSchema.SoknadsStatus => Text(node, type, "status") is { } status
                ? new SoknadsStatusHendelse(at, index, line, status)
                : Ignored(node, type, "status"),
            DigisosSchema.TildeltNavKontor => Office(node, type) is { } office
                ? new TildeltNavKontorHendelse(at, index, line, office)
                : null,
            DigisosSchema.SaksStatus => Reference(node, type, "referanse") is { } referanse
                ? new SaksStatusHendelse(at, index, line, referanse, Text(node, type, "status"))
                : null,
            DigisosSchema.VedtakFattet => new VedtakFattetHendelse(at, index, line, SaksreferanseOfVedtak(node, type)),
            DigisosSchema.Utbetaling => Utbetaling(node, at, index),
            _ => new OtherHendelse(type, at, index, line),
        };
    }

    private DateTimeOffset? Timestamp(JsonTreeNode node, int number, string type)
    {
        var field = node["hendelsestidspunkt"];
        if (field is not { Kind: JsonValueKind.String })
        {
            findings.Error(field?.Line ?? node.Line, "hendelsestidspunkt",
                Invariant($"Hendelse nr. {number} ({FindingLog.Shown(type)}) mangler hendelsestidspunkt; ")
                + "uten tidspunkt kan hendelsene ikke settes i rekkefølge.");
            return null;
        }
        if (!DigisosValues.TryTimestamp(field.Text, out var at, out var zone))
        {
            findings.Error(field.Line, "hendelsestidspunkt",
                $"hendelsestidspunkt {FindingLog.Shown(field.Text)} er ikke et gyldig tidspunkt; forventet UTC som "
                + Invariant($"2018-10-04T13:37:00.134Z, i årene {DigisosValues.FirstYear}–{DigisosValues.LastYear}."));
            return null;
        }
        if (BatchLimits.EventDay("hendelsestidspunkt", OsloTime.DateOf(at), now) is { } impossible)
        {
            findings.Error(field.Line, "hendelsestidspunkt", impossible);
            return null;
        }
        if (zone == TimestampZone.Offset)
            findings.Warning(field.Line, "hendelsestidspunkt",
                "hendelsestidspunkt har tidssoneforskyvning; formatet krever UTC (Z). Tidspunktet er lest med den oppgitte forskyvningen.");
        else if (zone == TimestampZone.None)
            findings.Warning(field.Line, "hendelsestidspunkt",
                "hendelsestidspunkt mangler tidssone; formatet krever UTC (Z), og tidspunktet er lest som UTC.");
        return at;
    }

    private UtbetalingHendelse? Utbetaling(JsonTreeNode node, DateTimeOffset at, int index)
    {
        const string type = DigisosSchema.Utbetaling;
        if (Reference(node, type, "utbetalingsreferanse") is not { } referanse) return null;
        var saksreferanse = Text(node, type, "saksreferanse") is { Length: > 0 } s ? s : null;
        var status = Text(node, type, "status");
        var paid = Date(node, type, "utbetalingsdato");
        // A planned payment may fall due later; one paid after the import time cannot have been.
        if (status == DigisosSchema.Utbetalt && paid is { } paidOn && BatchLimits.EventDay("utbetalingsdato", paidOn, now) is { } impossible)
        {
            findings.Error(node["utbetalingsdato"]!.Line, "utbetalingsdato", impossible);
            return null;
        }
        return new UtbetalingHendelse(at, index, node.Line, referanse, saksreferanse, status, Amount(node),
            Date(node, type, "forfallsdato"), paid, Date(node, type, "fom"), Date(node, type, "tom"));
    }

    private string? SaksreferanseOfVedtak(JsonTreeNode node, string type)
    {
        if (Text(node, type, "saksreferanse") is { Length: > 0 } referanse) return referanse;
        // NAV files such a vedtak under a synthetic "default" sak (§1.7); here it belongs to the søknad itself.
        findings.Info(node.Line, "saksreferanse", "vedtakFattet uten saksreferanse knyttes til søknaden selv.");
        return null;
    }

    private string? Office(JsonTreeNode node, string type)
    {
        if (Text(node, type, "navKontor") is not { } office)
        {
            Ignored(node, type, "navKontor");
            return null;
        }
        if (office.Length == 4 && office.All(char.IsAsciiDigit)) return office;
        findings.Warning(node["navKontor"]!.Line, "navKontor",
            $"navKontor {FindingLog.Shown(office)} er ikke et enhetsnummer på 4 siffer; hendelsen blir ignorert.");
        return null;
    }

    private string? Reference(JsonTreeNode node, string type, string field)
    {
        if (Text(node, type, field) is { Length: > 0 } reference) return reference;
        findings.Error(node[field]?.Line ?? node.Line, field,
            $"{type} mangler {field}; uten den kan hendelsen ikke knyttes til de andre hendelsene.");
        return null;
    }

    private Hendelse? Ignored(JsonTreeNode node, string type, string field)
    {
        findings.Warning(node.Line, field, $"{type} mangler {field}; hendelsen blir ignorert.");
        return null;
    }

    /// <summary>A text field; <c>null</c> when absent or null, a warning when it is something else.</summary>
    private string? Text(JsonTreeNode node, string type, string field)
    {
        var value = node[field];
        switch (value?.Kind)
        {
            case null or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.Text;
            default:
                findings.Warning(value.Line, field, $"{field} i {type} skal være en tekst, ikke {value.KindName}; feltet blir ignorert.");
                return null;
        }
    }

    private DateOnly? Date(JsonTreeNode node, string type, string field)
    {
        if (Text(node, type, field) is not { } text) return null;
        var line = node[field]!.Line;
        var shown = FindingLog.Shown(text);
        switch (DigisosValues.TryDate(text, out var date))
        {
            case DateProblem.None:
                return date;
            case DateProblem.NotCalendar:
                findings.Warning(line, field, $"{field} {shown} er ikke en gyldig kalenderdato; feltet blir ignorert.");
                return null;
            case DateProblem.Implausible:
                findings.Warning(line, field,
                    $"{field} {shown} ligger utenfor årene "
                    + Invariant($"{DigisosValues.FirstYear}–{DigisosValues.LastYear}; feltet blir ignorert."));
                return null;
            default:
                findings.Warning(line, field, $"{field} {shown} er ikke en dato (ÅÅÅÅ-MM-DD); feltet blir ignorert.");
                return null;
        }
    }

    private decimal? Amount(JsonTreeNode node)
    {
        var value = node["belop"];
        if (value is null || value.Kind == JsonValueKind.Null) return null;
        if (value.Kind == JsonValueKind.Number && DigisosValues.Amount(value.Text) is { } amount)
        {
            if (amount < 0) findings.Warning(value.Line, "belop", "belop er negativt; beløpet lagres som oppgitt.");
            return amount;
        }
        findings.Warning(value.Line, "belop", value.Kind == JsonValueKind.Number
            ? $"belop {FindingLog.Shown(value.Text)} er ikke et beløp på høyst tusen milliarder kr; feltet blir ignorert."
            : $"belop skal være et tall (kr), ikke {value.KindName}; feltet blir ignorert.");
        return null;
    }

    private void ReportUnknownFields(JsonTreeNode node, string type, string[] fields)
    {
        foreach (var property in node.Properties)
        {
            if (DigisosSchema.CommonFields.Contains(property.Name, StringComparer.Ordinal)
                || fields.Contains(property.Name, StringComparer.Ordinal))
                continue;
            var name = FindingLog.Shown(property.Name);
            findings.Info(property.Line, name, $"Ukjent felt {name} i {type} blir ignorert; formatet tillater nye felt.");
        }
    }

    private void ReportUnknownValues(JsonTreeNode node, string type)
    {
        foreach (var property in node.Properties)
        {
            if (!DigisosSchema.EnumValues.TryGetValue((type, property.Name), out var values)
                || property.Value.Kind != JsonValueKind.String
                || values.Contains(property.Value.Text, StringComparer.Ordinal))
                continue;
            var value = FindingLog.Shown(property.Value.Text);
            var consequence = (type, property.Name, property.Value.Text) switch
            {
                (DigisosSchema.Utbetaling, _, DigisosSchema.MidlertidigStoppet) => "verdien fantes i 2019 og leses som STOPPET",
                (DigisosSchema.Utbetaling, _, _) => "utbetalingen telles ikke som utbetalt",
                (DigisosSchema.SaksStatus, _, _) => "saken regnes som økonomisk sosialhjelp",
                _ => "verdien brukes ikke i indikatorene",
            };
            findings.Warning(property.Line, property.Name,
                $"Ukjent verdi {value} for {property.Name} i {type}; formatet tillater nye verdier, og {consequence}.");
        }
    }
}
