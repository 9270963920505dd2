namespace Malekort.Export;

/// <summary>Export cells a spreadsheet opens as text, never as a formula; numbers stay numbers.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("3107", "3107")]
    [InlineData("NAV Fredrikstad", "NAV Fredrikstad")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+47 22 00 00 00", "'+47 22 00 00 00")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("Lån, depositum", "\"Lån, depositum\"")]
    [InlineData("si \"hei\"", "\"si \"\"hei\"\"\"")]
    [InlineData("to\nlinjer", "\"to\nlinjer\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_text_cell_is_quoted_as_RFC_4180_says_and_never_starts_a_formula(string? text, string cell) =>
        Assert.Equal(cell, CsvCells.Text(text));

    [Theory]
    [InlineData(-5L, "-5")]
    [InlineData(0L, "0")]
    [InlineData(1234567L, "1234567")]
    [InlineData(null, "")]
    public void An_integer_cell_is_an_invariant_number_and_empty_when_not_captured(long? value, string cell) =>
        Assert.Equal(cell, CsvCells.Number(value));

    [Theory]
    [InlineData(0.1234567, "0.123457")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(40.0, "40")]
    [InlineData(null, "")]
    public void A_decimal_cell_is_rounded_invariant_and_empty_when_not_computed(double? value, string cell) =>
        Assert.Equal(cell, CsvCells.Number(value, 6));
}
