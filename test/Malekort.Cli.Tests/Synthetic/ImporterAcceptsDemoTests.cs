using Malekort.Import.Capture;
using Malekort.Import.Pseudonyms;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

public sealed class ImporterAcceptsDemoTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    private static readonly Pseudonymizer Pseudonyms =
        new(PseudonymKey.FromBytes(Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)(i * 7)).ToArray()));

    [Fact]
    public void The_capture_reader_accepts_every_demo_batch_without_errors()
    {
        var reader = new CaptureReader(Pseudonyms, UnitRegister.Default);

        foreach (var folder in demo.FolderPaths)
        {
            var result = reader.Read(folder);

            var problems = result.Findings.Where(f => f.Rejects).Select(f => f.ToString()).Take(10).ToList();
            Assert.True(result.Accepted, $"{Path.GetFileName(folder)}:\n{string.Join('\n', problems)}");
            Assert.Empty(problems);
        }
    }

    [Fact]
    public void The_reader_sees_the_same_rows_as_were_written()
    {
        var reader = new CaptureReader(Pseudonyms, UnitRegister.Default);
        var written = demo.Folders[^1];

        var batch = reader.Read(written.Path).Value!;

        Assert.Equal(written.Unit, batch.Header.Unit.Value);
        Assert.Equal((written.From, written.To), (batch.Header.PeriodFrom, batch.Header.PeriodTo));
        Assert.Equal(written.ExtractedAt, batch.Header.ExtractedAt);
        Assert.Equal(written["persons.csv"].Rows.Count, batch.Persons.Count);
        Assert.Equal(written["payments.csv"].Rows.Count, batch.Payments.Count);
        Assert.Equal(written["cases.csv"].Rows.Count, batch.Cases.Count);
        Assert.Equal(written["family.csv"].Rows.Count, batch.Family.Count);
        Assert.Equal(written["kvp.csv"].Rows.Count, batch.Kvp.Count);
        Assert.Equal(written["followups.csv"].Rows.Count, batch.Followups.Count);
        var numbers = written["persons.csv"].Rows.Select(r => r["fnr"]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(batch.Persons, p => numbers.Contains(p.PersonKey));
    }
}
