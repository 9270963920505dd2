using System.Text.RegularExpressions;
using Malekort.Capture;
using Malekort.DataQuality;

namespace Malekort.Import.Capture;

/// <summary>Batches that name persons by fødselsnummer: pseudonymised on the way in, never shown or kept.</summary>
public sealed partial class CaptureFnrTests
{
    [Fact]
    public void Valid_batch_with_fnr_is_accepted_with_pseudonyms_as_person_keys()
    {
        var result = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.Fnr));

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var batch = result.Value!;
        var first = CaptureFixture.Pseudonyms.Of(CaptureFixture.FixtureNumbers[0]);
        Assert.Equal(first, batch.Persons[0].PersonKey);
        Assert.Equal(first, batch.Payments[0].PersonKey);
        Assert.Equal(CaptureFixture.Pseudonyms.Of(CaptureFixture.FixtureNumbers[1]), batch.Followups[0].PersonKey);
        Assert.All(batch.Persons, p => Assert.Matches("^p[0-9a-f]{32}$", p.PersonKey));
    }

    [Fact]
    public void Fnr_batch_holds_the_same_records_as_the_person_id_batch_apart_from_the_keys()
    {
        var byFnr = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.Fnr)).Value!;
        var byId = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!;

        Assert.Equal(byId.Counts(), byFnr.Counts());
        Assert.Equal(byId.Payments.Select(p => p with { PersonKey = "" }), byFnr.Payments.Select(p => p with { PersonKey = "" }));
        Assert.Equal(byId.Conditions.Select(c => (c.DecidedDate, c.ValidFrom, c.ValidTo, string.Join('|', c.Codes))),
            byFnr.Conditions.Select(c => (c.DecidedDate, c.ValidFrom, c.ValidTo, string.Join('|', c.Codes))));
        Assert.Equal(byId.Sanctions.Select(s => s with { PersonKey = "" }), byFnr.Sanctions.Select(s => s with { PersonKey = "" }));
        Assert.Equal(byId.Persons.Select(p => p.BirthDate), byFnr.Persons.Select(p => p.BirthDate));
    }

    [Fact]
    public void Member_id_that_is_a_fodselsnummer_is_pseudonymised()
    {
        var batch = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.Fnr)).Value!;

        Assert.Equal(CaptureFixture.Pseudonyms.Of("10841561223"), batch.Family[0].MemberId);
        Assert.Equal("M002", batch.Family[1].MemberId);
    }

    [Fact]
    public void Fodselsnumre_put_in_the_person_id_column_are_pseudonymised_all_the_same()
    {
        using var folder = BatchFolder.Copy(CaptureFixture.Fnr);
        foreach (var file in Directory.GetFiles(folder.Path, "*.csv"))
        {
            var name = System.IO.Path.GetFileName(file);
            folder.Edit(name, text => text.StartsWith("fnr,", StringComparison.Ordinal) || text.Contains(",fnr", StringComparison.Ordinal)
                ? ReplaceHeader(text)
                : text);
        }

        var result = CaptureFixture.Read(folder.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var expected = CaptureFixture.Pseudonyms.Of(CaptureFixture.FixtureNumbers[0]);
        Assert.Equal(expected, result.Value!.Persons[0].PersonKey);
        Assert.Equal(expected, result.Value.Payments[0].PersonKey);

        static string ReplaceHeader(string text)
        {
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            var header = string.Join(',', text[..end].Split(',').Select(c => c == "fnr" ? "person_id" : c));
            return header + text[end..];
        }
    }

    [Fact]
    public void Payment_and_case_ids_that_are_fodselsnumre_are_pseudonymised()
    {
        using var folder = BatchFolder.Copy(CaptureFixture.PersonIds);
        const string number = "14838512470";
        folder.Edit("payments.csv", text => text.Replace("U1,P001", number + ",P001", StringComparison.Ordinal)
            .Replace(",S1\n", "," + number + "\n", StringComparison.Ordinal));
        folder.Edit("cases.csv", text => text.Replace("S1,P001", number + ",P001", StringComparison.Ordinal));

        var result = CaptureFixture.Read(folder.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var pseudonym = CaptureFixture.Pseudonyms.Of(number);
        Assert.Contains(result.Value!.Payments, p => p.PaymentId == pseudonym && p.CaseId == pseudonym);
        Assert.Contains(result.Value.Cases, c => c.CaseId == pseudonym);
        Assert.DoesNotContain(number, string.Join("\n", result.Value.Payments.Concat<object>(result.Value.Cases)));
    }

    [Fact]
    public void No_record_holds_a_fodselsnummer()
    {
        var batch = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.Fnr)).Value!;
        IEnumerable<object> records = [batch.Header, .. batch.Persons, .. batch.BenefitTypes, .. batch.Payments, .. batch.Livelihood,
            .. batch.Family, .. batch.CaseTypes, .. batch.Cases, .. batch.Kvp, .. batch.Jobseekers, .. batch.Followups];

        foreach (var record in records)
        {
            var text = record.ToString()!;
            Assert.DoesNotContain(CaptureFixture.FixtureNumbers, text.Contains);
        }
    }

    [Fact]
    public void Findings_about_fodselsnumre_never_show_the_number()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.Fnr);
        // A bad control digit, a duplicate, an unknown person, and numbers put in columns that echo their values.
        batch.Append("persons.csv", "14838512471,1985-03-14,2");
        batch.Append("persons.csv", "14838512470,1985-03-14,2");
        batch.Append("followups.csv", "01816080076,2023-05-05");
        batch.Append("followups.csv", "0291902344,2023-05-05");
        batch.Append("payments.csv", "U9,02919023441,30860156772,100,UTBETALT,2023-03-01,,,");
        batch.Append("cases.csv", "S9,02919023441,20817834567,2023-03-01,");
        batch.Write("livelihood.csv", "fnr,valid_from,source,02919023441\n14838512470,2022-06-01,5,\n");

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.True(result.Findings.Count >= 7, CaptureFixture.Describe(result));
        foreach (var finding in result.Findings)
        {
            Assert.DoesNotMatch(ElevenDigits(), finding.ToString());
            Assert.DoesNotContain(CaptureFixture.FixtureNumbers, finding.ToString().Contains);
            Assert.DoesNotContain("14838512471", finding.ToString(), StringComparison.Ordinal);
        }
        AssertFinding(result.Findings, "persons.csv", 6, "kontrollsiffer");
        AssertFinding(result.Findings, "persons.csv", 7, "linje 2");
        AssertFinding(result.Findings, "followups.csv", 4, "finnes ikke");
        AssertFinding(result.Findings, "followups.csv", 5, "10 tegn");
        Assert.Contains(result.Findings, f => f is { File: "payments.csv", Line: 7, Column: "benefit_type" });
        Assert.Contains(result.Findings, f => f is { File: "cases.csv", Line: 5, Column: "case_type" });
    }

    [Fact]
    public void File_using_person_id_in_a_batch_of_fnr_is_an_error()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.Fnr);
        batch.Write("jobseekers.csv", "person_id,group,registered_from,registered_to\nP002,ORDINAER,2023-03-01,\n");

        var error = CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));

        Assert.Equal((Severity.Error, "jobseekers.csv", 1, "person_id"), (error.Severity, error.File, error.Line, error.Column));
    }

    [Fact]
    public void D_numbers_are_accepted_as_fnr()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.Fnr);
        batch.Append("persons.csv", "54838512383,1985-03-14,2");
        batch.Append("followups.csv", "54838512383,2023-05-05");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(CaptureFixture.Pseudonyms.Of("54838512383"), result.Value!.Followups[^1].PersonKey);
    }

    private static void AssertFinding(IReadOnlyList<Finding> findings, string file, int line, string saying) =>
        Assert.Contains(findings, f => f.File == file && f.Line == line && f.Column == "fnr"
            && f.Message.Contains(saying, StringComparison.Ordinal));

    [GeneratedRegex("[0-9]{11}")]
    private static partial Regex ElevenDigits();
}
