using System.Text.Json;
using Malekort.Import.Capture;
using static System.FormattableString;

namespace Malekort.Import.Digisos;

/// <summary>A value read from a file, with where it was, so a finding about it can point there.</summary>
internal sealed record Located(string Value, string File, int Line, string Field);

/// <summary>
/// Where the digisos-soker document is in a file, and what the Fiks envelope around it says. Accepted shapes:
/// <list type="bullet">
/// <item>the bare document (<c>version</c>, <c>avsender</c>, <c>hendelser</c> at the top), and the same with the envelope's
/// fields (<c>fiksDigisosId</c>, <c>sokerFnr</c>, <c>kommunenummer</c> …) beside them;</item>
/// <item>a DigisosSak envelope (§1.1) with the document embedded as <c>digisosSoker</c> (recognised by its
/// <c>hendelser</c>; Fiks itself puts only the document's dokumentlager id there);</item>
/// <item>the wrapper NAV's test client posts, <c>{"sak":{"soker":…},"type":…}</c>, with the envelope's fields beside
/// <c>sak</c>.</item>
/// </list>
/// </summary>
internal sealed class DigisosEnvelope
{
    private DigisosEnvelope(JsonTreeNode document, bool embedded)
    {
        Document = document;
        Embedded = embedded;
    }

    /// <summary>The digisos-soker document (version, avsender, hendelser).</summary>
    public JsonTreeNode Document { get; }

    /// <summary>Whether the document came inside an envelope (then the envelope's fields below may be set).</summary>
    public bool Embedded { get; }

    /// <summary>Whether the document is Fiks' <c>digisosSoker</c> object, which also carries Fiks' own fields.</summary>
    public bool UnderDigisosSoker { get; private init; }

    /// <summary>Whether the envelope's fields stand beside the document's own at the top of the file (hand-made files).</summary>
    public bool Flattened { get; private init; }

    public Located? FiksDigisosId { get; private init; }

    public Located? SokerFnr { get; private init; }

    public Located? Kommunenummer { get; private init; }

    /// <summary><c>tilleggsinformasjon.enhetsnummer</c>: the NAV office the søknad was sent to.</summary>
    public Located? Enhetsnummer { get; private init; }

    /// <summary>When Fiks last changed the søknad: <c>sistEndret</c> or <c>digisosSoker.timestampSistOppdatert</c>, the later.</summary>
    public DateTimeOffset? ChangedAt { get; private init; }

    /// <summary>Finds the document; <c>null</c> (with a fatal finding) when the file is none of the accepted shapes.</summary>
    public static DigisosEnvelope? Read(JsonTreeNode root, string file, FindingLog log, FindingTally tally)
    {
        if (!root.IsObject)
        {
            log.Fatal(file, root.Line, $"Filen er {root.KindName}, ikke et JSON-objekt; forventet digisos-soker.json "
                + "eller en DigisosSak fra Fiks.");
            return null;
        }
        JsonTreeNode? document = null;
        var underDigisosSoker = false;
        var flattened = false;
        if (root["hendelser"] is not null)
        {
            if (root["fiksDigisosId"] is null && root["sokerFnr"] is null && root["kommunenummer"] is null)
                return new DigisosEnvelope(root, embedded: false);
            document = root;
            flattened = true;
        }
        else if (root["sak"] is { IsObject: true } sak && sak["soker"] is { IsObject: true } soker)
        {
            document = soker;
            foreach (var property in sak.Properties)
            {
                if (property.Name != "soker") UnknownField(tally, property, "sak");
            }
        }
        else if (root["digisosSoker"] is { IsObject: true } digisosSoker)
        {
            if (digisosSoker["hendelser"] is null)
            {
                log.Fatal(file, digisosSoker.Line, "Filen er en DigisosSak fra Fiks der digisosSoker bare peker til dokumentet i "
                    + "Fiks dokumentlager (metadata), uten hendelser. Hent digisos-soker.json og legg det inn som digisosSoker, "
                    + "eller importer en mappe med digisos-soker.json og soknad.json.");
                return null;
            }
            document = digisosSoker;
            underDigisosSoker = true;
        }
        if (document is null)
        {
            log.Fatal(file, root.Line, "Filen er ikke en Digisos-fil: den har verken hendelser (digisos-soker.json), "
                + "digisosSoker med hendelser (DigisosSak fra Fiks) eller sak.soker (NAVs testinnpakning).");
            return null;
        }

        IReadOnlyList<JsonTreeProperty> envelopeFields = flattened ? [] : root.Properties;
        foreach (var property in envelopeFields)
        {
            if (!DigisosSchema.EnvelopeFields.Contains(property.Name, StringComparer.Ordinal)) UnknownField(tally, property, "DigisosSak");
        }
        DateTimeOffset? changed = null;
        foreach (var (name, stamp) in new[]
                 {
                     ("sistEndret", root["sistEndret"]),
                     ("timestampSistOppdatert", underDigisosSoker ? document["timestampSistOppdatert"] : null),
                 })
        {
            if (stamp is null || stamp.Kind == JsonValueKind.Null) continue;
            if (stamp.Kind == JsonValueKind.Number && DigisosValues.EpochMilliseconds(stamp.Text) is { } at)
            {
                if (changed is null || at > changed) changed = at;
            }
            else
            {
                tally.Warning(stamp.Line, name,
                    $"{name} {FindingLog.Shown(stamp.Text)} er ikke millisekunder siden 1970 for et tidspunkt i årene "
                    + Invariant($"{DigisosValues.FirstYear}–{DigisosValues.LastYear}; feltet blir ignorert."));
            }
        }
        return new DigisosEnvelope(document, embedded: true)
        {
            UnderDigisosSoker = underDigisosSoker,
            Flattened = flattened,
            FiksDigisosId = Text(root, "fiksDigisosId", file, tally),
            SokerFnr = Text(root, "sokerFnr", file, tally),
            Kommunenummer = Text(root, "kommunenummer", file, tally),
            Enhetsnummer = root["tilleggsinformasjon"] is { IsObject: true } extra ? Text(extra, "enhetsnummer", file, tally) : null,
            ChangedAt = changed,
        };
    }

    /// <summary>A text field of the envelope; <c>null</c> when absent, null, blank or not a text (warned).</summary>
    public static Located? Text(JsonTreeNode node, string field, string file, FindingTally tally) =>
        node[field] is { } value ? TextValue(value, field, file, tally) : null;

    /// <summary>A text value named <paramref name="field"/>; <c>null</c> when null, blank or not a text (warned).</summary>
    public static Located? TextValue(JsonTreeNode value, string field, string file, FindingTally tally)
    {
        if (value.Kind == JsonValueKind.Null) return null;
        if (value.Kind != JsonValueKind.String)
        {
            tally.Warning(value.Line, field, $"{field} skal være en tekst, ikke {value.KindName}; feltet blir ignorert.");
            return null;
        }
        var text = value.Text.Trim();
        return text.Length == 0 ? null : new Located(text, file, value.Line, field);
    }

    private static void UnknownField(FindingTally tally, JsonTreeProperty property, string where)
    {
        var name = FindingLog.Shown(property.Name);
        tally.Info(property.Line, name, $"Ukjent felt {name} i {where} blir ignorert.");
    }
}
