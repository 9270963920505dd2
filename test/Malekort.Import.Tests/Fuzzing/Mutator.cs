using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Malekort.Import.Fuzzing;

/// <summary>How a seed is laid out, so mutations can keep or break its structure on purpose.</summary>
internal enum SeedShape
{
    /// <summary>Delimited text: a header line and rows of cells.</summary>
    Csv,
    /// <summary>A JSON document.</summary>
    Json,
    /// <summary>Fixed-width records, one per line (KOSTRA).</summary>
    FixedWidth,
}

/// <summary>A valid input to start mutating from.</summary>
/// <param name="Name">The file name the reader sees (readers name files in findings).</param>
/// <param name="Bytes">The content.</param>
/// <param name="Shape">The layout.</param>
/// <param name="Separator">The cell separator of a CSV seed.</param>
/// <param name="Latin1">Whether the text is ISO-8859-1 (SSB's CSV export, KOSTRA) rather than UTF-8.</param>
internal sealed record FuzzSeed(string Name, byte[] Bytes, SeedShape Shape, char Separator = ',', bool Latin1 = false);

/// <summary>
/// Seeded mutations of a seed: structure-aware ones (cells, columns, lines, JSON values and keys, fixed-width spans) that
/// keep most of the input valid so the reader's deeper rules are reached, and byte-level ones that break the encoding
/// and the framing. Every mutation applied is named in the log, so a failure says what was done to the input.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<FuzzSeed> pool)
{
    private const string Marker = "@@FUZZ@@";
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public byte[] Mutate(FuzzSeed seed, List<string> log)
    {
        // Growth compounds over steps (a long line repeated hundreds of times); past this an input tests size, not shape,
        // and one such input costs the time of hundreds.
        var limit = 2 * seed.Bytes.Length + 24 * 1024;
        var bytes = seed.Bytes;
        var structural = random.Next(100) < 75;
        if (structural)
        {
            var steps = Steps();
            for (var i = 0; i < steps; i++)
            {
                bytes = Bounded(bytes, limit, log, b => seed.Shape switch
                {
                    SeedShape.Json => MutateJson(b, log),
                    SeedShape.Csv => MutateCsv(b, seed, log),
                    _ => MutateFixedWidth(b, seed, log),
                });
            }
        }
        if (!structural || random.Next(100) < 25)
        {
            var steps = Steps();
            for (var i = 0; i < steps; i++) bytes = Bounded(bytes, limit, log, b => MutateBytes(b, log));
        }
        return bytes;
    }

    private static byte[] Bounded(byte[] bytes, int limit, List<string> log, Func<byte[], byte[]> step)
    {
        var next = step(bytes);
        if (next.Length <= limit || next.Length <= bytes.Length) return next;
        log[^1] += " (undone: too large)";
        return bytes;
    }

    /// <summary>Mostly one mutation, sometimes a few, so most inputs stay close to valid.</summary>
    private int Steps() => random.Next(100) switch
    {
        < 60 => 1,
        < 85 => 2,
        < 95 => 3,
        _ => 6,
    };

    // ---- bytes ----

    public byte[] MutateBytes(byte[] input, List<string> log)
    {
        var bytes = new List<byte>(input);
        var op = random.Next(11);
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (op)
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                log.Add($"flip bit @{at}");
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = (byte)random.Next(256);
                log.Add($"set byte @{at}");
                break;
            case 2:
                var inserted = EdgeValues.Bytes[random.Next(EdgeValues.Bytes.Length)];
                bytes.InsertRange(at, inserted);
                log.Add($"insert {Convert.ToHexString(inserted)} @{at}");
                break;
            case 3 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, random.Next(100) < 80 ? random.Next(1, 17) : random.Next(1, bytes.Count + 1));
                bytes.RemoveRange(at, length);
                log.Add($"delete {length} @{at}");
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                log.Add($"truncate @{at}");
                break;
            case 5 when bytes.Count > 0:
                var count = Math.Min(bytes.Count - at, random.Next(1, 200));
                bytes.InsertRange(at + count, bytes.GetRange(at, count));
                log.Add($"duplicate {count} @{at}");
                break;
            case 6:
                var other = pool[random.Next(pool.Count)].Bytes;
                var from = other.Length == 0 ? 0 : random.Next(other.Length);
                var take = Math.Min(other.Length - from, random.Next(1, 400));
                bytes.InsertRange(at, other.AsSpan(from, take).ToArray());
                log.Add($"splice {take} from other seed @{at}");
                break;
            case 7:
                // A 10 000-byte run costs a reader tens of times an ordinary input (10 000 columns, 10 000 findings), so it is
                // one run in eight; the others are long enough to pass a field's limit.
                var fill = "x9\"\0,;"[random.Next(6)];
                var run = random.Next(8) == 0 ? 10_000 : random.Next(65, 300);
                bytes.InsertRange(at, Enumerable.Repeat((byte)fill, run));
                log.Add($"insert {run}×0x{(int)fill:X2} @{at}");
                break;
            case 8:
                if (bytes.Count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    bytes.RemoveRange(0, 3);
                    log.Add("remove BOM");
                }
                else
                {
                    bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                    log.Add("add BOM");
                }
                break;
            case 9 when bytes.Count > 0:
                var zeros = Math.Min(bytes.Count - at, random.Next(1, 64));
                for (var i = 0; i < zeros; i++) bytes[at + i] = 0;
                log.Add($"NUL {zeros} @{at}");
                break;
            default:
                var high = (byte)random.Next(0x80, 0x100);
                bytes.Insert(at, high);
                log.Add($"insert 0x{high:X2} @{at}");
                break;
        }
        return [.. bytes];
    }

    // ---- lines (CSV and fixed width share them) ----

    /// <summary>
    /// The text as ISO-8859-1, byte for byte, so line and cell edits never lose bytes that are not valid text; values are
    /// put in in the seed's own encoding.
    /// </summary>
    private static string View(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static byte[] Bytes(string view) => Encoding.Latin1.GetBytes(view);

    private static string Encoded(string value, FuzzSeed seed) =>
        seed.Latin1 ? Encoding.Latin1.GetString(Encoding.Latin1.GetBytes(value)) : Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value));

    private bool MutateLines(List<string> lines, FuzzSeed seed, List<string> log)
    {
        if (lines.Count == 0) return false;
        var at = random.Next(lines.Count);
        var data = lines.Count > 1 ? 1 + random.Next(lines.Count - 1) : 0;
        switch (random.Next(11))
        {
            case 0:
                lines.Insert(data, lines[data]);
                log.Add($"duplicate line {data + 1}");
                return true;
            case 1:
                lines.RemoveAt(at);
                log.Add($"delete line {at + 1}");
                return true;
            case 2:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                log.Add($"swap lines {at + 1} and {other + 1}");
                return true;
            case 3 when lines.Count > 2:
                var body = lines.Skip(1).Where(l => l.TrimEnd('\r').Length > 0).ToList();
                Shuffle(body);
                lines.RemoveRange(1, lines.Count - 1);
                lines.AddRange(body);
                log.Add("shuffle data lines");
                return true;
            case 4:
                var ending = random.Next(4);
                for (var i = 0; i < lines.Count; i++)
                {
                    var bare = lines[i].TrimEnd('\r');
                    lines[i] = ending switch
                    {
                        0 => bare + "\r",
                        1 => bare,
                        _ => random.Next(2) == 0 ? bare + "\r" : bare,
                    };
                }
                log.Add(ending switch { 0 => "CRLF line ends", 1 => "LF line ends", _ => "mixed line ends" });
                return true;
            case 5:
                lines.Insert(at, random.Next(3) switch { 0 => "", 1 => "\r", _ => "   " });
                log.Add($"blank line before {at + 1}");
                return true;
            case 6:
                var length = random.Next(8) == 0 ? 10_000 : random.Next(65, 300);
                lines.Insert(at, Encoded(new string('x', length), seed));
                log.Add($"{length}-char line before {at + 1}");
                return true;
            case 7:
                var copies = random.Next(2, 400);
                lines.InsertRange(data, Enumerable.Repeat(lines[data], copies));
                log.Add($"repeat line {data + 1} ×{copies}");
                return true;
            case 8:
                // A lone CR inside a line: some readers end the record there, others do not.
                var line = lines[at];
                var cut = line.Length == 0 ? 0 : random.Next(line.Length);
                lines[at] = line[..cut] + (random.Next(2) == 0 ? "\r" : "\r\r\n") + line[cut..];
                log.Add($"CR inside line {at + 1}");
                return true;
            case 9:
                var content = lines[at].TrimEnd('\r');
                var keep = content.Length == 0 ? 0 : random.Next(content.Length);
                lines[at] = content[..keep];
                log.Add($"cut line {at + 1} at {keep}");
                return true;
            default:
                lines.Add("");
                lines.Add("");
                log.Add("trailing blank lines");
                return true;
        }
    }

    private static List<string> Lines(string view) => [.. view.Split('\n')];

    private static string Joined(List<string> lines) => string.Join('\n', lines);

    // ---- CSV ----

    private byte[] MutateCsv(byte[] input, FuzzSeed seed, List<string> log)
    {
        var lines = Lines(View(input));
        var sep = seed.Separator;
        if (random.Next(100) < 40)
        {
            MutateLines(lines, seed, log);
            return Bytes(Joined(lines));
        }
        var rows = lines.Select(l => l.TrimEnd('\r')).ToList();
        var ends = lines.Select(l => l.EndsWith('\r') ? "\r" : "").ToList();
        var cells = rows.Select(r => r.Split(sep).ToList()).ToList();
        var row = cells.Count > 1 && random.Next(100) < 90 ? 1 + random.Next(cells.Count - 1) : 0;
        var width = cells[0].Count;
        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                var column = random.Next(cells[row].Count);
                var value = EdgeValues.Cells[random.Next(EdgeValues.Cells.Length)];
                var written = random.Next(100) < 25 ? Quoted(value) : value;
                cells[row][column] = Encoded(written, seed);
                log.Add($"cell {row + 1}:{column + 1} = {Describe(written)}");
                break;
            case 3:
                var (a, b) = (random.Next(width), random.Next(width));
                foreach (var r in cells.Where(r => r.Count > Math.Max(a, b))) (r[a], r[b]) = (r[b], r[a]);
                log.Add($"swap columns {a + 1} and {b + 1}");
                break;
            case 4:
                var (h1, h2) = (random.Next(width), random.Next(width));
                (cells[0][h1], cells[0][h2]) = (cells[0][h2], cells[0][h1]);
                log.Add($"swap header names {h1 + 1} and {h2 + 1}");
                break;
            case 5:
                var gone = random.Next(width);
                var everywhere = random.Next(2) == 0;
                foreach (var r in everywhere ? cells : [cells[row]])
                {
                    if (r.Count > gone && r.Count > 1) r.RemoveAt(gone);
                }
                log.Add(everywhere ? $"delete column {gone + 1}" : $"delete cell {row + 1}:{gone + 1}");
                break;
            case 6:
                var copied = random.Next(width);
                foreach (var r in cells.Where(r => r.Count > copied)) r.Add(r[copied]);
                log.Add($"duplicate column {copied + 1}");
                break;
            case 7:
                var target = random.Next(cells[row].Count);
                var source = cells[random.Next(cells.Count)];
                cells[row][target] = source[random.Next(source.Count)];
                log.Add($"copy a cell into {row + 1}:{target + 1}");
                break;
            case 8:
                var quote = random.Next(cells[row].Count);
                cells[row][quote] = Quoted(cells[row][quote]);
                log.Add($"quote {row + 1}:{quote + 1}");
                break;
            default:
                var position = random.Next(cells[row].Count + 1);
                cells[row].Insert(position, random.Next(2) == 0 ? "" : cells[row][Math.Min(position, cells[row].Count - 1)]);
                log.Add($"extra cell {row + 1}:{position + 1}");
                break;
        }
        return Bytes(string.Join('\n', cells.Select((r, i) => string.Join(sep, r) + ends[i])));
    }

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Describe(string value) =>
        value.Length > 24 ? JsonSerializer.Serialize(value[..24]) + "…" : JsonSerializer.Serialize(value);

    // ---- fixed width ----

    private byte[] MutateFixedWidth(byte[] input, FuzzSeed seed, List<string> log)
    {
        var lines = Lines(View(input));
        if (random.Next(100) < 35)
        {
            MutateLines(lines, seed, log);
            return Bytes(Joined(lines));
        }
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimEnd('\r').Length > 0).ToList();
        if (candidates.Count == 0) return MutateBytes(input, log);
        var at = candidates[random.Next(candidates.Count)];
        var end = lines[at].EndsWith('\r') ? "\r" : "";
        var line = lines[at].TrimEnd('\r');
        var position = random.Next(line.Length);
        var width = Math.Min(line.Length - position, random.Next(1, 13));
        switch (random.Next(5))
        {
            case 0 or 1:
                var value = Encoded(EdgeValues.Cells[random.Next(EdgeValues.Cells.Length)], seed);
                var fitted = value.Length >= width ? value[..width] : random.Next(2) == 0 ? value.PadRight(width) : value.PadLeft(width);
                line = line[..position] + fitted + line[(position + width)..];
                log.Add($"line {at + 1} pos {position + 1}..{position + width} = {Describe(fitted)}");
                break;
            case 2:
                var digits = new string(Enumerable.Range(0, width).Select(_ => random.Next(4) == 0 ? ' ' : (char)('0' + random.Next(10))).ToArray());
                line = line[..position] + digits + line[(position + width)..];
                log.Add($"line {at + 1} pos {position + 1}..{position + width} = {Describe(digits)}");
                break;
            case 3:
                line = random.Next(2) == 0 ? line.Remove(position, 1) : line.Insert(position, random.Next(2) == 0 ? " " : "\t");
                log.Add($"line {at + 1} length changed at {position + 1}");
                break;
            default:
                var other = lines[candidates[random.Next(candidates.Count)]].TrimEnd('\r');
                if (other.Length >= position + width) line = line[..position] + other.Substring(position, width) + line[(position + width)..];
                log.Add($"line {at + 1} pos {position + 1}..{position + width} from another record");
                break;
        }
        lines[at] = line + end;
        return Bytes(Joined(lines));
    }

    // ---- JSON ----

    private byte[] MutateJson(byte[] input, List<string> log)
    {
        try
        {
            var body = input.AsSpan().StartsWith("\uFEFF"u8) ? input.AsSpan(3) : input;
            var root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            if (root is not null) return MutateJson(root, log);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // An earlier step broke the JSON (or left a duplicate key, which JsonNode refuses); carry on at the byte level.
        }
        return MutateBytes(input, log);
    }

    private byte[] MutateJson(JsonNode root, List<string> log)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        string? raw = null;
        if (slots.Count == 0 || random.Next(100) < 5)
        {
            root = random.Next(2) == 0 ? new JsonArray(root) : new JsonObject { ["dataset"] = root };
            log.Add("wrap the document");
        }
        else
        {
            var (parent, key, index) = slots[random.Next(slots.Count)];
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    raw = random.Next(100) switch
                    {
                        < 3 => EdgeValues.DeepJson(random.Next(2) == 0 ? 70 : 5_000),
                        < 5 => EdgeValues.HugeJsonArray(random.Next(2) == 0 ? 1_000 : 100_000),
                        _ => EdgeValues.Json[random.Next(EdgeValues.Json.Length)],
                    };
                    Set(parent, key, index, JsonValue.Create(Marker));
                    log.Add($"{Where(key, index)} = {Describe(raw)}");
                    break;
                case 3:
                    Remove(parent, key, index);
                    log.Add($"remove {Where(key, index)}");
                    break;
                case 4 when key is not null:
                    // Duplicate key: the value stands once more under the same name in the same object.
                    var copy = Get(parent, key, index)?.ToJsonString() ?? "null";
                    var duplicate = random.Next(2) == 0 ? copy : EdgeValues.Json[random.Next(EdgeValues.Json.Length)];
                    raw = copy + "," + JsonSerializer.Serialize(key) + ":" + duplicate;
                    Set(parent, key, index, JsonValue.Create(Marker));
                    log.Add($"duplicate key {Describe(key)}");
                    break;
                case 5 when key is not null:
                    var renamed = random.Next(3) switch { 0 => key.ToUpperInvariant(), 1 => "", _ => key + "x" };
                    var value = Get(parent, key, index);
                    var obj = (JsonObject)parent;
                    obj.Remove(key);
                    if (!obj.ContainsKey(renamed)) obj[renamed] = value;
                    log.Add($"rename {Describe(key)} to {Describe(renamed)}");
                    break;
                case 6:
                    if (Get(parent, key, index) is JsonObject shuffled)
                    {
                        var properties = shuffled.ToList();
                        shuffled.Clear();
                        Shuffle(properties);
                        foreach (var (name, node) in properties) shuffled[name] = node;
                        log.Add($"shuffle keys of {Where(key, index)}");
                    }
                    else if (Get(parent, key, index) is JsonArray array && array.Count > 1)
                    {
                        var items = array.ToList();
                        array.Clear();
                        Shuffle(items);
                        foreach (var item in items) array.Add(item);
                        log.Add($"shuffle items of {Where(key, index)}");
                    }
                    break;
                case 7:
                    if (Get(parent, key, index) is JsonArray grown && grown.Count > 0)
                    {
                        var extra = random.Next(1, 50);
                        for (var i = 0; i < extra; i++) grown.Add(grown[random.Next(grown.Count)]?.DeepClone());
                        log.Add($"grow {Where(key, index)} by {extra}");
                    }
                    break;
                case 8:
                    if (Get(parent, key, index) is JsonValue number && number.TryGetValue<decimal>(out var n))
                    {
                        var changed = random.Next(4) switch { 0 => n + 1, 1 => -n, 2 => n * 1000, _ => n + 0.5m };
                        Set(parent, key, index, JsonValue.Create(changed));
                        log.Add($"{Where(key, index)} {n} → {changed}");
                    }
                    break;
                default:
                    var sibling = slots[random.Next(slots.Count)];
                    Set(parent, key, index, Get(sibling.Parent, sibling.Key, sibling.Index)?.DeepClone());
                    log.Add($"{Where(key, index)} = copy of {Where(sibling.Key, sibling.Index)}");
                    break;
            }
        }
        var text = root.ToJsonString(random.Next(2) == 0 ? Compact : Indented);
        if (raw is not null) text = text.Replace("\"" + Marker + "\"", raw, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                slots.Add((obj, key, -1));
                if (child is not null) Collect(child, slots);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, null, i));
                if (array[i] is { } child) Collect(child, slots);
            }
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) => key is not null ? parent[key] : parent[index];

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is not null) parent[key] = value;
        else parent[index] = value;
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (key is not null) ((JsonObject)parent).Remove(key);
        else ((JsonArray)parent).RemoveAt(index);
    }

    private static string Where(string? key, int index) => key ?? $"[{index}]";

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
