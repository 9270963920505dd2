using System.Text;
using System.Text.Json;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Limits;
using static System.FormattableString;

namespace Malekort.Import.Digisos;

/// <summary>
/// A JSON value and the line it starts on. Digisos files are small (a few kilobytes), and every finding must name its
/// line, which <see cref="JsonDocument"/> cannot give.
/// </summary>
internal sealed class JsonTreeNode
{
    private static readonly List<JsonTreeProperty> NoProperties = [];
    private static readonly List<JsonTreeNode> NoItems = [];

    private JsonTreeNode(JsonValueKind kind, int line, string text, List<JsonTreeProperty>? properties, List<JsonTreeNode>? items)
    {
        Kind = kind;
        Line = line;
        Text = text;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    /// <summary>A string's value, a number's text as written, or <c>true</c>, <c>false</c>, <c>null</c>.</summary>
    public string Text { get; }

    /// <summary>An object's properties in file order (a duplicate name appears twice).</summary>
    public IReadOnlyList<JsonTreeProperty> Properties { get; }

    /// <summary>An array's items.</summary>
    public IReadOnlyList<JsonTreeNode> Items { get; }

    public bool IsObject => Kind == JsonValueKind.Object;

    /// <summary>
    /// The value of a property, the last one when the name is repeated: NAV reads the files with Jackson, where the last
    /// value wins.
    /// </summary>
    public JsonTreeNode? this[string name]
    {
        get
        {
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal)) return Properties[i].Value;
            }
            return null;
        }
    }

    /// <summary>A short description of the value's kind for messages ("et tall", "en liste" …).</summary>
    public string KindName => Kind switch
    {
        JsonValueKind.Object => "et objekt",
        JsonValueKind.Array => "en liste",
        JsonValueKind.String => "en tekst",
        JsonValueKind.Number => "et tall",
        JsonValueKind.True or JsonValueKind.False => "en sannhetsverdi",
        JsonValueKind.Null => "null",
        _ => "ukjent",
    };

    /// <summary>
    /// Parses a whole file; <c>null</c> (with a fatal finding) when it is not UTF-8 JSON. Repeated property names are
    /// warnings. Never throws.
    /// </summary>
    public static JsonTreeNode? Parse(byte[] content, string file, FindingLog log)
    {
        var start = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = content.AsMemory(start);
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            log.Fatal(file, 0, "Filen er ikke gyldig UTF-8; Digisos-filer skal være JSON i UTF-8.");
            return null;
        }
        var lines = new LineCounter(json);
        try
        {
            // One level more than the limit, so ReadValue meets the limit first and can say so.
            var reader = new Utf8JsonReader(json.Span,
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = InputLimits.JsonDepth + 1 });
            if (!reader.Read())
            {
                log.Fatal(file, 0, "Filen er tom; forventet et JSON-objekt.");
                return null;
            }
            var root = ReadValue(ref reader, lines, file, log);
            // Anything after the value is malformed JSON; reading on makes the reader say so.
            while (reader.Read()) { }
            return root;
        }
        catch (JsonException e)
        {
            var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? 0) + 1);
            log.Fatal(file, line, Invariant($"Filen er ikke gyldig JSON (linje {line}, posisjon {(e.BytePositionInLine ?? 0) + 1}); ")
                + "rett filen eller hent den på nytt fra fagsystemet eller Fiks.");
            return null;
        }
        catch (InputLimitException e)
        {
            log.Fatal(file, 0, e.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string escape that is no text (a lone surrogate such as \ud800) cannot be read as a string.
            log.Fatal(file, 0, "Filen har en tekst med ugyldige tegn (f.eks. en ugyldig \\u-kode); rett filen.");
            return null;
        }
    }

    private static JsonTreeNode ReadValue(ref Utf8JsonReader reader, LineCounter lines, string file, FindingLog log)
    {
        var line = lines.LineAt(reader.TokenStartIndex);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= InputLimits.JsonDepth)
            throw new InputLimitException(Invariant($"JSON-en er nøstet dypere enn {InputLimits.JsonDepth} nivåer (linje {line}); ")
                + "ingen Digisos-fil er det, og filen leses ikke.");
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<JsonTreeProperty>();
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? "";
                    var nameLine = lines.LineAt(reader.TokenStartIndex);
                    reader.Read();
                    var value = ReadValue(ref reader, lines, file, log);
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seen.Add(name))
                        log.Warning(file, nameLine, FindingLog.Shown(name),
                            $"Feltet {FindingLog.Shown(name)} står flere ganger i samme objekt; den siste verdien brukes, "
                            + "som i NAVs leser.");
                    properties.Add(new JsonTreeProperty(name, nameLine, value));
                }
                return new JsonTreeNode(JsonValueKind.Object, line, "", properties, null);
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTreeNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines, file, log));
                return new JsonTreeNode(JsonValueKind.Array, line, "", null, items);
            }
            case JsonTokenType.String:
                return new JsonTreeNode(JsonValueKind.String, line, reader.GetString() ?? "", null, null);
            case JsonTokenType.Number:
                return new JsonTreeNode(JsonValueKind.Number, line, Encoding.UTF8.GetString(reader.ValueSpan), null, null);
            case JsonTokenType.True:
                return new JsonTreeNode(JsonValueKind.True, line, "true", null, null);
            case JsonTokenType.False:
                return new JsonTreeNode(JsonValueKind.False, line, "false", null, null);
            default:
                return new JsonTreeNode(JsonValueKind.Null, line, "null", null, null);
        }
    }

    /// <summary>Line numbers of byte positions, counted forward once: the reader only moves forward.</summary>
    private sealed class LineCounter(ReadOnlyMemory<byte> json)
    {
        private int position;
        private int line = 1;

        public int LineAt(long index)
        {
            var target = (int)Math.Min(index, json.Length);
            if (target > position)
            {
                line += json.Span[position..target].Count((byte)'\n');
                position = target;
            }
            return line;
        }
    }
}

/// <summary>A property of a JSON object, with the line its name is on.</summary>
internal sealed record JsonTreeProperty(string Name, int Line, JsonTreeNode Value);
