using Malekort.DataQuality;

namespace Malekort.Import.Capture;

/// <summary>Each rule of capture format v1, broken once in an otherwise valid batch.</summary>
public sealed class CaptureRuleTests
{
    private static Finding SingleErrorAfter(Action<BatchFolder> change)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        change(batch);
        return CaptureFixture.SingleError(CaptureFixture.Read(batch.Path));
    }

    private static void Replace(BatchFolder batch, string file, string from, string to) =>
        batch.Edit(file, text => text.Contains(from, StringComparison.Ordinal)
            ? text.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"{from} står ikke i {file}"));

    [Fact]
    public void Missing_required_column_is_an_error_on_the_header()
    {
        var error = SingleErrorAfter(b => b.Write("persons.csv", "person_id,sex\nP001,2\nP002,1\nP003,\nP004,1\n"));

        Assert.Equal((Severity.Error, "persons.csv", 1, "birth_date"), (error.Severity, error.File, error.Line, error.Column));
        Assert.Contains("mangler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_benefit_type_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "U2,P001,HUSL", "U2,P001,STROM"));

        Assert.Equal(("payments.csv", 3, "benefit_type"), (error.File, error.Line, error.Column));
        Assert.Equal("benefit_type STROM finnes ikke i benefit_types.csv; hver kode må stå i kodelisten.", error.Message);
    }

    [Fact]
    public void Unknown_case_type_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "cases.csv", "S2,P002,OKSOS", "S2,P002,NØDHJ"));

        Assert.Equal(("cases.csv", 3, "case_type"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Impossible_date_is_an_error_that_shows_the_date()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "UTBETALT,2023-02-01,,,S1", "UTBETALT,2024-02-30,,,S1"));

        Assert.Equal(("payments.csv", 3, "payment_date"), (error.File, error.Line, error.Column));
        Assert.Equal("payment_date 2024-02-30 er ikke en gyldig dato (ÅÅÅÅ-MM-DD).", error.Message);
    }

    [Theory]
    [InlineData("14.03.1985")]
    [InlineData("1985-3-14")]
    [InlineData("1985-03-14T00:00")]
    [InlineData("1985-13-01")]
    public void Dates_must_be_real_and_written_yyyy_mm_dd(string date)
    {
        var error = SingleErrorAfter(b => Replace(b, "persons.csv", "1985-03-14", date));

        Assert.Equal(("persons.csv", 2, "birth_date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Duplicate_payment_id_is_an_error_that_names_the_first_line()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "U4,", "U2,"));

        Assert.Equal(("payments.csv", 5, "payment_id"), (error.File, error.Line, error.Column));
        Assert.Contains("linje 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_case_id_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "cases.csv", "S3,", "S1,"));

        Assert.Equal(("cases.csv", 4, "case_id"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Duplicate_person_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Append("persons.csv", "P002,1990-11-02,1"));

        Assert.Equal(("persons.csv", 6, "person_id"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Duplicate_code_in_a_code_list_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Append("benefit_types.csv", "HUSL,Husleie igjen,ANNET"));

        Assert.Equal(("benefit_types.csv", 6, "code"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Payment_dated_outside_the_batch_period_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "UTBETALT,2023-09-15", "UTBETALT,2024-04-01"));

        Assert.Equal(("payments.csv", 5, "payment_date"), (error.File, error.Line, error.Column));
        Assert.Equal("payment_date 2024-04-01 er utenfor batchens periode 2023-01-01–2024-03-31 (period_from–period_to i batch.json).",
            error.Message);
    }

    [Fact]
    public void Payment_without_payment_date_is_dated_by_its_period_from()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "PLANLAGT,,2024-03-01,2024-03-31", "PLANLAGT,,2024-04-01,2024-04-30"));

        Assert.Equal(("payments.csv", 4, "period_from"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Payment_period_may_run_past_the_batch_period()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        Replace(batch, "payments.csv", "PLANLAGT,,2024-03-01,2024-03-31", "PLANLAGT,,2024-03-15,2024-04-14");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
    }

    [Fact]
    public void Payment_with_neither_payment_date_nor_period_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "PLANLAGT,,2024-03-01,2024-03-31", "PLANLAGT,,,"));

        Assert.Equal(("payments.csv", 4, "payment_date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Period_from_without_period_to_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "2023-02-01,2023-02-28,S1", "2023-02-01,,S1"));

        Assert.Equal(("payments.csv", 2, "period_to"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Period_to_before_period_from_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "2023-02-01,2023-02-28,S1", "2023-02-28,2023-02-01,S1"));

        Assert.Equal(("payments.csv", 2, "period_to"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Paid_payment_without_payment_date_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "UTBETALT,2023-09-15", "UTBETALT,"));

        Assert.Equal(("payments.csv", 5, "payment_date"), (error.File, error.Line, error.Column));
        Assert.Contains("UTBETALT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100.00")]
    public void Amount_must_be_above_zero(string amount)
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "7250.00", amount));

        Assert.Equal(("payments.csv", 2, "amount"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("7250,00")]
    [InlineData("7 250")]
    [InlineData("1e3")]
    public void Amount_uses_a_point_as_decimal_mark_and_nothing_else(string amount)
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "7250.00", $"\"{amount}\""));

        Assert.Equal(("payments.csv", 2, "amount"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Unknown_status_is_an_error_that_lists_the_known_ones()
    {
        var error = SingleErrorAfter(b => Replace(b, "payments.csv", "ANNULLERT", "utbetalt"));

        Assert.Equal("status utbetalt er ikke en kjent verdi; forventet UTBETALT, PLANLAGT, STOPPET eller ANNULLERT.", error.Message);
    }

    [Fact]
    public void Reference_to_an_unknown_person_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "followups.csv", "P002,2023-09-05", "P099,2023-09-05"));

        Assert.Equal(("followups.csv", 3, "person_id"), (error.File, error.Line, error.Column));
        Assert.Contains("P099 finnes ikke i persons.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_using_fnr_in_a_batch_of_person_ids_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Write("followups.csv", "fnr,date\n02919023441,2023-04-12\n"));

        Assert.Equal(("followups.csv", 1, "fnr"), (error.File, error.Line, error.Column));
        Assert.Contains("samme slags person-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Persons_file_with_both_person_id_and_fnr_is_an_error()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        batch.Write("persons.csv", "person_id,fnr,birth_date\nP001,14838512470,1985-03-14\n");

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f is { File: "persons.csv", Line: 1, Column: "fnr", Severity: Severity.Error });
    }

    [Fact]
    public void Person_id_longer_than_64_characters_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Append("persons.csv", new string('x', 65) + ",1990-01-01,"));

        Assert.Equal(("persons.csv", 6, "person_id"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Batch_without_persons_file_but_with_references_to_persons_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Delete("persons.csv"));

        Assert.Equal("persons.csv", error.File);
        Assert.Contains("payments.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_without_benefit_types_file_is_an_error()
    {
        var error = SingleErrorAfter(b => b.Delete("benefit_types.csv"));

        Assert.Equal("benefit_types.csv", error.File);
    }

    [Fact]
    public void Child_without_birth_date_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "family.csv", "BARN,2015-04-10", "BARN,"));

        Assert.Equal(("family.csv", 2, "member_birth_date"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("101")]
    [InlineData("50.5")]
    public void Calculation_percent_is_a_whole_number_from_0_to_100(string percent)
    {
        var error = SingleErrorAfter(b => Replace(b, "family.csv", ",100,", $",{percent},"));

        Assert.Equal(("family.csv", 2, "calculation_percent"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Booleans_are_true_or_false()
    {
        var error = SingleErrorAfter(b => Replace(b, "family.csv", "100,true,true", "100,ja,true"));

        Assert.Equal(("family.csv", 2, "provider_duty"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Unknown_relation_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "family.csv", "SAMBOER", "KJÆRESTE"));

        Assert.Equal(("family.csv", 3, "relation"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    public void Livelihood_source_is_a_code_from_1_to_9(string source)
    {
        var error = SingleErrorAfter(b => Replace(b, "livelihood.csv", "P002,2023-01-01,5", $"P002,2023-01-01,{source}"));

        Assert.Equal(("livelihood.csv", 4, "source"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Two_livelihood_rows_for_the_same_person_and_day_are_an_error()
    {
        var error = SingleErrorAfter(b => b.Append("livelihood.csv", "P001,2023-08-01,3"));

        Assert.Equal(("livelihood.csv", 5, "valid_from"), (error.File, error.Line, error.Column));
        Assert.Contains("linje 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kvp_status_is_a_code_from_1_to_7()
    {
        var error = SingleErrorAfter(b => Replace(b, "kvp.csv", "2024-02-29,3,", "2024-02-29,8,"));

        Assert.Equal(("kvp.csv", 2, "status"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Every_situation_after_code_must_be_a_known_avsl_code()
    {
        var error = SingleErrorAfter(b => Replace(b, "kvp.csv", "01|04", "01|99"));

        Assert.Equal(("kvp.csv", 2, "situation_after"), (error.File, error.Line, error.Column));
        Assert.StartsWith("situation_after 99 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kvp_dates_must_follow_each_other()
    {
        var error = SingleErrorAfter(b => Replace(b, "kvp.csv", "2023-08-01,2024-02-29", "2023-08-01,2023-07-31"));

        Assert.Equal(("kvp.csv", 2, "end_date"), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("conditions.csv", "P003,2023-03-01,2023-03-01,2023-05-31,16|08", "P003,2023-03-01,2023-03-01,2023-05-31,16|99", 2, "codes")]
    [InlineData("conditions.csv", "P003,2023-03-01,2023-03-01,2023-05-31,16|08", "P003,2023-03-01,2023-03-01,2023-05-31,16|", 2, "codes")]
    [InlineData("conditions.csv", "P003,2023-03-01,2023-03-01,2023-05-31,16|08", "P003,2023-03-01,2023-03-01,2023-05-31,", 2, "codes")]
    [InlineData("conditions.csv", "P003,2023-03-01,2023-03-01,2023-05-31,16|08", "P003,2022-12-31,2023-03-01,2023-05-31,16|08", 2, "decided_date")]
    [InlineData("conditions.csv", "P003,2023-03-01,2023-03-01,2023-05-31,16|08", "P003,2023-03-01,2023-03-01,2023-02-28,16|08", 2, "valid_to")]
    [InlineData("conditions.csv", "P002,2024-02-15,2024-03-01,2024-06-30,10", "P002,2024-02-15,2024-03-01,,10", 3, "valid_to")]
    [InlineData("conditions.csv", "P002,2024-02-15,", "P009,2024-02-15,", 3, "person_id")]
    [InlineData("activity_exemptions.csv", "P003,2023-07-01,03|04", "P003,2023-07-01,05", 2, "grounds")]
    [InlineData("activity_exemptions.csv", "P003,2023-07-01,03|04", "P003,2024-04-01,03|04", 2, "decided_date")]
    [InlineData("activity_exemptions.csv", "P003,2023-07-01,03|04", "P003,,03|04", 2, "decided_date")]
    [InlineData("sanctions.csv", "P003,2023-04-20,01", "P003,2023-04-20,03", 2, "kind")]
    [InlineData("sanctions.csv", "P003,2023-04-20,01", "P003,2023-04-20,1", 2, "kind")]
    [InlineData("sanctions.csv", "P003,2023-04-20,01", "P003,2024-04-01,01", 2, "date")]
    [InlineData("sanctions.csv", "P003,2023-04-20,01", "P003,2023-02-30,01", 2, "date")]
    public void Conditions_exemptions_and_sanctions_have_known_codes_and_dates_inside_the_period(string file, string row,
        string broken, int line, string column)
    {
        var error = SingleErrorAfter(b => Replace(b, file, row, broken));

        Assert.Equal((file, line, column), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void A_condition_may_apply_past_the_batch_period_and_before_its_decision()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        Replace(batch, "conditions.csv", "P002,2024-02-15,2024-03-01,2024-06-30,10", "P002,2024-02-15,2022-11-01,2025-06-30,10");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        Assert.Equal((new DateOnly(2022, 11, 1), new DateOnly(2025, 6, 30)), (result.Value!.Conditions[1].ValidFrom, result.Value.Conditions[1].ValidTo));
    }

    [Fact]
    public void Conditions_without_persons_file_are_an_error()
    {
        var error = SingleErrorAfter(b =>
        {
            foreach (var file in Directory.GetFiles(b.Path, "*.csv")) b.Delete(Path.GetFileName(file));
            b.Write("sanctions.csv", "person_id,date,kind\nP003,2023-04-20,01\n");
        });

        Assert.Equal(("persons.csv", 0), (error.File, error.Line));
        Assert.Contains("sanctions.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_jobseeker_group_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "jobseekers.csv", "ORDINAER", "ORDINÆR"));

        Assert.Equal(("jobseekers.csv", 2, "group"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Case_type_category_cannot_be_kvalifiseringsstonad()
    {
        var error = SingleErrorAfter(b => Replace(b, "case_types.csv", "veiledning,ANNET", "veiledning,KVALIFISERINGSSTONAD"));

        Assert.Equal(("case_types.csv", 3, "category"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Case_without_any_date_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "cases.csv", "S3,P004,RAAD,,2023-05-02", "S3,P004,RAAD,,"));

        Assert.Equal(("cases.csv", 4, "received_date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Case_approved_before_it_was_received_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "cases.csv", "2023-01-20,2023-01-27", "2023-01-27,2023-01-20"));

        Assert.Equal(("cases.csv", 2, "approved_date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Case_received_before_the_period_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "cases.csv", "2023-01-20,2023-01-27", "2022-12-20,2023-01-27"));

        Assert.Equal(("cases.csv", 2, "received_date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Follow_up_outside_the_period_is_an_error()
    {
        var error = SingleErrorAfter(b => Replace(b, "followups.csv", "2023-04-12", "2022-12-31"));

        Assert.Equal(("followups.csv", 2, "date"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Histories_may_start_before_the_period()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        Replace(batch, "jobseekers.csv", "ANNET,2023-06-01,", "ANNET,2019-06-01,");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
    }

    [Theory]
    [InlineData("\"unit\": \"3107\"", "\"unit\": \"9999\"", "unit")]
    [InlineData("\"unit\": \"3107\"", "\"unit\": \"03\"", "unit")]
    [InlineData("\"unit\": \"3107\"", "\"unit\": 3107", "unit")]
    [InlineData("\"version\": 1", "\"version\": 2", "version")]
    [InlineData("\"format\": \"malekort-capture\"", "\"format\": \"kostra\"", "format")]
    [InlineData("\"period_to\": \"2024-03-31\"", "\"period_to\": \"2022-12-31\"", "period_to")]
    [InlineData("\"period_from\": \"2023-01-01\"", "\"period_from\": \"2023-02-29\"", "period_from")]
    [InlineData("\"extracted_at\": \"2024-04-02T05:00:00Z\"", "\"extracted_at\": \"2024-04-02T05:00:00\"", "extracted_at")]
    [InlineData("\"extracted_at\": \"2024-04-02T05:00:00Z\"", "\"extracted_at\": \"2024-04-02\"", "extracted_at")]
    [InlineData("\"source_system\": \"Testsystem 1.0\",", "", "source_system")]
    public void Batch_json_fields_are_checked(string from, string to, string field)
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        Replace(batch, "batch.json", from, to);

        var result = CaptureFixture.Read(batch.Path);

        Assert.False(result.Accepted);
        Assert.Contains(result.Findings, f => f.Rejects && f.File == "batch.json" && f.Column == field);
    }

    [Fact]
    public void Old_municipality_number_names_its_2024_number()
    {
        var error = SingleErrorAfter(b => Replace(b, "batch.json", "\"3107\"", "\"0106\""));

        Assert.Equal(("batch.json", 5, "unit"), (error.File, error.Line, error.Column));
        Assert.Contains("3107", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_in_batch_json_is_a_warning()
    {
        using var batch = BatchFolder.Copy(CaptureFixture.PersonIds);
        Replace(batch, "batch.json", "\"version\": 1,", "\"version\": 1,\n  \"contact\": {\"name\": \"Kari\"},");

        var result = CaptureFixture.Read(batch.Path);

        Assert.True(result.Accepted, CaptureFixture.Describe(result));
        var warning = Assert.Single(result.Findings);
        Assert.Equal((Severity.Warning, "batch.json", 4, "contact"), (warning.Severity, warning.File, warning.Line, warning.Column));
    }
}
