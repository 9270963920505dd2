using System.Text.Json;
using Malekort.Import.Capture;

namespace Malekort.Import.Digisos;

/// <summary>What the top of digisos-soker.json says: who sent it, and its events (still unread).</summary>
internal sealed record DocumentInfo(string SourceSystem, JsonTreeNode? Hendelser);

/// <summary>
/// Checks the top level of digisos-soker.json (§1.2): <c>version</c> and <c>avsender</c> are required by the schema but
/// not needed to read the events, so their absence is a warning; <c>hendelser</c> must hold at least one event.
/// </summary>
internal sealed class DocumentReader(string file, FindingLog log, FindingTally tally)
{
    private const string UnknownSender = "Digisos (avsender ukjent)";

    public DocumentInfo Read(DigisosEnvelope envelope)
    {
        var document = envelope.Document;
        foreach (var property in document.Properties)
        {
            if (DigisosSchema.DocumentFields.Contains(property.Name, StringComparer.Ordinal)
                || (envelope.UnderDigisosSoker && DigisosSchema.FiksDocumentFields.Contains(property.Name, StringComparer.Ordinal))
                || (envelope.Flattened && DigisosSchema.EnvelopeFields.Contains(property.Name, StringComparer.Ordinal)))
                continue;
            var name = FindingLog.Shown(property.Name);
            tally.Info(property.Line, name, $"Ukjent felt {name} i digisos-soker.json blir ignorert; formatet tillater nye felt.");
        }
        CheckVersion(document);
        return new DocumentInfo(SourceSystem(document), Hendelser(document));
    }

    private void CheckVersion(JsonTreeNode document)
    {
        var version = document["version"];
        if (version is null || version.Kind == JsonValueKind.Null)
        {
            tally.Warning(document.Line, "version", "version mangler; formatet krever den. Filen leses som versjon 1.");
            return;
        }
        if (version.Kind != JsonValueKind.String || !IsSemanticVersion(version.Text, out var major))
        {
            tally.Warning(version.Line, "version",
                $"version {FindingLog.Shown(version.Text)} er ikke et versjonsnummer som 1.0.0; filen leses som versjon 1.");
            return;
        }
        if (major != 1)
            tally.Warning(version.Line, "version",
                $"version {FindingLog.Shown(version.Text)} har en ukjent hovedversjon; filen leses etter versjon 1 av formatet.");
    }

    private string SourceSystem(JsonTreeNode document)
    {
        var avsender = document["avsender"];
        if (avsender is not { IsObject: true })
        {
            tally.Warning(avsender?.Line ?? document.Line, "avsender",
                "avsender (systemnavn og systemversjon) mangler; fagsystemet lagres som ukjent.");
            return UnknownSender;
        }
        foreach (var property in avsender.Properties)
        {
            if (DigisosSchema.AvsenderFields.Contains(property.Name, StringComparer.Ordinal)) continue;
            var name = FindingLog.Shown(property.Name);
            tally.Info(property.Line, name, $"Ukjent felt {name} i avsender blir ignorert.");
        }
        var systemName = DigisosEnvelope.Text(avsender, "systemnavn", file, tally)?.Value;
        var version = DigisosEnvelope.Text(avsender, "systemversjon", file, tally)?.Value;
        if (systemName is null)
            tally.Warning(avsender.Line, "systemnavn", "avsender.systemnavn mangler; fagsystemet lagres som ukjent.");
        var system = string.Join(' ', new[] { systemName, version }.Where(s => s is not null));
        return system.Length > 0 && systemName is not null ? system : UnknownSender;
    }

    private JsonTreeNode? Hendelser(JsonTreeNode document)
    {
        var hendelser = document["hendelser"];
        if (hendelser is null || hendelser.Kind == JsonValueKind.Null)
        {
            log.Error(file, document.Line, "hendelser", "hendelser mangler; uten hendelser sier filen ingenting om søknaden.");
            return null;
        }
        if (hendelser.Kind != JsonValueKind.Array)
        {
            log.Error(file, hendelser.Line, "hendelser", $"hendelser skal være en liste, ikke {hendelser.KindName}.");
            return null;
        }
        if (hendelser.Items.Count == 0)
        {
            log.Error(file, hendelser.Line, "hendelser",
                "hendelser er tom; formatet krever minst én hendelse, soknadsStatus MOTTATT, fra første innsending.");
            return null;
        }
        return hendelser;
    }

    /// <summary>The schema's pattern (§1.5): <c>1.2.3</c>, optionally <c>-pre</c> and <c>+build</c> of letters and digits.</summary>
    private static bool IsSemanticVersion(string text, out int major)
    {
        major = 0;
        var core = text;
        var plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            if (!IsAlphanumeric(core[(plus + 1)..])) return false;
            core = core[..plus];
        }
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!IsAlphanumeric(core[(dash + 1)..])) return false;
            core = core[..dash];
        }
        var parts = core.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))) return false;
        major = parts[0].Length > 6 ? -1 : int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsAlphanumeric(string text) => text.Length > 0 && text.All(char.IsAsciiLetterOrDigit);
}
