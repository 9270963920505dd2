using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Malekort.Import.Limits;
using static System.FormattableString;

namespace Malekort.Import.Population;

/// <summary>One dimension of a JSON-stat dataset: its categories in index order, with labels.</summary>
internal sealed record JsonStatDimension(string Id, string Label, IReadOnlyList<string> Codes, IReadOnlyDictionary<string, string> Labels)
{
    public string LabelOf(string code) => Labels.GetValueOrDefault(code, code);
}

/// <summary>
/// A JSON-stat 2.0 dataset (https://json-stat.org/full/) as SSB's PxWebApi returns it: <c>id</c>, <c>size</c>,
/// <c>dimension</c> (category <c>index</c> as object or array, <c>label</c>), <c>value</c> as an array (with
/// nulls) or an object of index → value, and <c>status</c> as an array, an object or one string for all values.
/// Parsing only checks the structure; what the numbers mean is the caller's.
/// </summary>
internal sealed partial class JsonStatDataset
{
    /// <summary>More values than this is not a population table (07459 in full has a few million).</summary>
    private const long MaxValues = InputLimits.JsonStatValues;

    private JsonStatDataset(string label, string tableId, IReadOnlyList<JsonStatDimension> dimensions,
        IReadOnlyDictionary<string, IReadOnlyList<string>> roles, decimal?[] values, string?[] status)
    {
        Label = label;
        TableId = tableId;
        Dimensions = dimensions;
        Roles = roles;
        Values = values;
        Status = status;
    }

    /// <summary>The dataset's label, e.g. <c>07459: Befolkning, etter region, alder, statistikkvariabel og år</c>.</summary>
    public string Label { get; }

    /// <summary>The statbank table number from <c>extension.px.tableid</c> or the label's prefix; empty when neither says.</summary>
    public string TableId { get; }

    /// <summary>The dimensions in the order of <c>id</c> (the last varies fastest in <see cref="Values"/>).</summary>
    public IReadOnlyList<JsonStatDimension> Dimensions { get; }

    /// <summary><c>role</c>: <c>time</c>, <c>geo</c>, <c>metric</c> → dimension ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; }

    /// <summary>Every value in row-major order; null where the dataset has none.</summary>
    public IReadOnlyList<decimal?> Values { get; }

    /// <summary>The status symbol of each value (e.g. <c>..</c>), null where none.</summary>
    public IReadOnlyList<string?> Status { get; }

    /// <summary>The dimension with this id (ordinal, ignoring case), or the first with this role.</summary>
    public int IndexOf(string id, string role = "")
    {
        for (var i = 0; i < Dimensions.Count; i++)
        {
            if (Dimensions[i].Id.Equals(id, StringComparison.OrdinalIgnoreCase)) return i;
        }
        if (role.Length > 0 && Roles.TryGetValue(role, out var ids) && ids.Count > 0)
        {
            for (var i = 0; i < Dimensions.Count; i++)
            {
                if (Dimensions[i].Id.Equals(ids[0], StringComparison.Ordinal)) return i;
            }
        }
        return -1;
    }

    /// <summary>The position in <see cref="Values"/> of one category per dimension.</summary>
    public int Flat(ReadOnlySpan<int> categories)
    {
        var flat = 0;
        for (var i = 0; i < Dimensions.Count; i++) flat = checked(flat * Dimensions[i].Codes.Count + categories[i]);
        return flat;
    }

