using System.Text;
using Malekort.Periods;

namespace Malekort.Import.Aggregates;

/// <summary>
/// A KOSTRA table's empty cell (SSB's <c>..</c>, <c>:</c> or <c>.</c>, a JSON null) is not captured, and a 0 is captured as 0:
/// zero is a value, "not computed" is not zero (issue 15 item 5). A table with nothing but empty cells is rejected, not taken
/// as zeros.
/// </summary>
public sealed class KostraAggregateReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Sarpsborg, Fredrikstad and Hvaler for December 2024, one contents code, values and statuses as given.</summary>
    private static byte[] Table(string values, string status) => Encoding.UTF8.GetBytes($$"""
        {
          "version": "2.0", "class": "dataset", "label": "12210: Utvalgte nøkkeltall for sosialtjenesten (K)",
          "id": ["Region", "Tid", "ContentsCode"], "size": [3, 1, 1],
          "role": { "geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"] },
          "dimension": {
            "Region": { "category": { "index": { "3105": 0, "3107": 1, "3110": 2 } } },
            "Tid": { "category": { "index": { "2024M12": 0 } } },
            "ContentsCode": { "category": { "index": { "KOSsosialhjelpmott0000": 0 } } }
          },
          "value": {{values}}, "status": {{status}}
        }
        """);

    [Theory]
    [InlineData("[40, null, 0]", """{ "1": ".." }""", "3105=40 3110=0")]
    [InlineData("[null, null, 0]", """{ "0": ":", "1": "." }""", "3110=0")]
    [InlineData("[0, 0, 0]", "{}", "3105=0 3107=0 3110=0")]
    [InlineData("""{ "0": 7 }""", "{}", "3105=7")]
    public void An_empty_cell_is_not_captured_and_a_zero_is_captured_as_zero(string values, string status, string expected)
    {
        var read = KostraAggregateReader.Read("kostra.json", Table(values, status), Now);

        Assert.True(read.Value is not null, string.Join(" | ", read.Findings));
        Assert.All(read.Value, v => Assert.Equal((new Month(2024, 12), "BL151", 1L), (v.Month, v.Indicator, v.Denominator)));
        Assert.Equal(expected, string.Join(" ", read.Value.OrderBy(v => v.Unit.Value, StringComparer.Ordinal).Select(v => $"{v.Unit}={v.Numerator}")));
    }

    [Fact]
    public void A_table_of_empty_cells_only_is_rejected_and_not_taken_as_zeros()
    {
        var read = KostraAggregateReader.Read("kostra.json", Table("[null, null, null]", "\"..\""), Now);

        Assert.Null(read.Value);
        var finding = Assert.Single(read.Findings, f => f.Rejects);
        Assert.Equal(("kostra.json", "value"), (finding.File, finding.Column));
        Assert.StartsWith("Filen har ingen tall for en kommune eller bydel", finding.Message, StringComparison.Ordinal);
    }
}
