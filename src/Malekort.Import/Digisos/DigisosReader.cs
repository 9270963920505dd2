using System.Text.Json;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Limits;
using Malekort.Import.Pseudonyms;
using Malekort.Units;

namespace Malekort.Import.Digisos;

/// <summary>
/// Reads one Digisos application (søknad) into one keyed <see cref="CaptureBatch"/> (<c>docs/formats/digisos.md</c>):
/// a DigisosSak from Fiks with digisos-soker.json embedded, or a folder holding digisos-soker.json and its soknad.json.
/// Events are replayed as NAV's innsyn does; paid payments, saker with their first vedtak and the applicant's birth date
/// become records. Each upload of digisos-soker.json is the application's whole history, so the batch carries the key
/// <c>digisos:</c> + fiksDigisosId and a newer version replaces the older one without touching other applications.
/// Fødselsnumre are replaced by keyed pseudonyms before any record is built.
/// </summary>
/// <param name="pseudonyms">Replaces fødselsnumre.</param>
/// <param name="clock">The import time, which no event may come after (the system clock when not given).</param>
public sealed class DigisosReader(Pseudonymizer pseudonyms, TimeProvider? clock = null)
{
    /// <summary>The format name in <see cref="BatchHeader.Format"/>.</summary>
    public const string FormatName = "digisos";

    /// <summary>The benefit and case type every Digisos record carries: the format has no benefit type (§1.4).</summary>
    public const string TypeCode = "DIGISOS";

    /// <summary>How much of a file <see cref="Recognise"/> looks at.</summary>
    private const int RecogniseBytes = 64 * 1024;

    /// <summary>Reads a file or folder. Never throws: whatever is wrong becomes a finding.</summary>
    public ReadResult<CaptureBatch> Read(string path) => FindingLog.ReadWhole(path, "Digisos-filen", log => ReadBatch(path, log));

    /// <summary>
    /// Whether the path is a Digisos input: a folder holding digisos-soker.json, or a JSON file whose top level has
    /// <c>hendelser</c> (digisos-soker.json) or is a DigisosSak envelope (<c>fiksDigisosId</c>, <c>sokerFnr</c>,
    /// <c>digisosSoker</c>, or <c>sak</c> holding <c>soker</c>). Reads at most the first 64 KB. Never throws.
    /// </summary>
    public static bool Recognise(string path)
    {
        try
        {
            if (DigisosFiles.IsFolder(path)) return true;
            if (!File.Exists(path)) return false;
            var buffer = new byte[RecogniseBytes];
            int length;
            using (var stream = File.OpenRead(path)) length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return LooksLikeDigisos(buffer.AsSpan(0, length), isFinalBlock: length < buffer.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static bool LooksLikeDigisos(ReadOnlySpan<byte> json, bool isFinalBlock)
    {
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        var reader = new Utf8JsonReader(json, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = InputLimits.JsonDepth }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var inSak = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }
                if (reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals("hendelser"u8) || reader.ValueTextEquals("fiksDigisosId"u8)
                        || reader.ValueTextEquals("sokerFnr"u8) || reader.ValueTextEquals("digisosSoker"u8))
                        return true;
                    inSak = reader.ValueTextEquals("sak"u8);
                    if (!inSak && !reader.TrySkip()) return false;
                }
                else if (reader.CurrentDepth == 2 && inSak && reader.ValueTextEquals("soker"u8)) return true;
            }
        }
        catch (JsonException)
        {
            // A file cut at the 64 KB mark, or broken further on: what was read so far decided nothing.
        }
        return false;
    }

    private CaptureBatch? ReadBatch(string path, FindingLog log)
    {
        if (DigisosFiles.Load(path, log) is not { } files) return null;
        var tally = new FindingTally(files.SokerFile);
        if (JsonTreeNode.Parse(files.Soker, files.SokerFile, log) is not { } root) return null;
        if (DigisosEnvelope.Read(root, files.SokerFile, log, tally) is not { } envelope)
        {
            tally.FlushTo(log);
            return null;
        }
        // The envelope's municipality owns the findings of a file rejected before its applicant is resolved (ReadResult.Unit).
        if (envelope.Kommunenummer is { } claimed && UnitCode.TryParse(claimed.Value, out var municipality)
            && municipality.Kind == UnitKind.Municipality && UnitRegister.Default.IsKnownCaptureUnit(municipality))
            log.Unit = municipality;
        var document = new DocumentReader(files.SokerFile, log, tally).Read(envelope);
        var events = document.Hendelser is { } hendelser ? new HendelseReader(tally, (clock ?? TimeProvider.System).GetUtcNow()).Read(hendelser) : [];
        tally.FlushTo(log);
        SoknadJson? soknad = null;
        if (files.Soknad is not null)
        {
            if (JsonTreeNode.Parse(files.Soknad, SoknadJson.File, log) is not { } soknadRoot) return null;
            var soknadTally = new FindingTally(SoknadJson.File);
            soknad = SoknadJson.Read(soknadRoot, log, soknadTally);
            soknadTally.FlushTo(log);
        }
        if (log.Rejects || events.Count == 0) return null;

        var history = SoknadHistory.Replay(events);
        var applicant = new ApplicantResolution(pseudonyms, files.SokerFile, log).Resolve(envelope, soknad, history);
        if (applicant is null || log.Rejects) return null;

        // Flushing emptied the tally, so the mapping's findings are merged only with each other, as the envelope's were.
        var batch = new BatchMapping(tally, applicant, history).Map(document.SourceSystem, envelope, files.ContentHash);
        tally.FlushTo(log);
        return log.Rejects ? null : batch;
    }
}
