using Malekort.DataQuality;
using Xunit.Sdk;

namespace Malekort.Import.Fuzzing;

/// <summary>The harness itself: each property it promises to check fails the run when a reader breaks it.</summary>
public sealed class FuzzLoopTests(ITestOutputHelper output)
{
    private static readonly Finding Error = new(Severity.Error, "f.csv", 1, "a", "feil");

    [Fact]
    public void A_reader_that_throws_fails_the_run_and_names_the_exception()
    {
        using var target = new FakeTarget(_ => throw new FormatException("boom"));

        var failure = Assert.ThrowsAny<XunitException>(() => new FuzzLoop(target, output).Run(10));

        Assert.Contains("FormatException escaped Read", failure.Message, StringComparison.Ordinal);
        Assert.Contains("10×", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_with_a_rejecting_finding_fails_the_run()
    {
        using var target = new FakeTarget(_ => new ReadResult<string>("verdi", [Error]));

        var failure = Assert.ThrowsAny<XunitException>(() => new FuzzLoop(target, output).Run(5));

        Assert.Contains("a value together with a rejecting finding", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_without_a_finding_fails_the_run()
    {
        using var target = new FakeTarget(_ => ReadResult<string>.Reject([]));

        var failure = Assert.ThrowsAny<XunitException>(() => new FuzzLoop(target, output).Run(5));

        Assert.Contains("without any rejecting finding", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reads_that_differ_fail_the_run()
    {
        var reads = 0;
        using var target = new FakeTarget(_ => ReadResult<string>.Accept(reads++ % 2 == 0 ? "a" : "b"));

        var failure = Assert.ThrowsAny<XunitException>(() => new FuzzLoop(target, output).Run(5));

        Assert.Contains("two reads of the same input differ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_that_does_not_return_within_the_bound_fails_the_run_as_a_hang()
    {
        using var release = new ManualResetEventSlim();
        using var target = new FakeTarget(_ =>
        {
            release.Wait(TimeSpan.FromSeconds(30)); // the stuck worker is let go when the test ends
            return ReadResult<string>.Accept("x");
        });

        var failure = Assert.ThrowsAny<XunitException>(() => new FuzzLoop(target, output, TimeSpan.FromMilliseconds(300)).Run(1));
        release.Set();

        Assert.Contains("has not returned", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_reader_passes_and_every_input_is_counted()
    {
        using var target = new FakeTarget(_ => ReadResult<string>.Accept("x"));

        var summary = new FuzzLoop(target, output).Run(50);

        Assert.Equal((50, 50), (summary.Inputs, summary.Accepted));
    }

    private sealed class FakeTarget(Func<string, ReadResult<string>> read) : FuzzTarget
    {
        private readonly string work = FuzzSettings.WorkFolder("malekort-fuzz-harness");

        public override string Format => "harness";

        public override FuzzCase Prepare(Random random)
        {
            var path = Path.Combine(work, "input.txt");
            File.WriteAllText(path, "x");
            return new FuzzCase(path, "fake", []);
        }

        public override ReadOutcome Read(FuzzCase input) => ReadOutcome.Of(read(input.Path), value => value, _ => []);

        public override void Dispose() => Directory.Delete(work, recursive: true);
    }
}
