using Malekort.Capture;
using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>Reads one edited record and asserts what one rule said about it.</summary>
internal static class KostraRuleAssert
{
    /// <summary>The default record of the skjema and year with the edits applied.</summary>
    public static KostraRecordBuilder Record(KostraSkjema skjema, int year, string edits) =>
        (skjema == KostraSkjema.OkonomiskSosialhjelp ? KostraRecordBuilder.Sosialhjelp(year) : KostraRecordBuilder.Kvalifisering(year))
            .Apply(edits);

    /// <summary>The rule fired on line 1 with the severity SSB gives it, and the message shows no fødselsnummer.</summary>
    public static Finding Fires(ReadResult<CaptureBatch> result, string rule, Severity severity)
    {
        var finding = result.Findings.FirstOrDefault(f => f.Rule == rule);
        Assert.True(finding is not null, $"Kontroll {rule} slo ikke til:\n{KostraFixture.Describe(result)}");
        Assert.Equal(severity, finding.Severity);
        // Errors reject the whole file; a file with only warnings is accepted with them.
        Assert.Equal(!result.Findings.Any(f => f.Rejects), result.Accepted);
        if (severity >= Severity.Error) Assert.False(result.Accepted);
        return finding;
    }

    /// <summary>The rule did not fire.</summary>
    public static void Passes(ReadResult<CaptureBatch> result, string rule) =>
        Assert.True(result.Findings.All(f => f.Rule != rule), $"Kontroll {rule} slo til:\n{KostraFixture.Describe(result)}");
}
