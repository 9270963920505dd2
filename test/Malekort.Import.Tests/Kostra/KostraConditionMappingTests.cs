using Malekort.Capture;
using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>
/// Skjema 11F's condition, exemption and sanction fields as the records capture format v1 gives (docs/formats/kostra.md
/// "Mapping"): a condition valid UTBETDATO–UTBETTOMDATO, the first exemption with its grounds, sanctions known by year only.
/// </summary>
public sealed class KostraConditionMappingTests
{
    private static readonly string Key = KostraFixture.Pseudonyms.Of(KostraRecordBuilder.Synthetic(new DateOnly(1966, 9, 19)));

    private static CaptureBatch Read(string edits, out IReadOnlyList<Finding> findings, int year = 2025)
    {
        var result = KostraFixture.Read(KostraRecordBuilder.Sosialhjelp(year).Apply(edits));
        Assert.True(result.Accepted, KostraFixture.Describe(result));
        findings = result.Findings;
        return result.Value!;
    }

    [Fact]
    public void A_condition_of_the_payment_decision_is_decided_and_valid_from_UTBETDATO_to_UTBETTOMDATO_with_its_ticked_codes()
    {
        var batch = Read("VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=30062025;VILKARKURS=17;VILKARSAMT=08;VILKARHELSE=14", out var findings);

        Assert.Empty(findings);
        var condition = Assert.Single(batch.Conditions);
        Assert.Equal((Key, new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 30), "17|08|14"),
            (condition.PersonKey, condition.DecidedDate, condition.ValidFrom, condition.ValidTo, string.Join('|', condition.Codes)));
    }

    [Fact]
    public void The_2024_layout_with_six_character_dates_gives_the_same_condition()
    {
        var batch = Read("VILKARSOSLOV=1;UTBETDATO=150324;UTBETTOMDATO=300624;VILKARNORSKSAMISKOPPL=20", out _, 2024);

        var condition = Assert.Single(batch.Conditions);
        Assert.Equal((new DateOnly(2024, 3, 15), new DateOnly(2024, 6, 30), "20"),
            (condition.ValidFrom, condition.ValidTo, string.Join('|', condition.Codes)));
    }

    [Theory]
    [InlineData("VILKARSOSLOV=2")]
    [InlineData("VILKARSOSLOV=2;VILKARSAMEKT=1;UTBETDATO=15032025;UTBETTOMDATO=30062025;VILKARKURS=17")]
    public void Without_conditions_under_the_act_the_record_has_no_condition(string edits)
    {
        var batch = Read(edits, out _);

        Assert.Empty(batch.Conditions);
    }

    [Fact]
    public void A_condition_ending_before_its_decision_is_a_warning_and_applies_to_no_day()
    {
        var batch = Read("VILKARSOSLOV=1;UTBETDATO=15032025;UTBETTOMDATO=14032025;VILKARKURS=17", out var findings);

        Assert.Empty(batch.Conditions);
        var warning = Assert.Single(findings);
        Assert.Equal((Severity.Warning, "UTBETTOMDATO", ""), (warning.Severity, warning.Column, warning.Rule));
    }

    [Fact]
    public void The_first_exemption_is_decided_on_VEDTAKDATO_with_its_ticked_grounds()
    {
        var batch = Read("VEDTAKDATO=10022023;VEDTAKAKT=02;VEDTAKGRUNN=04", out var findings);

        Assert.Empty(findings);
        var exemption = Assert.Single(batch.Exemptions);
        Assert.Equal((Key, new DateOnly(2023, 2, 10), "02|04"), (exemption.PersonKey, exemption.DecidedDate, string.Join('|', exemption.Grounds)));
    }

    [Theory]
    [InlineData("VEDTAKARB=01", 0, "VEDTAKDATO")]
    [InlineData("VEDTAKDATO=10022023", 1, "VEDTAKARB")]
    public void Half_an_exemption_is_a_warning(string edits, int exemptions, string column)
    {
        var batch = Read(edits, out var findings);

        Assert.Equal(exemptions, batch.Exemptions.Count);
        var warning = Assert.Single(findings);
        Assert.Equal((Severity.Warning, column), (warning.Severity, warning.Column));
    }

    [Fact]
    public void Sanctions_are_known_by_kind_and_year_but_not_by_day()
    {
        var batch = Read("SANKSJONRED=01;SANKSJONANDRE=02", out var findings);

        Assert.Empty(findings);
        Assert.Equal([new SanctionRecord(Key, 2025, null, "01"), new SanctionRecord(Key, 2025, null, "02")], batch.Sanctions);
    }

    [Fact]
    public void A_KOSTRA_11F_batch_is_the_truth_about_conditions_exemptions_and_sanctions_for_its_year_with_sanctions_by_year()
    {
        var batch = Read("", out _);

        const CaptureDomains conditionParts = CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions
            | CaptureDomains.YearlySanctions;
        Assert.Equal(conditionParts, batch.Header.Domains & conditionParts);
        Assert.Empty(batch.Conditions);
        Assert.Empty(batch.Exemptions);
        Assert.Empty(batch.Sanctions);
    }
}
