using Malekort.DataQuality;
using Malekort.Units;

namespace Malekort.Import;

/// <summary>
/// What a reader produced from one input: the value, or nothing when a finding rejects it (all-or-nothing),
/// and every finding either way.
/// </summary>
/// <typeparam name="T">What the reader produces.</typeparam>
/// <param name="Value">The value; <c>null</c> when the input was rejected.</param>
/// <param name="Findings">Every finding, in the order the reader met them.</param>
public sealed record ReadResult<T>(T? Value, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether the input was accepted: there is a value and no finding rejects it.</summary>
    public bool Accepted => Value is not null && !AnyRejects(Findings);

    /// <summary>
    /// The unit the input says its data is for, where the reader got that far, even when the input is rejected: a rejected
    /// file's findings quote its values, so they are that unit's office's to see (issue 10 item 1); null when not known.
    /// </summary>
    public UnitCode? Unit { get; init; }

    /// <summary>An accepted result; the findings may hold warnings and info, never a rejecting one.</summary>
    /// <exception cref="ArgumentException">A finding rejects the input.</exception>
    public static ReadResult<T> Accept(T value, IReadOnlyList<Finding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        findings ??= [];
        if (AnyRejects(findings))
            throw new ArgumentException("Et godtatt resultat kan ikke ha funn som avviser det.", nameof(findings));
        return new ReadResult<T>(value, findings);
    }

    /// <summary>A rejected result: no value, only the findings that say why.</summary>
    public static ReadResult<T> Reject(IReadOnlyList<Finding> findings) => new(default, findings);

    /// <summary>The value when no finding rejects it, otherwise a rejection: the all-or-nothing rule in one place.</summary>
    public static ReadResult<T> From(T? value, IReadOnlyList<Finding> findings) =>
        value is null || AnyRejects(findings) ? Reject(findings) : new ReadResult<T>(value, findings);

    private static bool AnyRejects(IReadOnlyList<Finding> findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Rejects) return true;
        }
        return false;
    }
}
