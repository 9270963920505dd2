using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Units;

namespace Malekort.Import.Capture;

/// <summary>The reader as the product builds it, with a fixed test key, and the fixtures' synthetic fødselsnumre.</summary>
internal static class CaptureFixture
{
    public const string PersonIds = "valid-small";
    public const string Fnr = "valid-small-fnr";

    /// <summary>The synthetic fødselsnumre (month + 80) in the fnr fixture, person by person, and one child's.</summary>
    public static readonly string[] FixtureNumbers = ["14838512470", "02919023441", "30860156772", "20817834567", "10841561223"];

    public static Pseudonymizer Pseudonyms { get; } =
        new(PseudonymKey.FromBytes(Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)i).ToArray()));

    public static CaptureReader Reader { get; } = new(Pseudonyms, UnitRegister.Default);

    public static ReadResult<CaptureBatch> Read(string path) => Reader.Read(path);

    /// <summary>The findings that reject, as <c>file:line: column: message</c> for readable assertion failures.</summary>
    public static string Describe(ReadResult<CaptureBatch> result) => string.Join("\n", result.Findings);

    /// <summary>The only rejecting finding; fails the test if there are none or several.</summary>
    public static Finding SingleError(ReadResult<CaptureBatch> result)
    {
        Assert.False(result.Accepted, "Batchen skulle vært avvist.");
        Assert.Null(result.Value);
        var errors = result.Findings.Where(f => f.Rejects).ToList();
        Assert.True(errors.Count == 1, $"Forventet ett funn som avviser, fikk {errors.Count}:\n{Describe(result)}");
        return errors[0];
    }
}
