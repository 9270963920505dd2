using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Malekort.DataQuality;
using static Malekort.Import.Digisos.DigisosFixture;

namespace Malekort.Import.Digisos;

/// <summary>Inputs that cannot be imported say why, with file, line and field; nothing throws, whatever the bytes.</summary>
public sealed partial class DigisosRobustnessTests
{
    [Fact]
    public void Bare_digisos_soker_json_alone_is_rejected_for_having_no_person_and_no_municipality()
    {
        using var folder = new TempFolder();
        var path = folder.Write("digisos-soker.json", new DigisosSakText().Mottatt("2024-03-01T10:00:00.000Z").Document());

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal(("digisos-soker.json", Severity.Error), (error.File, error.Severity));
        Assert.Contains("hvem søknaden gjelder og hvilken kommune", error.Message, StringComparison.Ordinal);
        Assert.Contains("soknad.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NAV_example_without_its_soknad_json_is_rejected_for_having_no_person()
    {
        // komplett.json names NAV Grünerløkka, so only the person is missing.
        var error = Assert.Single(Rejections(Read(Fixture("nav-eksempel/digisos-soker.json"))));

        Assert.Contains("Filen sier ikke hvem søknaden gjelder:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DigisosSak_that_only_points_to_the_document_in_Fiks_is_fatal_with_what_to_do()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", $$"""
            {
              "fiksDigisosId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
              "sokerFnr": "{{YoungFnr}}",
              "kommunenummer": "3107",
              "digisosSoker": {"metadata": "3fa85f64-5717-4562-b3fc-2c963f66afa1", "dokumenter": [], "timestampSistOppdatert": 0}
            }
            """);

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal((Severity.Fatal, 5), (error.Severity, error.Line));
        Assert.Contains("Hent digisos-soker.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("12345", "sokerFnr")]
    [InlineData("1785901231X", "sokerFnr")]
    public void DigisosSak_without_a_usable_sokerFnr_is_rejected(string fnr, string column)
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText(fnr: fnr).Mottatt("2024-03-01T10:00:00.000Z").ToString());

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal("sokerFnr", error.Column);
        Assert.Equal(column.Length > 0 ? 3 : 5, error.Line);
    }

    [Fact]
    public void Soknad_json_for_another_person_than_the_DigisosSak_is_rejected()
    {
        using var folder = new TempFolder();
        folder.Write("sak/digisos-soker.json", new DigisosSakText(fnr: YoungFnr).Mottatt("2024-03-01T10:00:00.000Z").ToString());
        folder.Write("sak/soknad.json", $$"""{"data": {"personalia": {"personIdentifikator": {"verdi": "{{OsloFnr}}"} } } }""");

        var error = Assert.Single(Rejections(Read(Path.Combine(folder.Path, "sak"))));

        Assert.Equal(("soknad.json", "personIdentifikator"), (error.File, error.Column));
        Assert.DoesNotContain(OsloFnr, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Municipality_number_not_in_the_2024_register_outside_Oslo_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText(kommune: "9999").Mottatt("2024-03-01T10:00:00.000Z").ToString());

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal(("kommunenummer", 4), (error.Column, error.Line));
    }

    [Theory]
    [InlineData("""{"type": "soknadsStatus", "status": "MOTTATT"}""", "hendelsestidspunkt")]
    [InlineData("""{"type": "soknadsStatus", "hendelsestidspunkt": "2024-03-01", "status": "MOTTATT"}""", "hendelsestidspunkt")]
    [InlineData("""{"type": "soknadsStatus", "hendelsestidspunkt": "2024-02-30T10:00:00.000Z", "status": "MOTTATT"}""", "hendelsestidspunkt")]
    [InlineData("""{"hendelsestidspunkt": "2024-03-01T10:00:00.000Z", "status": "MOTTATT"}""", "type")]
    [InlineData("""{"type": "utbetaling", "hendelsestidspunkt": "2024-03-01T10:00:00.000Z", "status": "UTBETALT"}""", "utbetalingsreferanse")]
    [InlineData("""{"type": "saksStatus", "hendelsestidspunkt": "2024-03-01T10:00:00.000Z", "referanse": ""}""", "referanse")]
    [InlineData("""["not", "an", "event"]""", "hendelser")]
    public void Event_that_cannot_be_replayed_rejects_the_file_and_names_its_line(string hendelse, string column)
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText().Mottatt("2024-03-01T10:00:00.000Z").Hendelse(hendelse).ToString());

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal(("sak.json", 10, column), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Empty_hendelser_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", new DigisosSakText().ToString());

        var error = Assert.Single(Rejections(Read(path)));

        Assert.Equal("hendelser", error.Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"hendelser\": [")]
    [InlineData("{\"a\": 1} {\"b\": 2}")]
    [InlineData("{\"version\": \"1.0.0\"}")]
    [InlineData("{\"hendelser\": \"\\ud800\"}")]
    public void File_that_is_no_Digisos_JSON_is_fatal(string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write("sak.json", text);

        var errors = Rejections(Read(path));

        Assert.Contains(errors, f => f is { Severity: Severity.Fatal, File: "sak.json" });
    }

    [Fact]
    public void Deeply_nested_JSON_is_fatal_and_a_long_event_list_is_read()
    {
        using var folder = new TempFolder();
        var deep = folder.Write("deep.json", "{\"hendelser\": " + new string('[', 100_000) + new string(']', 100_000) + "}");
        var events = new DigisosSakText().Mottatt("2024-03-01T10:00:00.000Z");
        for (var i = 0; i < 20_000; i++)
            events.Utbetaling("2024-03-02T10:00:00.000Z", "U" + (i % 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
                i % 2 == 0 ? "PLANLAGT_UTBETALING" : "UTBETALT", "\"utbetalingsdato\": \"2024-03-02\", \"ekstra\": 1");
        var many = folder.Write("many.json", events.ToString());

        Assert.Contains(Rejections(Read(deep)), f => f.Severity == Severity.Fatal);
        var result = Read(many);
        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(500, result.Value!.Payments.Count);
        // 20 000 unknown fields are one finding.
        Assert.Single(result.Findings, f => f.Column == "ekstra");
    }

    [Fact]
    public void Missing_path_and_folder_without_digisos_soker_json_are_fatal()
    {
        using var folder = new TempFolder();
        folder.Write("tom/soknad.json", "{}");

        Assert.Contains(Rejections(Read(Path.Combine(folder.Path, "finnes-ikke.json"))), f => f.Severity == Severity.Fatal);
        Assert.Contains(Rejections(Read(Path.Combine(folder.Path, "tom"))), f => f.Severity == Severity.Fatal);
    }

    /// <summary>
    /// Seeded byte-level and value-level mutations of every fixture: the reader must never throw, and a result is either
    /// accepted with no rejecting finding or rejected with one. Findings never echo a fødselsnummer.
    /// </summary>
    [Fact]
    public void Mutated_inputs_never_throw_and_are_accepted_or_rejected_cleanly()
    {
        var random = new Random(20241125);
        using var folder = new TempFolder();
        var fixtures = new[]
        {
            File.ReadAllBytes(Fixture("fredrikstad-socio.json")),
            File.ReadAllBytes(Fixture("oslo-velferd.json")),
            File.ReadAllBytes(Fixture("nav-eksempel/soknad.json")),
        };
        var counts = new int[2];
        for (var round = 0; round < 600; round++)
        {
            var source = fixtures[round % 2];
            var mutated = round % 3 == 0 ? MutateBytes(source, random) : MutateValues(source, random);
            var file = folder.WriteBytes(round % 2 == 0 ? "a.json" : "b.json", mutated);

            var result = Read(file);
            Assert.Equal(result.Value is not null, result.Accepted);
            Assert.Equal(result.Accepted, !result.Findings.Any(f => f.Rejects));
            Assert.All(result.Findings, f => Assert.False(ElevenDigits().IsMatch(f.Message), f.ToString()));
            // The reader's last-resort catch must never be what handled the input.
            Assert.DoesNotContain(result.Findings, f => f.Message.Contains("uventet feil", StringComparison.Ordinal));
            _ = DigisosReader.Recognise(file);
            counts[result.Accepted ? 1 : 0]++;

            if (round % 10 == 0)
            {
                folder.Write("folder/digisos-soker.json", File.ReadAllText(Fixture("nav-eksempel/digisos-soker.json")));
                folder.WriteBytes("folder/soknad.json", MutateValues(fixtures[2], random));
                var withSoknad = Read(Path.Combine(folder.Path, "folder"));
                Assert.Equal(withSoknad.Accepted, !withSoknad.Findings.Any(f => f.Rejects));
            }
        }
        // Both outcomes occur, so the mutations reach past the JSON parser.
        Assert.All(counts, c => Assert.True(c > 50, string.Join(", ", counts)));
    }

    private static byte[] MutateBytes(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                case 2:
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(from, Math.Min(20, bytes.Count - from)));
                    break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create("1e400"), JsonValue.Create(""),
        JsonValue.Create("2017-13-01"), JsonValue.Create("2024-02-29T23:30:00.000Z"), JsonValue.Create("2024-03-31T01:30:00+02:00"),
        JsonValue.Create("UTBETALT"), JsonValue.Create("IKKE_INNSYN"), JsonValue.Create("MOTTATT"), JsonValue.Create("0326"),
        JsonValue.Create("0301"), JsonValue.Create("utbetaling"), JsonValue.Create("vedtakFattet"), JsonValue.Create(true),
        JsonValue.Create(long.MaxValue), JsonValue.Create("79228162514264337593543950335"), JsonValue.Create("9999-12-31"),
        JsonValue.Create("0001-01-01T00:00:00Z"), JsonValue.Create("12345678901"),
    ];

    /// <summary>Replaces, deletes or duplicates values in the parsed file, so the result is JSON that breaks the rules.</summary>
    private static byte[] MutateValues(byte[] source, Random random)
    {
        var root = JsonNode.Parse(source)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            if (parent is null) continue;
            var replacement = random.Next(5) == 0
                ? (random.Next(2) == 0 ? new JsonArray() : new JsonObject())
                : Replacements[random.Next(Replacements.Length)]?.DeepClone();
            if (parent is JsonObject obj)
            {
                var name = node.GetPropertyName();
                if (random.Next(4) == 0) obj.Remove(name);
                else obj[name] = replacement;
            }
            else if (parent is JsonArray array)
            {
                var index = node.GetElementIndex();
                if (random.Next(3) == 0) array.Add(node.DeepClone());
                else array[index] = replacement;
            }
            nodes.Clear();
            Collect(root, nodes);
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null) return;
        nodes.Add(node);
        if (node is JsonObject obj) foreach (var (_, child) in obj) Collect(child, nodes);
        else if (node is JsonArray array) foreach (var child in array) Collect(child, nodes);
    }

    [GeneratedRegex("[0-9]{11}")]
    private static partial Regex ElevenDigits();
}
