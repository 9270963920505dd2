using System.Globalization;
using System.Text;
using System.Text.Json;
using Malekort.Import.Limits;
using Malekort.Units;
using static System.FormattableString;

namespace Malekort.Import.Capture;

/// <summary>What batch.json says about the batch (capture format v1, section "The batch").</summary>
internal sealed record BatchDescription(
    string SourceSystem, UnitCode Unit, DateOnly PeriodFrom, DateOnly PeriodTo, DateTimeOffset ExtractedAt);

/// <summary>Reads and checks batch.json.</summary>
internal static class BatchJson
{
    public const string Name = "batch.json";
    public const string Format = "malekort-capture";
    public const int Version = 1;

    private static readonly string[] KnownFields =
        ["format", "version", "source_system", "unit", "period_from", "period_to", "extracted_at"];

    private static readonly string[] TimestampFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", "yyyy'-'MM'-'dd'T'HH':'mm'Z'",
        "yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", "yyyy'-'MM'-'dd'T'HH':'mmzzz",
    ];

    /// <summary>
    /// The description, or <c>null</c> when batch.json breaks a rule (every broken rule is logged). <paramref name="now"/> is
    /// the import time, which an extract cannot be made after.
    /// </summary>
    public static BatchDescription? Read(byte[]? content, UnitRegister units, DateTimeOffset now, FindingLog log)
    {
        if (content is null)
        {
            log.Fatal(Name, 0, "batch.json mangler; batchen må ha batch.json i roten (eller i én toppmappe i zip-filen).");
            return null;
        }
        var fields = Fields(content, log);
        if (fields is null) return null;
        var before = log.Rejecting;
        var checker = new FieldChecker(fields, log);

        if (checker.String("format", $"\"{Format}\"") is { } format && format != Format)
            checker.Error("format", $"format {FindingLog.Shown(format)} er ukjent; forventet \"{Format}\".");
        if (checker.Get("version", $"tallet {Version}") is { } version
            && (version.Kind != JsonValueKind.Number || version.Text != "1"))
            checker.Error("version", $"version {FindingLog.Shown(version.Text)} støttes ikke; forventet tallet {Version}.");
        var sourceSystem = checker.String("source_system", "navnet på fagsystemet, f.eks. \"Socio 7.3\"");
        if (sourceSystem is { Length: 0 }) checker.Error("source_system", "source_system er tom; forventet navnet på fagsystemet.");
        var unit = Unit(checker, units);
        // Known even if another field rejects the batch: its findings are then that unit's office's (ReadResult.Unit).
        log.Unit = unit;
        var from = Date(checker, "period_from");
        var to = Date(checker, "period_to");
        if (from is { } a && to is { } b && b < a)
            checker.Error("period_to", $"period_to {CellValues.Text(b)} er før period_from {CellValues.Text(a)}.");
        else if (from is { } first && to is { } last && BatchLimits.Period(first, last) is { } period)
            checker.Error("period_from", period);
        var extractedAt = Timestamp(checker);
        if (extractedAt is { } extracted && BatchLimits.ExtractedAt(extracted, now) is { } future) checker.Error("extracted_at", future);

        foreach (var (name, field) in fields)
        {
            if (!KnownFields.Contains(name, StringComparer.Ordinal))
                log.Warning(Name, field.Line, FindingLog.Shown(name), $"Ukjent felt {FindingLog.Shown(name)} blir ignorert.");
        }
        return log.Rejecting > before || sourceSystem is null || unit is null || from is null || to is null || extractedAt is null
            ? null
            : new BatchDescription(sourceSystem, unit.Value, from.Value, to.Value, extractedAt.Value);
    }

    private static UnitCode? Unit(FieldChecker checker, UnitRegister units)
    {
        if (checker.String("unit", "kommunenummer (4 siffer) eller bydelsnummer i Oslo (6 siffer)") is not { } text) return null;
        if (UnitCode.TryParse(text, out var unit) && units.IsKnownCaptureUnit(unit)) return unit;
        var hint = units.Renumbered.TryGetValue(text, out var current) ? $" (kommunen har nummer {current} fra 2024)" : "";
        checker.Error("unit", $"unit {FindingLog.Shown(text)} er ikke en kommune i 2024-registeret eller en bydel i Oslo{hint}.");
        return null;
    }

    private static DateOnly? Date(FieldChecker checker, string name)
    {
        if (checker.String(name, "en dato ÅÅÅÅ-MM-DD") is not { } text) return null;
        if (CellValues.TryDate(text, out var date)) return date;
        checker.Error(name, $"{name} {FindingLog.Shown(text)} er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
        return null;
    }

    private static DateTimeOffset? Timestamp(FieldChecker checker)
    {
        if (checker.String("extracted_at", "et tidspunkt med tidssone, f.eks. \"2024-04-02T05:00:00Z\"") is not { } text) return null;
        if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var value))
            return value;
        checker.Error("extracted_at", $"extracted_at {FindingLog.Shown(text)} er ikke et gyldig tidspunkt; "
            + "forventet ISO 8601 med tidssone, f.eks. 2024-04-02T05:00:00Z eller 2024-04-02T07:00:00+02:00.");
        return null;
    }

    /// <summary>The top-level fields with their lines, or <c>null</c> when the file is not a JSON object.</summary>
    private static Dictionary<string, JsonField>? Fields(byte[] content, FindingLog log)
    {
        var start = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = content.AsSpan(start);
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            log.Fatal(Name, 0, "batch.json er ikke gyldig UTF-8; lagre den som UTF-8.");
            return null;
        }
        var fields = new Dictionary<string, JsonField>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = InputLimits.JsonDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                log.Fatal(Name, 1, "batch.json må være et JSON-objekt ({ ... }) med feltene format, version, source_system, "
                    + "unit, period_from, period_to og extracted_at.");
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                var line = LineAt(json, reader.TokenStartIndex);
                reader.Read();
                var field = reader.TokenType switch
                {
                    JsonTokenType.String => new JsonField(JsonValueKind.String, reader.GetString() ?? "", line),
                    JsonTokenType.Number => new JsonField(JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan), line),
                    JsonTokenType.True => new JsonField(JsonValueKind.True, "true", line),
                    JsonTokenType.False => new JsonField(JsonValueKind.False, "false", line),
                    JsonTokenType.Null => new JsonField(JsonValueKind.Null, "null", line),
                    _ => new JsonField(JsonValueKind.Object, "(objekt eller liste)", line),
                };
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                if (!fields.TryAdd(name, field))
                    log.Error(Name, line, FindingLog.Shown(name),
                        $"Feltet {FindingLog.Shown(name)} står flere ganger; hvert felt kan stå én gang.");
            }
            // Anything after the object is malformed JSON; reading on makes the reader say so.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? 0) + 1);
            log.Fatal(Name, line,
                Invariant($"batch.json er ikke gyldig JSON (linje {line}); ")
                + "forventet et JSON-objekt som i eksempelet i formatbeskrivelsen.");
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a \u escape that is half a surrogate pair: valid JSON, but not text.
            var line = LineAt(json, reader.TokenStartIndex);
            log.Fatal(Name, line, Invariant($"batch.json har en tekst med en \\u-escape som ikke er et tegn (linje {line}); ")
                + "skriv teksten som vanlige tegn i UTF-8.");
            return null;
        }
        return fields;
    }

    private static int LineAt(ReadOnlySpan<byte> json, long index) => json[..(int)index].Count((byte)'\n') + 1;

    private readonly record struct JsonField(JsonValueKind Kind, string Text, int Line);

    /// <summary>Looks up required fields and reports missing and wrongly typed ones.</summary>
    private sealed class FieldChecker(Dictionary<string, JsonField> fields, FindingLog log)
    {
        public JsonField? Get(string name, string expected)
        {
            if (fields.TryGetValue(name, out var field)) return field;
            log.Error(Name, 0, name, $"{name} mangler i batch.json; forventet {expected}.");
            return null;
        }

        public string? String(string name, string expected)
        {
            if (Get(name, expected) is not { } field) return null;
            if (field.Kind == JsonValueKind.String) return field.Text;
            Error(name, $"{name} må være en tekst i anførselstegn, ikke {FindingLog.Shown(field.Text)}; forventet {expected}.");
            return null;
        }

        public void Error(string name, string message) =>
            log.Error(Name, fields.TryGetValue(name, out var field) ? field.Line : 0, name, message);
    }
}
