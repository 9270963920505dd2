using System.IO.Compression;
using System.Text;
using Malekort.DataQuality;

namespace Malekort.Import.Capture;

/// <summary>Broken containers, files and batches: every problem becomes a finding, nothing throws, nothing is kept.</summary>
public sealed class CaptureRobustnessTests
{
    [Fact]
    public void Rejected_batch_lists_every_finding_with_file_line_and_column()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("payments.csv", text => text
            .Replace("U2,P001,HUSL,8400.50,UTBETALT,2023-02-01", "U2,P001,HUSL,8400.50,UTBETALT,2024-02-30", StringComparison.Ordinal)
            .Replace("U4,P003,KVPST,12000", "U1,P009,KVPST,-5", StringComparison.Ordinal));
        batch.Append("persons.csv", "P005,1990-02-30,3");
        batch.Append("kvp.csv", "P001,,,2023-01-01,,9,");

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Null(result.Value);
        var expected = new[]
        {
            ("persons.csv", 6, "birth_date"),
            ("persons.csv", 6, "sex"),
            ("payments.csv", 3, "payment_date"),
            ("payments.csv", 5, "payment_id"),
            ("payments.csv", 5, "person_id"),
            ("payments.csv", 5, "amount"),
            ("kvp.csv", 4, "status"),
        };
        Assert.Equal(expected, result.Findings.Select(f => (f.File, f.Line, f.Column)));
        Assert.All(result.Findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Fact]
    public void Missing_batch_json_is_fatal()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Delete("batch.json");

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, File: "batch.json" });
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\": \"malekort-capture\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"version\": 1} trailing")]
    [InlineData("")]
    public void Batch_json_that_is_not_a_json_object_is_fatal(string text)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("batch.json", text);

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, File: "batch.json" });
    }

    [Fact]
    public void File_that_is_not_a_zip_is_fatal()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var notZip = Path.Combine(batch.Path, "..", "batch.zip");
        File.WriteAllText(notZip, "PK this is not really a zip");

        var result = CaptureFixture.Read(notZip);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Severity.Fatal, "batch.zip"), (finding.Severity, finding.File));
    }

    [Fact]
    public void Path_that_does_not_exist_is_fatal()
    {
        var result = CaptureFixture.Read(Path.Combine(Path.GetTempPath(), "finnes-ikke-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(Severity.Fatal, Assert.Single(result.Findings).Severity);
    }

    [Fact]
    public void Zip_with_several_top_folders_lacks_batch_json()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var zip = Path.Combine(batch.Path, "..", "two.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(batch.Path, "batch.json"), "a/batch.json");
            archive.CreateEntryFromFile(Path.Combine(batch.Path, "persons.csv"), "b/persons.csv");
        }

        var result = CaptureFixture.Read(zip);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, File: "batch.json" });
    }

    [Fact]
    public void Row_with_too_many_fields_is_an_error_on_its_line()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Append("followups.csv", "P002,2023-05-01,ekstra");

        var error = CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));

        Assert.Equal(("followups.csv", 4, ""), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Unclosed_quote_is_an_error()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Append("followups.csv", "P002,\"2023-05-01");

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f.File == "followups.csv" && f.Message.Contains("anførselstegn", StringComparison.Ordinal));
    }

    [Fact]
    public void File_that_is_not_utf8_is_fatal_and_names_the_line()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var latin1 = Encoding.Latin1.GetBytes("code,name,category\nOKSOS,Økonomisk sosialhjelp,OKONOMISK_SOSIALHJELP\n");
        batch.WriteBytes("case_types.csv", latin1);

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { Severity: Severity.Fatal, File: "case_types.csv", Line: 2 });
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\"")]
    [InlineData(",,,\n,,,\n")]
    [InlineData("payment_id,payment_id\n1,2\n")]
    [InlineData("\uFEFF")]
    public void Malformed_payments_file_is_rejected_without_throwing(string text)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("payments.csv", text);

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f.Rejects && f.File == "payments.csv");
    }

    [Theory]
    [InlineData("benefit_types.csv")]
    [InlineData("persons.csv")]
    public void Unreadable_list_is_reported_once_not_for_every_row_that_refers_to_it(string file)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write(file, "");

        var error = CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));

        Assert.Equal((file, 1), (error.File, error.Line));
    }

    [Fact]
    public void Code_whose_own_row_is_wrong_is_reported_there_only()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("benefit_types.csv",
            text => text.Replace("HUSL,Husleie,OKONOMISK_SOSIALHJELP", "HUSL,,OKONOMISK_SOSIALHJELP", StringComparison.Ordinal));

        var error = CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));

        Assert.Equal(("benefit_types.csv", 3, "name"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Random_bytes_in_every_file_never_throw()
    {
        var random = new Random(20240402);
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var names = Directory.GetFiles(batch.Path).Select(Path.GetFileName).ToArray();
        for (var round = 0; round < 100; round++)
        {
            foreach (var name in names)
            {
                var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(BatchFolder.Fixture(CaptureFixture.PersonIds) + "/" + name));
                for (var flips = 0; flips < 5; flips++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                batch.WriteBytes(name!, bytes);
            }

            var result = CaptureFixture.Read(batch.Path);

            // Both catch-alls name the exception type; neither may be reached by any input.
            Assert.DoesNotContain(result.Findings, f => f.Message.Contains("Exception)", StringComparison.Ordinal));
            Assert.Equal(result.Value is null, result.Findings.Any(f => f.Rejects));
        }
    }
}
