using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Import.Digisos;

/// <summary>The reader as the product builds it (fixed test key), the fixtures, and the engine run on what it reads.</summary>
internal static class DigisosFixture
{
    /// <summary>Synthetic (month + 80) fødselsnumre: Fredrikstad's applicant, born 1990-05-17, and Oslo's, born 2002-11-03.</summary>
    public const string FredrikstadFnr = "17859012310";
    public const string OsloFnr = "03910251294";

    /// <summary>A third synthetic applicant, born 2003-09-09, for hand-written files.</summary>
    public const string YoungFnr = "09890360138";

    public static Pseudonymizer TestPseudonyms { get; } =
        new(PseudonymKey.FromBytes(Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)i).ToArray()));

    public static DigisosReader Reader { get; } = new(TestPseudonyms);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "digisos", name);

    public static ReadResult<CaptureBatch> Read(string path) => Reader.Read(path);

    /// <summary>Reads a fixture that must be accepted; fails the test with every finding otherwise.</summary>
    public static CaptureBatch Accepted(string path)
    {
        var result = Read(path);
        Assert.True(result.Accepted, "Filen skulle vært godtatt:\n" + Describe(result));
        return result.Value!;
    }

    public static string Describe(ReadResult<CaptureBatch> result) => string.Join("\n", result.Findings);

    /// <summary>The rejecting findings; fails the test when the input was accepted.</summary>
    public static List<Finding> Rejections(ReadResult<CaptureBatch> result)
    {
        Assert.False(result.Accepted, "Filen skulle vært avvist:\n" + Describe(result));
        Assert.Null(result.Value);
        var errors = result.Findings.Where(f => f.Rejects).ToList();
        Assert.NotEmpty(errors);
        return errors;
    }

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Month M(string month) => Month.Parse(month);

    /// <summary>Runs the engine on the batches, added in the order given (storage adds in import order).</summary>
    public static IndicatorResults Compute(IEnumerable<CaptureBatch> batches, string first, string last)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch);
        return new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty)
            .Compute(builder.Build(), PopulationTable.Empty, new MonthRange(M(first), M(last)));
    }

    /// <summary>The numerator of an indicator for a unit and month; null when not captured.</summary>
    public static long? Count(this IndicatorResults results, string indicator, string month, string unit) =>
        results.Get(UnitCode.Parse(unit), M(month), indicator).Numerator;
}

/// <summary>A temporary folder for hand-written Digisos files; deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("malekort-digisos-").FullName;

    public string Path { get; }

    /// <summary>Writes a file as UTF-8 without BOM and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>
/// A hand-written DigisosSak: the envelope's fields and the events, each event written as the JSON it is, so a test
/// shows exactly the file it reads.
/// </summary>
internal sealed class DigisosSakText(string fnr = DigisosFixture.YoungFnr, string kommune = "3107",
    string id = "0c6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", long? sistEndret = null)
{
    private readonly List<string> hendelser = [];

    public DigisosSakText Hendelse(string json)
    {
        hendelser.Add(json);
        return this;
    }

    public DigisosSakText Mottatt(string at) =>
        Hendelse($$"""{"type": "soknadsStatus", "hendelsestidspunkt": "{{at}}", "status": "MOTTATT"}""");

    public DigisosSakText Vedtak(string at, string sak) =>
        Hendelse($$"""{"type": "vedtakFattet", "hendelsestidspunkt": "{{at}}", "saksreferanse": "{{sak}}", "utfall": "INNVILGET", """
            + """ "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "12345678-9abc-def0-1234-56789abcdef0"} } }""");

    public DigisosSakText Utbetaling(string at, string reference, string status, string fields = "") =>
        Hendelse($$"""{"type": "utbetaling", "hendelsestidspunkt": "{{at}}", "utbetalingsreferanse": "{{reference}}", """
            + $$""" "status": "{{status}}", "belop": 1000{{(fields.Length > 0 ? ", " + fields : "")}}}""");

    /// <summary>The bare digisos-soker.json document.</summary>
    public string Document() => $$"""
        {
          "version": "1.0.0",
          "avsender": {"systemnavn": "Testsystem", "systemversjon": "1.0"},
          "hendelser": [
            {{string.Join(",\n    ", hendelser)}}
          ]
        }
        """;

    /// <summary>The DigisosSak with the document embedded as digisosSoker.</summary>
    public override string ToString()
    {
        var changed = sistEndret is { } ms ? string.Create(CultureInfo.InvariantCulture, $"\"sistEndret\": {ms},\n  ") : "";
        return $$"""
            {
              "fiksDigisosId": "{{id}}",
              "sokerFnr": "{{fnr}}",
              "kommunenummer": "{{kommune}}",
              {{changed}}"digisosSoker": {{Document()}}
            }
            """;
    }
}
