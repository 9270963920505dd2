using System.Globalization;

namespace Malekort.Indicators.Splitting;

/// <summary>
/// How many seeds the splitting properties run (docs/robustness.md, "Splitting never changes a number"): a few in the test
/// command, 1 000 with <c>./malekort test --full</c>, or as many as <c>MALEKORT_SPLIT_SEEDS</c> says. Linked into the KOSTRA
/// tests, so both properties run the same count.
/// </summary>
internal static class SplitSeeds
{
    public static TheoryData<int> Get(int everyday)
    {
        var count = Number("MALEKORT_SPLIT_SEEDS") ?? (Environment.GetEnvironmentVariable("MALEKORT_TEST_FULL") == "1" ? 1000 : everyday);
        return [.. Enumerable.Range(1, count)];
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
