using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>The office's follow-up of conditions: codes among recipients 18–29 and all, exemption grounds, sanction kinds.</summary>
public sealed class ConditionFollowUpTests
{
    private static readonly OfficeRegister Office = new([new Office("0106", "NAV Fredrikstad og Moss", [UnitCode.Parse("3107"), UnitCode.Parse("3103")])]);

    private static long? Count(Computed r, string month, FollowUpGroup group, string code, string unit = "3107")
    {
        var line = ConditionFollowUp.Lines.Single(l => l.Group == group && l.Code.Code == code);
        var counts = r.Results.FollowUp(UnitCode.Parse(unit), TestBatch.M(month));
        return counts.IsEmpty ? throw new InvalidOperationException($"{unit} har ingen oppfølging") : counts[line.Slot];
    }

    [Fact]
    public void Each_code_counts_the_persons_whose_condition_has_it_among_recipients_18_to_29_and_among_all()
    {
        var r = new TestBatch()
            .Person("a", "2000-01-01").PaidIn("a", "2024-03").Condition("a", "2024-03-01", "2024-03-31", "16|10")
            .Person("b", "1999-01-01").PaidIn("b", "2024-03").Condition("b", "2024-02-01", "2024-04-30", "10")
            .Condition("b", "2024-03-15", "2024-03-20", "10")
            .Person("c", "1980-01-01").PaidIn("c", "2024-03").Condition("c", "2024-03-01", "2024-03-31", "08")
            .Person("d", "2001-01-01").Condition("d", "2024-03-01", "2024-03-31", "08")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, Count(r, "2024-03", FollowUpGroup.ConditionsAged18To29, "16"));
        Assert.Equal(2, Count(r, "2024-03", FollowUpGroup.ConditionsAged18To29, "10"));
        // "c" is 44 and "d" is no recipient in March.
        Assert.Equal(0, Count(r, "2024-03", FollowUpGroup.ConditionsAged18To29, "08"));
        Assert.Equal(1, Count(r, "2024-03", FollowUpGroup.ConditionsAll, "08"));
        Assert.Equal(2, Count(r, "2024-03", FollowUpGroup.ConditionsAll, "10"));
        Assert.Equal(0, Count(r, "2024-03", FollowUpGroup.ConditionsAll, "20"));
    }

    [Fact]
    public void Grounds_are_counted_among_V103_and_sanction_kinds_as_V104()
    {
        var r = new TestBatch()
            .Person("a", "2000-01-01").PaidIn("a", "2024-03").Exemption("a", "2024-01-10", "03|04")
            .Person("b", "2000-01-01").PaidIn("b", "2024-03").Exemption("b", "2024-02-10", "03").Condition("b", "2024-03-01", "2024-03-31", "16")
            .Person("c", "1970-01-01").Sanction("c", "2024-03-05", "02").Sanction("c", "2024-03-06", "02")
            .Compute("2024-03", "2024-03");

        Assert.Equal(1, r.Count("V.103", "2024-03"));
        Assert.Equal(1, Count(r, "2024-03", FollowUpGroup.ExemptionGrounds, "03"));
        Assert.Equal(1, Count(r, "2024-03", FollowUpGroup.ExemptionGrounds, "04"));
        Assert.Equal(0, Count(r, "2024-03", FollowUpGroup.ExemptionGrounds, "01"));
        Assert.Equal(1, Count(r, "2024-03", FollowUpGroup.SanctionKinds, "02"));
        Assert.Equal(0, Count(r, "2024-03", FollowUpGroup.SanctionKinds, "01"));
    }

    [Fact]
    public void Counts_are_not_captured_where_their_V_indicator_is_not_and_an_office_sums_its_units()
    {
        var fredrikstad = new TestBatch(unit: "3107").Person("a", "2000-01-01").PaidIn("a", "2024-03").Condition("a", "2024-03-01", "2024-03-31", "06");
        var moss = new TestBatch(unit: "3103", parts: CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Conditions)
            .Person("b", "2002-01-01").PaidIn("b", "2024-03").Condition("b", "2024-03-01", "2024-03-31", "06");

        var r = TestBatch.Compute([fredrikstad, moss], "2024-03", "2024-03", offices: Office);

        Assert.Equal(2, Count(r, "2024-03", FollowUpGroup.ConditionsAged18To29, "06", "NAV-0106"));
        Assert.Null(Count(r, "2024-03", FollowUpGroup.ExemptionGrounds, "01", "3103"));
        Assert.Equal(0, Count(r, "2024-03", FollowUpGroup.ExemptionGrounds, "01", "NAV-0106"));
        Assert.True(r.Results.FollowUp(UnitCode.Parse("31"), TestBatch.M("2024-03")).IsEmpty);
    }
}
