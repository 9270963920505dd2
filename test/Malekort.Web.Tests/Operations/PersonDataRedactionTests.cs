using Malekort.Import.Pseudonyms;

namespace Malekort.Web.Operations;

public sealed class PersonDataRedactionTests
{
    [Theory]
    [InlineData("fnr 15829012345 avvist", "fnr *********** avvist")]
    [InlineData("fnr 158290 12345 avvist", "fnr ************ avvist")]
    [InlineData("fnr 158290-12345.", "fnr ************.")]
    [InlineData("id=158290123456789", "id=***************")]
    [InlineData("person p0123456789abcdef0123456789abcdef i 3107", "person p******************************** i 3107")]
    [InlineData("person p01234567890123456789012345678901 i 3107", "person p******************************** i 3107")]
    public void Numbers_of_eleven_digits_or_more_and_pseudonyms_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonDataRedaction.Redact(text));

    [Theory]
    [InlineData("Målekortet er beregnet for dataversjon 1234567890 på 153 ms.")]
    [InlineData("Innlesing av kostra-11f ferdig")]
    [InlineData("3107 2024-01–2024-06: 1 523 rader, hash 9f86d081884c7d659a2feaa0c55ad015")]
    [InlineData("Innlesing 3107-2024-01-01_2024-06-30 (malekort-capture/1)")]
    public void Text_without_person_data_is_left_as_it_is(string text) =>
        Assert.Equal(text, PersonDataRedaction.Redact(text));

    [Fact]
    public void Ten_digits_are_masked_only_when_they_are_a_fodselsnummer_without_its_leading_zero()
    {
        var fnr = Fodselsnummer.Create(new DateOnly(1994, 2, 3), 123, synthetic: true);
        var asNumber = fnr[1..];

        Assert.StartsWith("0", fnr, StringComparison.Ordinal);
        Assert.Equal("fnr ********** avvist", PersonDataRedaction.Redact($"fnr {asNumber} avvist"));
        Assert.Equal("tid 1732550400 s", PersonDataRedaction.Redact("tid 1732550400 s"));
    }

    [Fact]
    public void Numbers_keep_their_type_unless_they_could_be_a_fodselsnummer()
    {
        Assert.Equal(1523, PersonDataRedaction.RedactValue(1523));
        Assert.Equal(PersonDataRedaction.NumberMask, PersonDataRedaction.RedactValue(15829012345L));
        Assert.Equal("3107: ***********", PersonDataRedaction.RedactValue(new[] { "3107: 15829012345" }));
    }
}
