using Malekort.Confidentiality;

namespace Malekort.Confidentiality;

public sealed class SmallCountsTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    public void One_and_two_are_suppressed(long count) => Assert.True(SmallCounts.MustSuppress(count));

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    [InlineData(4L)]
    [InlineData(1234L)]
    public void Zero_and_three_or_more_are_shown(long count) => Assert.False(SmallCounts.MustSuppress(count));

    [Fact]
    public void A_count_not_captured_is_not_suppressed_but_missing() => Assert.False(SmallCounts.MustSuppress(null));
}
