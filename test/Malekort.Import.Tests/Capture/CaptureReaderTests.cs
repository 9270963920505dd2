using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Units;

namespace Malekort.Import.Capture;

public sealed class CaptureReaderTests
{
    [Fact]
    public void Valid_batch_with_person_ids_is_accepted_with_every_record()
    {
        var result = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds));

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Empty(result.Findings);
        var batch = result.Value!;
        Assert.Equal(4, batch.Persons.Count);
        Assert.Equal(4, batch.BenefitTypes.Count);
        Assert.Equal(5, batch.Payments.Count);
        Assert.Equal(3, batch.Livelihood.Count);
        Assert.Equal(2, batch.Family.Count);
        Assert.Equal(2, batch.CaseTypes.Count);
        Assert.Equal(3, batch.Cases.Count);
        Assert.Equal(2, batch.Kvp.Count);
        Assert.Equal(2, batch.Jobseekers.Count);
        Assert.Equal(2, batch.Followups.Count);
        Assert.Equal(2, batch.Conditions.Count);
        Assert.Single(batch.Exemptions);
        Assert.Single(batch.Sanctions);
    }

    [Fact]
    public void Header_comes_from_batch_json_and_names_every_domain_present()
    {
        var header = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!.Header;

        Assert.Equal("malekort-capture/1", header.Format);
        Assert.Equal("Testsystem 1.0", header.SourceSystem);
        Assert.Equal(UnitCode.Parse("3107"), header.Unit);
        Assert.Equal(new DateOnly(2023, 1, 1), header.PeriodFrom);
        Assert.Equal(new DateOnly(2024, 3, 31), header.PeriodTo);
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 5, 0, 0, TimeSpan.Zero), header.ExtractedAt);
        Assert.Equal(CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood | CaptureDomains.Family
            | CaptureDomains.Cases | CaptureDomains.Kvp | CaptureDomains.Jobseekers | CaptureDomains.Followups | CaptureDomains.Conditions
            | CaptureDomains.Exemptions | CaptureDomains.Sanctions, header.Domains);
    }

    [Fact]
    public void Domains_name_only_the_files_present()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        foreach (var file in new[]
                 {
                     "payments.csv", "benefit_types.csv", "kvp.csv", "jobseekers.csv", "followups.csv", "conditions.csv",
                     "activity_exemptions.csv", "sanctions.csv",
                 })
            batch.Delete(file);

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(CaptureDomains.Persons | CaptureDomains.Livelihood | CaptureDomains.Family | CaptureDomains.Cases,
            result.Value!.Header.Domains);
        Assert.Empty(result.Value.Payments);
    }

    [Fact]
    public void Conditions_exemptions_and_sanctions_carry_their_codes_and_dates()
    {
        var batch = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!;

        var condition = batch.Conditions[0];
        Assert.Equal(("P003", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 1), new DateOnly(2023, 5, 31), "16|08"),
            (condition.PersonKey, condition.DecidedDate, condition.ValidFrom, condition.ValidTo, string.Join('|', condition.Codes)));
        Assert.Equal(["10"], batch.Conditions[1].Codes);
        var exemption = batch.Exemptions[0];
        Assert.Equal(("P003", new DateOnly(2023, 7, 1), "03|04"), (exemption.PersonKey, exemption.DecidedDate, string.Join('|', exemption.Grounds)));
        Assert.Equal(new SanctionRecord("P003", 2023, new DateOnly(2023, 4, 20), "01"), batch.Sanctions[0]);
    }

    [Fact]
    public void A_batch_without_condition_files_says_nothing_about_conditions_and_one_with_empty_files_says_there_are_none()
    {
        using var without = BatchFolder.Copy(CaptureFixture.PersonIds);
        using var empty = BatchFolder.Copy(CaptureFixture.PersonIds);
        foreach (var file in new[] { "conditions.csv", "activity_exemptions.csv", "sanctions.csv" })
        {
            without.Delete(file);
            empty.Edit(file, text => text[..(text.IndexOf('\n', StringComparison.Ordinal) + 1)]);
        }
        const CaptureDomains conditionParts = CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions;

        var read = (Without: CaptureFixture.Read(without.Path).Value!, Empty: CaptureFixture.Read(empty.Path).Value!);

        Assert.Equal(CaptureDomains.None, read.Without.Header.Domains & conditionParts);
        Assert.Equal(conditionParts, read.Empty.Header.Domains & conditionParts);
        Assert.Empty(read.Empty.Conditions);
        Assert.Empty(read.Empty.Sanctions);
        Assert.Equal(read.Without.Payments, read.Empty.Payments);
    }

    [Fact]
    public void Records_carry_the_values_of_their_rows()
    {
        var batch = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!;

        Assert.Equal(new PersonRecord("P001", new DateOnly(1985, 3, 14), Sex.Woman), batch.Persons[0]);
        Assert.Null(batch.Persons[2].Sex);
        Assert.Equal(new PaymentRecord("U1", "P001", "LIVOPP", BenefitCategory.OkonomiskSosialhjelp, 7250.00m, PaymentStatus.Utbetalt,
            new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28), "S1"), batch.Payments[0]);
        Assert.Equal(new PaymentRecord("U3", "P002", "LIVOPP", BenefitCategory.OkonomiskSosialhjelp, 6100m, PaymentStatus.Planlagt,
            null, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), "S2"), batch.Payments[2]);
        Assert.Null(batch.Payments[3].CaseId);
        Assert.Equal(new LivelihoodRecord("P001", new DateOnly(2023, 8, 1), null, 1), batch.Livelihood[1]);
        Assert.Equal(new FamilyRecord("P001", "M001", FamilyRelation.Barn, new DateOnly(2015, 4, 10), 100, true, true,
            new DateOnly(2015, 4, 10), null), batch.Family[0]);
        Assert.Equal(new FamilyRecord("P001", "M002", FamilyRelation.Samboer, null, null, false, true,
            new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31)), batch.Family[1]);
        Assert.Equal(new CaseRecord("S3", "P004", "RAAD", BenefitCategory.Annet, null, new DateOnly(2023, 5, 2)), batch.Cases[2]);
        var kvp = batch.Kvp[0];
        Assert.Equal(("P003", new DateOnly(2023, 6, 1), new DateOnly(2023, 7, 15), new DateOnly(2023, 8, 1), new DateOnly(2024, 2, 29), 3),
            (kvp.PersonKey, kvp.RegisteredDate, kvp.DecisionDate, kvp.StartDate, kvp.EndDate, kvp.Status));
        Assert.Equal(["01", "04"], kvp.SituationAfter);
        Assert.Empty(batch.Kvp[1].SituationAfter);
        Assert.Equal(new JobseekerRecord("P004", JobseekerGroup.Annet, new DateOnly(2023, 6, 1), null), batch.Jobseekers[1]);
        Assert.Equal(new FollowupRecord("P002", new DateOnly(2023, 9, 5)), batch.Followups[1]);
    }

    [Fact]
    public void Categories_are_resolved_from_the_code_lists()
    {
        var batch = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!;

        Assert.Equal(
            [BenefitCategory.OkonomiskSosialhjelp, BenefitCategory.OkonomiskSosialhjelp, BenefitCategory.OkonomiskSosialhjelp,
             BenefitCategory.Kvalifiseringsstonad, BenefitCategory.Annet],
            batch.Payments.Select(p => p.Category));
        Assert.Equal([BenefitCategory.OkonomiskSosialhjelp, BenefitCategory.OkonomiskSosialhjelp, BenefitCategory.Annet],
            batch.Cases.Select(c => c.Category));
    }

    [Fact]
    public void Zip_reads_the_same_as_the_folder_with_the_same_hash()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var folder = CaptureFixture.Read(batch.Path);

        foreach (var zip in new[] { batch.Zip(inTopFolder: false), batch.Zip(inTopFolder: true) })
        {
            var zipped = CaptureFixture.Read(zip);
            Assert.True(zipped.Accepted, CaptureFixture.Describe(zipped));
            Assert.Equal(folder.Value!.ContentHash, zipped.Value!.ContentHash);
            Assert.Equal(folder.Value.Header, zipped.Value.Header);
            Assert.Equal(folder.Value.Persons, zipped.Value.Persons);
            Assert.Equal(folder.Value.Payments, zipped.Value.Payments);
            Assert.Equal(folder.Value.Family, zipped.Value.Family);
            Assert.Equal(folder.Value.Cases, zipped.Value.Cases);
            Assert.Equal(folder.Value.Followups, zipped.Value.Followups);
        }
    }

    [Fact]
    public void Content_hash_changes_with_one_byte_of_content()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var before = CaptureFixture.Read(batch.Path).Value!.ContentHash;

        batch.Edit("payments.csv", text => text.Replace("7250.00", "7250.01", StringComparison.Ordinal));
        var after = CaptureFixture.Read(batch.Path).Value!.ContentHash;

        Assert.Matches("^[0-9a-f]{64}$", before);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Byte_order_mark_is_accepted()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        foreach (var file in new[] { "persons.csv", "payments.csv", "batch.json" })
            batch.WriteBytes(file, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(batch.Read(file))]);

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal("P001", result.Value!.Persons[0].PersonKey);
        Assert.Equal(5, result.Value.Payments.Count);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Append("case_types.csv", "\"SPES\",\"Spesiell sak, \"\"akutt\"\"\nmed to linjer\",ANNET");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal("Lån, depositum", result.Value!.BenefitTypes[3].Name);
        Assert.Equal(new CodeListEntry("SPES", "Spesiell sak, \"akutt\"\nmed to linjer", BenefitCategory.Annet), result.Value.CaseTypes[2]);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_after_a_field_with_a_line_break()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Append("case_types.csv", "SPES,\"To\nlinjer\",ANNET");
        batch.Append("case_types.csv", "FEIL,Feil,UKJENT");

        var error = CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));

        Assert.Equal(("case_types.csv", 6, "category"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("payments.csv", """
            case_id,period_to,period_from,payment_date,status,amount,benefit_type,person_id,payment_id
            S1,2023-02-28,2023-02-01,2023-02-01,UTBETALT,7250.00,LIVOPP,P001,U1
            """ + "\n");
        var inOrder = CaptureFixture.Read(BatchFolder.Fixture(CaptureFixture.PersonIds)).Value!.Payments[0];

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(inOrder, Assert.Single(result.Value!.Payments));
    }

    [Fact]
    public void Unknown_column_gives_a_warning_and_the_batch_is_accepted()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("persons.csv", text => text
            .Replace("person_id,birth_date,sex", "person_id,birth_date,sex,kommentar", StringComparison.Ordinal)
            .Replace("1985-03-14,2", "1985-03-14,2,hei", StringComparison.Ordinal)
            .Replace("1990-11-02,1", "1990-11-02,1,", StringComparison.Ordinal)
            .Replace("2001-06-30,", "2001-06-30,,", StringComparison.Ordinal)
            .Replace("1978-01-20,1", "1978-01-20,1,", StringComparison.Ordinal));

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var warning = Assert.Single(result.Findings);
        Assert.Equal((Severity.Warning, "persons.csv", 1, "kommentar"), (warning.Severity, warning.File, warning.Line, warning.Column));
        Assert.Equal(4, result.Value!.Persons.Count);
    }

    [Fact]
    public void Unknown_file_gives_a_warning_and_the_batch_is_accepted()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("notater.txt", "Ikke en del av formatet.\n");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var warning = Assert.Single(result.Findings);
        Assert.Equal((Severity.Warning, "notater.txt"), (warning.Severity, warning.File));
    }

    [Fact]
    public void Batch_with_only_batch_json_is_accepted_and_captures_nothing()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        foreach (var file in Directory.GetFiles(batch.Path, "*.csv")) File.Delete(file);

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(CaptureDomains.None, result.Value!.Header.Domains);
    }

    [Fact]
    public void Oslo_district_is_a_capture_unit()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", text => text.Replace("\"3107\"", "\"030101\"", StringComparison.Ordinal));

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(UnitKind.District, result.Value!.Header.Unit.Kind);
    }

    [Theory]
    [InlineData("2024-04-02T07:00:00+02:00", 5)]
    [InlineData("2024-04-02T05:00:00.123Z", 5)]
    [InlineData("2024-04-02T05:00Z", 5)]
    public void Extraction_time_may_use_an_offset_or_fractions(string text, int utcHour)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Edit("batch.json", json => json.Replace("2024-04-02T05:00:00Z", text, StringComparison.Ordinal));

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(utcHour, result.Value!.Header.ExtractedAt.UtcDateTime.Hour);
    }

    [Fact]
    public void Crlf_line_ends_and_blank_lines_are_accepted()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        var withCrlf = batch.Read("persons.csv").Replace("\n", "\r\n\r\n", StringComparison.Ordinal);
        batch.WriteBytes("persons.csv", Encoding.UTF8.GetBytes(withCrlf));

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal(4, result.Value!.Persons.Count);
    }
}
