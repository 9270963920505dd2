namespace Malekort.Testing;

/// <summary>A clock that says what the test tells it, so stored timestamps can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time the clock gives.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