    /// <summary>
    /// Reads a dataset from a file's bytes (bounded depth, comments skipped); null, with a fatal finding that names the line, when
    /// the bytes are not JSON or the structure is not JSON-stat 2.0.
    /// </summary>
    public static JsonStatDataset? Read(byte[] bytes, FileFindings findings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = InputLimits.JsonDepth });
        }
        catch (JsonException e)
        {
            var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? -1) + 1);
            var position = (e.BytePositionInLine ?? 0) + 1;
            findings.Fatal(line, "", Invariant($"Filen er ikke gyldig JSON (linje {line}, tegn {position})."));
            return null;
        }
        using (document)
        {
            try
            {
                return Parse(document.RootElement, findings);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks the structure, not the text inside strings: a string or name that is not valid UTF-8,
                // or a \u escape that is half a surrogate pair, only fails when it is read.
                findings.Fatal(0, "", "Filen har tekst som ikke kan leses: ugyldig UTF-8 eller en \\u-escape som ikke er et tegn. "
                    + "Lagre filen som UTF-8, slik SSBs API leverer den.");
                return null;
            }
        }
    }

    /// <summary>Reads a dataset; null (with a fatal finding) when the structure is not JSON-stat 2.0.</summary>
    public static JsonStatDataset? Parse(JsonElement root, FileFindings findings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            findings.Fatal(0, "", "Filen er ikke et JSON-objekt, så den er ikke et JSON-stat-datasett.");
            return null;
        }
        var className = StringProperty(root, "class");
        if (className != "dataset")
        {
            var why = className is null
                ? LooksLikeVersion1(root)
                    ? "Den ser ut som JSON-stat 1.x (datasett under et navn); hent tabellen som json-stat2 (PxWebApi: format=json-stat2)."
                    : "Den mangler \"class\": \"dataset\"."
                : $"\"class\" er «{className}», ikke «dataset»; Målekort leser ett datasett per fil.";
            findings.Fatal(0, "class", "Filen er ikke et JSON-stat 2.0-datasett. " + why);
            return null;
        }
        var version = StringProperty(root, "version");
        if (version is null || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            findings.Fatal(0, "version", $"JSON-stat-versjonen er «{version ?? "(mangler)"}»; Målekort leser versjon 2.0.");
            return null;
        }
        var label = StringProperty(root, "label") ?? "";
        var dimensions = ReadDimensions(root, findings);
        if (dimensions is null) return null;
        var count = 1L;
        foreach (var d in dimensions)
        {
            count *= d.Codes.Count;
            if (count > MaxValues)
            {
                findings.Fatal(0, "size",
                    Invariant($"Datasettet har mer enn {MaxValues} verdier; det er ikke en befolkningstabell Målekort kan lese."));
                return null;
            }
        }
        var values = ReadValues(root, (int)count, findings);
        if (values is null) return null;
        var status = ReadStatus(root, (int)count, findings);
        if (status is null) return null;
        return new JsonStatDataset(label, ReadTableId(root, label), dimensions, ReadRoles(root), values, status);
    }

    private static List<JsonStatDimension>? ReadDimensions(JsonElement root, FileFindings findings)
    {
        if (!root.TryGetProperty("id", out var ids) || ids.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("size", out var sizes) || sizes.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("dimension", out var dimension) || dimension.ValueKind != JsonValueKind.Object)
        {
            findings.Fatal(0, "", "Datasettet mangler \"id\", \"size\" eller \"dimension\" (JSON-stat 2.0).");
            return null;
        }
        if (ids.GetArrayLength() != sizes.GetArrayLength())
        {
            findings.Fatal(0, "size", Invariant($"\"id\" har {ids.GetArrayLength()} dimensjoner, \"size\" {sizes.GetArrayLength()}."));
            return null;
        }
        var result = new List<JsonStatDimension>();
        for (var i = 0; i < ids.GetArrayLength(); i++)
        {
            var id = ids[i].ValueKind == JsonValueKind.String ? ids[i].GetString()! : "";
            // A size is checked against the limit before anything of that size is allocated.
            if (id.Length == 0 || sizes[i].ValueKind != JsonValueKind.Number || !sizes[i].TryGetInt32(out var size) || size < 1
                || size > MaxValues)
            {
                findings.Fatal(0, "id",
                    Invariant($"Dimensjon nr. {i + 1} har ikke et navn i \"id\" og en størrelse over 0 i \"size\"."));
                return null;
            }
            if (!dimension.TryGetProperty(id, out var d) || d.ValueKind != JsonValueKind.Object
                || !d.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.Object)
            {
                findings.Fatal(0, $"dimension.{id}", $"Dimensjonen {id} mangler i \"dimension\" eller har ingen \"category\".");
                return null;
            }
            var codes = Codes(id, category, size, findings);
            if (codes is null) return null;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (category.TryGetProperty("label", out var categoryLabels) && categoryLabels.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in categoryLabels.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String) labels[p.Name] = p.Value.GetString()!;
                }
            }
            result.Add(new JsonStatDimension(id, StringProperty(d, "label") ?? id, codes, labels));
        }
        return result;
    }

    private static string[]? Codes(string id, JsonElement category, int size, FileFindings findings)
    {
        var column = $"dimension.{id}.category.index";
        var codes = new string[size];
        if (!category.TryGetProperty("index", out var index))
        {
            // JSON-stat lets a dimension of one category leave out the index and name it in the label.
            if (size == 1 && category.TryGetProperty("label", out var only) && only.ValueKind == JsonValueKind.Object
                && only.EnumerateObject().Take(2).ToList() is [var single])
            {
                codes[0] = single.Name;
                return codes;
            }
            findings.Fatal(0, column, $"Dimensjonen {id} mangler \"category.index\".");
            return null;
        }
        if (index.ValueKind == JsonValueKind.Array)
        {
            if (index.GetArrayLength() != size)
            {
                findings.Fatal(0, column,
                    Invariant($"Dimensjonen {id} har {index.GetArrayLength()} kategorier, men \"size\" sier {size}."));
                return null;
            }
            for (var i = 0; i < size; i++)
            {
                if (index[i].ValueKind != JsonValueKind.String)
                {
                    findings.Fatal(0, column, Invariant($"Kategori nr. {i + 1} i dimensjonen {id} er ikke en tekst."));
                    return null;
                }
                codes[i] = index[i].GetString()!;
            }
        }
        else if (index.ValueKind == JsonValueKind.Object)
        {
            var seen = 0;
            foreach (var p in index.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var position) || position < 0 || position >= size
                    || codes[position] is not null)
                {
                    findings.Fatal(0, column, Invariant($"Kategorien {p.Name} i dimensjonen {id} har posisjon {p.Value.GetRawText()}, ")
                        + Invariant($"som ikke er en ledig plass 0–{size - 1}."));
                    return null;
                }
                codes[position] = p.Name;
                seen++;
            }
            if (seen != size)
            {
                findings.Fatal(0, column, Invariant($"Dimensjonen {id} har {seen} kategorier, men \"size\" sier {size}."));
                return null;
            }
        }
        else
        {
            findings.Fatal(0, column, $"\"category.index\" i dimensjonen {id} er verken en liste eller et objekt.");
            return null;
        }
        if (codes.Distinct(StringComparer.Ordinal).Count() != size)
        {
            findings.Fatal(0, column, $"Dimensjonen {id} har samme kategori flere ganger.");
            return null;
        }
        return codes;
    }

    private static decimal?[]? ReadValues(JsonElement root, int count, FileFindings findings)
    {
        if (!root.TryGetProperty("value", out var value))
        {
            findings.Fatal(0, "value", "Datasettet mangler \"value\".");
            return null;
        }
        var values = new decimal?[count];
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() != count)
            {
                findings.Fatal(0, "value", Invariant($"\"value\" har {value.GetArrayLength()} verdier, men dimensjonene gir {count}."));
                return null;
            }
            var i = 0;
            foreach (var v in value.EnumerateArray()) values[i] = Number(v, i++, findings);
            return values;
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in value.EnumerateObject())
            {
                if (!int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= count)
                {
                    findings.Fatal(0, "value",
                        Invariant($"\"value\" har nøkkelen «{p.Name}», som ikke er en posisjon 0–{count - 1}."));
                    return null;
                }
                values[i] = Number(p.Value, i, findings);
            }
            return values;
        }
        findings.Fatal(0, "value", "\"value\" er verken en liste eller et objekt.");
        return null;
    }

    private static decimal? Number(JsonElement v, int position, FileFindings findings)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var number)) return number;
        findings.Error(0, Invariant($"value[{position}]"), $"Verdien {v.GetRawText()} er ikke et tall.");
        return null;
    }

    private static string?[]? ReadStatus(JsonElement root, int count, FileFindings findings)
    {
        var status = new string?[count];
        if (!root.TryGetProperty("status", out var element) || element.ValueKind == JsonValueKind.Null) return status;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Array.Fill(status, element.GetString());
                return status;
            case JsonValueKind.Array when element.GetArrayLength() == count:
                var i = 0;
                foreach (var s in element.EnumerateArray()) status[i++] = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                return status;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < count
                        && p.Value.ValueKind == JsonValueKind.String)
                        status[at] = p.Value.GetString();
                }
                return status;
            default:
                findings.Fatal(0, "status", "\"status\" er verken en tekst, en liste med én verdi per tall eller et objekt.");
                return null;
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadRoles(JsonElement root)
    {
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.Object) return roles;
        foreach (var p in role.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array) continue;
            roles[p.Name] = p.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        }
        return roles;
    }

    private static string ReadTableId(JsonElement root, string label)
    {
        if (root.TryGetProperty("extension", out var extension) && extension.ValueKind == JsonValueKind.Object
            && extension.TryGetProperty("px", out var px) && px.ValueKind == JsonValueKind.Object
            && StringProperty(px, "tableid") is { Length: > 0 } tableId)
            return tableId.Trim();
        return LabelTable().Match(label) is { Success: true } m ? m.Groups[1].Value : "";
    }

    private static bool LooksLikeVersion1(JsonElement root) =>
        root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("dimension", out _));

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    [GeneratedRegex(@"^(\d{5})\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex LabelTable();
}
