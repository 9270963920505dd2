using System.Globalization;
using System.Text.Json;
using Malekort.Federation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Federation;

/// <summary>Writes a published revision as a delivery document, and reads one back with every check a central instance makes.</summary>
internal static class AggregateDocuments
{
    /// <summary>The document of a revision: the office's row first, then its units' in code order.</summary>
    public static AggregateDocument From(PublicationHeader revision, IReadOnlyList<PublishedValue> values)
    {
        var units = values.Select(v => v.Unit).Where(u => u != revision.Office).Distinct().Count();
        var captured = values.Where(v => v.Unit != revision.Office && v.Numerator is not null)
            .GroupBy(v => v.Indicator).ToDictionary(g => g.Key, g => g.Count());
        var rows = values
            .GroupBy(v => v.Unit)
            .OrderBy(g => g.Key == revision.Office ? 0 : 1).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new UnitNumbersJson(g.Key.Value, g.Select(v => new NumbersJson(v.Indicator, v.Numerator, v.Denominator, v.Value,
                NoteNames.List(v.Notes), g.Key == revision.Office
                    ? new CoverageJson(captured.GetValueOrDefault(v.Indicator), units)
                    : new CoverageJson(v.Numerator is null ? 0 : 1, 1))).ToList()))
            .ToList();
        return new AggregateDocument(AggregateDocument.FormatName, AggregateDocument.CurrentVersion, revision.Office.Value,
            revision.Month.ToString(), revision.Revision, revision.PublishedAt,
            revision.DefinitionVersion ?? IndicatorDefinition.DefinitionVersion, revision.Fingerprint, rows);
    }

    /// <summary>The document as UTF-8 JSON.</summary>
    public static byte[] Serialize(AggregateDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, AggregateJsonContext.Default.AggregateDocument);

    /// <summary>
    /// Reads and checks a document as the central instance stores it: the format and version, an office this instance's
    /// register knows and units it serves, a month that has begun, numbers that are counts, values that follow from them and
    /// a content hash that matches. Null with every reason (Norwegian) when it does not hold.
    /// </summary>
    public static AggregateDelivery? Read(ReadOnlySpan<byte> json, OfficeRegister offices, DateTimeOffset now, List<string> errors)
    {
        AggregateDocument? document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = AggregateDocument.MaxDepth });
            document = JsonSerializer.Deserialize(ref reader, AggregateJsonContext.Default.AggregateDocument);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path is { Length: > 1 } path
                ? $"Dokumentet er ikke en gyldig {AggregateDocument.FormatName}-leveranse: feil ved {path} (linje {(e.LineNumber ?? 0) + 1}). " +
                  "Ukjente felt, manglende felt og feil typer avvises."
                : $"Dokumentet er ikke gyldig JSON (linje {(e.LineNumber ?? 0) + 1}, tegn {(e.BytePositionInLine ?? 0) + 1}).");
            return null;
        }
        catch (InvalidOperationException)
        {
            errors.Add("Dokumentet har tekst som ikke er gyldig UTF-8.");
            return null;
        }
        if (document is null)
        {
            errors.Add("Dokumentet er tomt (null).");
            return null;
        }
        return Check(document, offices, now, errors);
    }

    private static AggregateDelivery? Check(AggregateDocument d, OfficeRegister offices, DateTimeOffset now, List<string> errors)
    {
        if (d.Format != AggregateDocument.FormatName)
            errors.Add($"«format» er «{d.Format}», ikke «{AggregateDocument.FormatName}».");
        if (d.Versjon != AggregateDocument.CurrentVersion)
            errors.Add($"«versjon» {d.Versjon} kan ikke leses her; denne instansen leser versjon {AggregateDocument.CurrentVersion}. " +
                       "Oppgrader den sentrale instansen før kontorene.");
        Office? office = null;
        if (!UnitCode.TryParse(d.Kontor, out var officeCode) || officeCode.Kind != UnitKind.Office)
            errors.Add($"«kontor» «{d.Kontor}» er ikke et NAV-kontor (NAV-nnnn).");
        else if ((office = offices.Find(officeCode)) is null)
            errors.Add($"{officeCode} finnes ikke i kontorregisteret til den sentrale instansen. Les inn kontorregisteret her først.");
        if (!Month.TryParse(d.Maned, out var month))
            errors.Add($"«maned» «{d.Maned}» er ikke en måned (åååå-mm).");
        else if (month > Month.Of(OsloTime.DateOf(now)))
            errors.Add($"«maned» {month} har ikke begynt ennå.");
        if (d.Revisjon < 1) errors.Add($"«revisjon» må være 1 eller mer, ikke {d.Revisjon.ToString(CultureInfo.InvariantCulture)}.");
        if (d.Definisjonsversjon.Length is 0 or > 500) errors.Add("«definisjonsversjon» må være en tekst på 1–500 tegn.");
        if (d.Enheter.Count == 0) errors.Add("«enheter» er tom: en leveranse har kontorets og enhetenes tall.");

        var rows = new List<AggregateRow>();
        var published = new List<PublishedValue>();
        var seen = new HashSet<(UnitCode, string)>();
        foreach (var unitRow in d.Enheter)
        {
            if (!UnitCode.TryParse(unitRow.Enhet, out var unit) || !(unit == officeCode || unit.IsCaptureUnit))
            {
                errors.Add($"Enheten «{unitRow.Enhet}» er verken kontoret eller en kommune eller bydel.");
                continue;
            }
            if (office is not null && unit != office.Code && !office.Units.Contains(unit))
            {
                errors.Add($"{unit} hører ikke til {office.Name} i kontorregisteret til den sentrale instansen.");
                continue;
            }
            foreach (var n in unitRow.Verdier)
            {
                var where = $"{unit} {n.Indikator}";
                if (n.Indikator.Length is 0 or > 40 || !seen.Add((unit, n.Indikator)))
                {
                    errors.Add($"{where}: indikatorkoden mangler, er for lang eller står to ganger.");
                    continue;
                }
                if (n.Teller < 0 || n.Nevner < 0) errors.Add($"{where}: teller og nevner kan ikke være negative.");
                if (n.Dekning.Med < 0 || n.Dekning.Av < 1 || n.Dekning.Med > n.Dekning.Av)
                    errors.Add($"{where}: dekningen {n.Dekning.Med} av {n.Dekning.Av} er umulig.");
                if (IndicatorCatalog.Find(n.Indikator) is { } definition && !Nullable.Equals(definition.ValueOf(n.Teller, n.Nevner), n.Verdi))
                    errors.Add($"{where}: verdien {n.Verdi?.ToString("R", CultureInfo.InvariantCulture) ?? "null"} følger ikke av teller og nevner.");
                var notes = NoteNames.Parse(n.Merknader);
                rows.Add(new AggregateRow(unit, n.Indikator, n.Teller, n.Nevner, notes, n.Dekning.Med, n.Dekning.Av));
                published.Add(new PublishedValue(unit, n.Indikator, n.Teller, n.Nevner, n.Verdi));
            }
        }
        if (errors.Count == 0 && PublicationFingerprint.Of(published) != d.Innholdshash)
            errors.Add("«innholdshash» stemmer ikke med tallene: dokumentet er endret eller skadet underveis.");
        if (errors.Count > 0) return null;
        return new AggregateDelivery(officeCode, month, d.Revisjon, AggregateSource.Local, d.Innholdshash, d.Publisert, now,
            d.Definisjonsversjon, rows);
    }
}
