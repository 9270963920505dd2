using Malekort.DataQuality;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// What one read gave, reduced to what the fuzz properties compare: whether there was a value, the findings, the value as
/// canonical text (records hold lists, whose equality is by reference), and what the format's invariants found wrong.
/// </summary>
internal sealed record ReadOutcome(bool HasValue, bool Accepted, IReadOnlyList<Finding> Findings, string Canonical, IReadOnlyList<string> Violations)
{
    /// <summary>The outcome of a result; the invariants are only asked about an accepted value.</summary>
    public static ReadOutcome Of<T>(ReadResult<T> result, Func<T, string> canonical, Func<T, IEnumerable<string>> invariants)
    {
        var value = result.Value;
        var violations = value is not null && result.Accepted ? invariants(value).ToList() : [];
        return new ReadOutcome(value is not null, result.Accepted, result.Findings, value is null ? "" : canonical(value), violations);
    }

    /// <summary>Whether two reads of the same input agree: the same findings in the same order and the same value.</summary>
    public bool SameAs(ReadOutcome other) =>
        HasValue == other.HasValue && Accepted == other.Accepted && Findings.SequenceEqual(other.Findings)
        && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);
}
