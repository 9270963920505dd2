using Malekort.Units;

namespace Malekort.Choices;

/// <summary>A unit's choice of indicators as typed on the form: shown ones by place, ties in the form's order, headings starting groups (issue 11 item 5).</summary>
public sealed class ChoiceInputTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly DateTimeOffset Now = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static (IndicatorChoice? Choice, IReadOnlyList<(string Field, string Message)> Errors) Check(params ChoiceInput.Row[] rows) =>
        ChoiceInput.Check(Fredrikstad, rows, "kari", Now);

    [Fact]
    public void Shown_indicators_are_ordered_by_place_with_ties_in_the_forms_order_and_headings_start_groups()
    {
        var (choice, errors) = Check(
            new("BL151", true, "2", null),
            new("BL152", false, "1", "Ikke vist"),
            new("B51", true, "1", " KVP "),
            new("B.101", true, "2", "Andeler"),
            new("B.102", true, "", null));

        Assert.Empty(errors);
        Assert.Equal([new("B51", "KVP"), new("BL151", null), new("B.101", "Andeler"), new("B.102", null)], choice!.Indicators);
        Assert.Equal([("KVP", ["B51", "BL151"]), ("Andeler", ["B.101", "B.102"])],
            choice.Groups().Select(g => (g.Heading, g.Definitions.Select(d => d.Code).ToArray())));
    }

    [Fact]
    public void A_choice_places_an_own_indicator_the_caller_knows_and_leaves_out_one_it_does_not()
    {
        var own = Indicators.OwnIndicators.Compile([new Indicators.OwnIndicator("EGEN.UNGE", "Unge", "", Indicators.Direction.LowerIsBetter, "prosent",
            "BL153 / BL151 * 100", Fredrikstad, [], "kari", Now)]).Single();
        var known = new Dictionary<string, Indicators.IndicatorDefinition>(StringComparer.Ordinal) { ["EGEN.UNGE"] = own, ["B51"] = Indicators.IndicatorCatalog.Get("B51") };
        var (choice, errors) = ChoiceInput.Check(Fredrikstad,
            [new("B51", true, "2", null), new("EGEN.UNGE", true, "1", "Egne"), new("EGEN.ANNEN", true, "3", null)], "kari", Now, known.GetValueOrDefault);

        Assert.Empty(errors);
        Assert.Equal([new("EGEN.UNGE", "Egne"), new("B51", null)], choice!.Indicators);
        Assert.Equal([("Egne", ["EGEN.UNGE", "B51"])], choice.Groups(known.GetValueOrDefault).Select(g => (g.Heading, g.Definitions.Select(d => d.Code).ToArray())));
        Assert.Equal(["B51"], choice.Groups().SelectMany(g => g.Definitions).Select(d => d.Code));
    }

    public static TheoryData<ChoiceInput.Row[], string, string> Refused => new()
    {
        { [new("BL151", false, "1", null), new("B51", false, null, null)], "vis-BL151", "Velg minst én indikator, eller bruk hele det nasjonale settet." },
        { [new("BL151", true, "først", null)], "plass-BL151", "Plassen til BL151 må være et helt tall fra 1 til 999 (ikke «først»)." },
        { [new("B.101", true, "0", null)], "plass-B-101", "Plassen til B.101 må være et helt tall fra 1 til 999 (ikke «0»)." },
        { [new("B51", true, "1", new string('x', 81))], "overskrift-B51", "Overskriften før B51 kan ha høyst 80 tegn (den har 81)." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_choice_that_cannot_be_used_is_named_by_field(ChoiceInput.Row[] rows, string field, string message)
    {
        var (choice, errors) = Check(rows);

        Assert.Null(choice);
        Assert.Equal((field, message), Assert.Single(errors));
    }
}
