using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.ManualValues;

/// <summary>Numbers typed by a person are checked field by field with a Norwegian message saying what is wrong (issue 11 item 4).</summary>
public sealed class ManualInputTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static (ManualValue? Value, IReadOnlyList<(string Field, string Message)> Errors) Check(string indicator, string? numerator, string? denominator) =>
        ManualInput.Check(IndicatorCatalog.Get(indicator), UnitCode.Parse("3110"), new Month(2024, 12), numerator, denominator, "kari", Now);

    public static TheoryData<string, string?, string?, long, long?> Accepted => new()
    {
        { "BL151", "12", null, 12, null },
        { "BL151", "1 234", "ignored for a count", 1234, null },
        { "BL151", "0", null, 0, null },
        { "B.104", "3", "12", 3, 12 },
        { "B.104", "0", "0", 0, 0 },
        { "PL151", "45", "3", 45, 3 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Whole_numbers_that_fit_the_indicator_are_taken_as_typed(string indicator, string? numerator, string? denominator, long n, long? d)
    {
        var (value, errors) = Check(indicator, numerator, denominator);

        Assert.Empty(errors);
        Assert.Equal((n, d, "kari", Now), (value!.Numerator, value.Denominator, value.EnteredBy, value.EnteredAt));
    }

    public static TheoryData<string, string?, string?, string, string> Refused => new()
    {
        { "BL151", "", null, "teller", "Skriv antallet." },
        { "BL151", "mange", null, "teller", "Antallet må være et helt tall, for eksempel 12 eller 1 234 (ikke «mange»)." },
        { "BL151", "2,5", null, "teller", "Antallet må være et helt tall, for eksempel 12 eller 1 234 (ikke «2,5»)." },
        { "BL151", "-3", null, "teller", "Antallet kan ikke være under 0." },
        { "B.104", "3", "", "nevner", "Skriv nevneren." },
        { "B.104", "13", "12", "teller", "Telleren (13) kan ikke være større enn nevneren (12) for en andel." },
        { "PL151", "45", "0", "nevner", "Nevneren kan bare være 0 når telleren også er 0." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Numbers_that_cannot_be_used_are_named_by_field_and_nothing_is_made(string indicator, string? numerator, string? denominator,
        string field, string message)
    {
        var (value, errors) = Check(indicator, numerator, denominator);

        Assert.Null(value);
        Assert.Equal((field, message), Assert.Single(errors));
    }
}
