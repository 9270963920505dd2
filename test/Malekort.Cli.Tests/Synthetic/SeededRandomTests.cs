namespace Malekort.Cli.Synthetic;

public sealed class SeededRandomTests
{
    [Fact]
    public void Xoshiro256_starstar_gives_the_reference_outputs()
    {
        // Reference outputs of xoshiro256** (Blackman and Vigna) from the state {1, 2, 3, 4}.
        var random = SeededRandom.FromState(1, 2, 3, 4);

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL],
            [random.NextULong(), random.NextULong(), random.NextULong(), random.NextULong()]);
    }

    [Fact]
    public void SplitMix64_gives_the_reference_outputs()
    {
        var state = 1234567UL;

        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            [SeededRandom.SplitMix(ref state), SeededRandom.SplitMix(ref state), SeededRandom.SplitMix(ref state),
                SeededRandom.SplitMix(ref state), SeededRandom.SplitMix(ref state)]);
    }

    [Fact]
    public void A_named_stream_repeats_and_other_names_and_seeds_differ()
    {
        static ulong[] First(int seed, string name)
        {
            var random = SeededRandom.For(seed, name);
            return [random.NextULong(), random.NextULong(), random.NextULong()];
        }

        Assert.Equal(First(2014, "3107"), First(2014, "3107"));
        Assert.NotEqual(First(2014, "3107"), First(2014, "3103"));
        Assert.NotEqual(First(2014, "3107"), First(2015, "3107"));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(4.0)]
    [InlineData(250.0)]
    public void Poisson_draws_have_the_asked_mean_and_variance(double mean)
    {
        var random = new SeededRandom(42);
        const int draws = 20_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Poisson(mean);
            sum += x;
            squares += (double)x * x;
        }
        var average = sum / draws;
        var variance = squares / draws - average * average;

        Assert.InRange(average, mean * 0.97 - 0.01, mean * 1.03 + 0.01);
        Assert.InRange(variance, mean * 0.9, mean * 1.1);
    }

    [Fact]
    public void Pick_follows_the_weights_and_Between_stays_in_its_bounds()
    {
        var random = new SeededRandom(7);
        var counts = new int[3];
        var (low, high) = (int.MaxValue, int.MinValue);
        for (var i = 0; i < 30_000; i++)
        {
            counts[random.Pick([0.5, 0.3, 0.2])]++;
            var x = random.Between(-3, 5);
            (low, high) = (Math.Min(low, x), Math.Max(high, x));
        }

        Assert.InRange(counts[0] / 30_000.0, 0.48, 0.52);
        Assert.InRange(counts[1] / 30_000.0, 0.28, 0.32);
        Assert.InRange(counts[2] / 30_000.0, 0.18, 0.22);
        Assert.Equal((-3, 5), (low, high));
    }
}
