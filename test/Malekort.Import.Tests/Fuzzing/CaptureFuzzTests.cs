namespace Malekort.Import.Fuzzing;

/// <summary>The capture reader over seeded mutations of the fixture batches, as folders and as zips.</summary>
public sealed class CaptureFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Capture_reader_is_total_all_or_nothing_and_deterministic_over_mutated_batches()
    {
        using var target = new CaptureFuzzTarget();

        new FuzzLoop(target, output).Run(FuzzSettings.CountPerFormat);
    }
}
