using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Malekort.Capture;
using Malekort.Import.Digisos;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Writes a unit's social assistance applications received in a year as Digisos: one DigisosSak file per application
/// (<c>fiksDigisosId</c>, <c>sokerFnr</c>, <c>kommunenummer</c> and the <c>digisos-soker</c> events: MOTTATT, the office for an Oslo
/// district, the sak, its vedtak and every payment made on it), as the finally known truth. For the import benchmark;
/// docs/formats/digisos.md describes how Målekort reads it.
/// </summary>
internal sealed class DigisosWriter(UnitHistory history, PersonNumbers numbers)
{
    /// <summary>Writes the applications under <paramref name="directory"/> and returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, int year)
    {
        var first = new Month(year, 1).Start.DayNumber;
        var last = new Month(year, 12).End.DayNumber;
        var payments = new Dictionary<int, List<int>>();
        var rows = CollectionsMarshal.AsSpan(history.Payments);
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].CaseId == 0) continue;
            if (!payments.TryGetValue(rows[i].CaseId, out var list)) payments[rows[i].CaseId] = list = [];
            list.Add(i);
        }
        var paths = new List<string>();
        foreach (ref readonly var c in CollectionsMarshal.AsSpan(history.Cases))
        {
            if (CodeLists.CaseTypes[c.CaseType].Category != BenefitCategory.OkonomiskSosialhjelp) continue;
            var received = c.Received != SimDay.None ? c.Received : c.Approved;
            if (received == SimDay.None || received < first || received > last) continue;
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{history.Unit.Value}-{c.Id}.json"));
            WriteApplication(path, c, received, payments.GetValueOrDefault(c.Id) ?? []);
            paths.Add(path);
        }
        return paths;
    }

    private void WriteApplication(string path, in CaseRow c, int received, List<int> paymentRows)
    {
        var events = new List<(DateTimeOffset At, string Type, Action<Utf8JsonWriter> Write)>();
        var unit = history.Unit.Value;
        var sak = c.Id.ToString(CultureInfo.InvariantCulture);
        var title = CodeLists.CaseTypes[c.CaseType].Name;
        var mottatt = At(received, 9);
        events.Add((mottatt, "soknadsStatus", j => j.WriteString("status", "MOTTATT")));
        if (OsloOffices.OfficeOf(unit) is { } office) events.Add((mottatt, "tildeltNavKontor", j => j.WriteString("navKontor", office)));
        events.Add((mottatt.AddHours(1), "saksStatus", j =>
        {
            j.WriteString("referanse", sak);
            j.WriteString("tittel", title);
            j.WriteString("status", "UNDER_BEHANDLING");
        }));
        if (c.Approved != SimDay.None)
        {
            events.Add((At(c.Approved, 13), "vedtakFattet", j =>
            {
                j.WriteString("saksreferanse", sak);
                j.WriteString("utfall", "INNVILGET");
            }));
        }
        foreach (var i in paymentRows)
        {
            var p = history.Payments[i];
            var status = p.Status == PaymentStatus.Utbetalt && p.CancelDay != SimDay.None ? "ANNULLERT" : p.Status switch
            {
                PaymentStatus.Utbetalt => "UTBETALT",
                PaymentStatus.Stoppet => "STOPPET",
                PaymentStatus.Annullert => "ANNULLERT",
                _ => "PLANLAGT_UTBETALING",
            };
            var day = p.PaymentDay != SimDay.None ? p.PaymentDay : p.PeriodFrom;
            events.Add((At(Math.Max(day, received), 6), "utbetaling", j =>
            {
                j.WriteString("utbetalingsreferanse", p.Id.ToString(CultureInfo.InvariantCulture));
                j.WriteString("saksreferanse", sak);
                j.WriteString("status", status);
                j.WriteNumber("belop", p.Ore / 100m);
                j.WriteString("beskrivelse", CodeLists.BenefitTypes[p.BenefitType].Name);
                if (p.PaymentDay != SimDay.None) j.WriteString("utbetalingsdato", Date(p.PaymentDay));
                if (p.PeriodFrom != SimDay.None && p.PeriodTo != SimDay.None)
                {
                    j.WriteString("fom", Date(p.PeriodFrom));
                    j.WriteString("tom", Date(p.PeriodTo));
                }
            }));
        }
        // Stable: events at the same time keep the order above (MOTTATT before the office and the sak).
        var ordered = events.OrderBy(e => e.At).ToList();

        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("fiksDigisosId", string.Create(CultureInfo.InvariantCulture, $"syntetisk-{unit}-{c.Id}"));
        json.WriteString("sokerFnr", numbers.Of(c.Person));
        json.WriteString("kommunenummer", unit[..4]);
        json.WriteNumber("sistEndret", ordered[^1].At.ToUnixTimeMilliseconds());
        json.WriteStartObject("digisosSoker");
        json.WriteString("version", "1.0.0");
        json.WriteStartObject("avsender");
        json.WriteString("systemnavn", history.SourceSystem);
        json.WriteString("systemversjon", "syntetisk");
        json.WriteEndObject();
        json.WriteStartArray("hendelser");
        foreach (var (at, type, write) in ordered)
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("hendelsestidspunkt", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            write(json);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static DateTimeOffset At(int day, int hourUtc) =>
        new(DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);

    private static string Date(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
