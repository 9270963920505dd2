using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Published months: approved, frozen numbers per office, corrected only by new revisions.</summary>
public partial interface IMalekortStore
{
    /// <summary>
    /// Publishes the values as the next revision of the office's month, unless the latest revision has the same values
    /// (same <see cref="PublicationFingerprint.Of"/>): then nothing is stored and that revision is returned as
    /// <see cref="PublishOutcome.Unchanged"/>. Publishing the same office serialises; changes no data version.
    /// </summary>
    PublishResult Publish(PublicationDraft draft);

    /// <summary>Every revision of every month, without values, oldest first.</summary>
    IReadOnlyList<PublicationHeader> Publications();

    /// <summary>The revisions of one office's month, without values, oldest first.</summary>
    IReadOnlyList<PublicationHeader> Publications(UnitCode office, Month month);

    /// <summary>The frozen values of one revision, or null when it does not exist.</summary>
    IReadOnlyList<PublishedValue>? PublishedValues(UnitCode office, Month month, int revision);
}

/// <summary>One frozen indicator value of a unit (the office or one it serves).</summary>
public sealed record PublishedValue(UnitCode Unit, string Indicator, long? Numerator, long? Denominator, double? Value)
{
    /// <summary>How the value was made when it was frozen (older population, not computed, …); not part of the fingerprint.</summary>
    public Malekort.Indicators.ValueNotes Notes { get; init; }
}

/// <summary>What to publish: the numbers for an office's month as computed now, and who approves them.</summary>
/// <param name="Office">The office (<c>NAV-nnnn</c>).</param>
/// <param name="Month">The month.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="PublishedBy">Who approved (a name, or the schedule).</param>
/// <param name="DataVersion">The data version the numbers were computed from.</param>
/// <param name="Values">The office's and each served unit's values.</param>
public sealed record PublicationDraft(UnitCode Office, Month Month, DateTimeOffset PublishedAt, string PublishedBy, long DataVersion,
    IReadOnlyList<PublishedValue> Values)
{
    /// <summary>The definitions that produced the numbers.</summary>
    public string DefinitionVersion { get; init; } = Malekort.Indicators.IndicatorDefinition.DefinitionVersion;
}

/// <summary>One revision of a published month, without its values.</summary>
public sealed record PublicationHeader(UnitCode Office, Month Month, int Revision, DateTimeOffset PublishedAt, string PublishedBy,
    long DataVersion, string Fingerprint)
{
    /// <summary>The definitions that produced the numbers; null for a revision published before it was recorded.</summary>
    public string? DefinitionVersion { get; init; }
}

/// <summary>Whether publishing stored a new revision.</summary>
public enum PublishOutcome
{
    /// <summary>A new revision (1 for the first approval).</summary>
    Published,
    /// <summary>The numbers equal the latest revision's: nothing stored.</summary>
    Unchanged,
}

/// <summary>What publishing did, and the revision now in force.</summary>
public sealed record PublishResult(PublishOutcome Outcome, PublicationHeader Revision);

/// <summary>The canonical form of published values, to tell whether two sets of numbers are the same.</summary>
public static class PublicationFingerprint
{
    /// <summary>
    /// SHA-256 (hex) over the values sorted by unit and indicator, each number in invariant round-trip form: equal exactly
    /// when the numbers are equal, whatever order they come in, so live numbers can be compared with a published revision
    /// without loading it.
    /// </summary>
    public static string Of(IEnumerable<PublishedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var v in values.OrderBy(v => v.Unit.Value, StringComparer.Ordinal).ThenBy(v => v.Indicator, StringComparer.Ordinal))
        {
            text.Append(v.Unit.Value).Append('|').Append(v.Indicator).Append('|')
                .Append(Number(v.Numerator)).Append('|').Append(Number(v.Denominator)).Append('|').Append(ValueText(v.Value) ?? "-").Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A value as stored: invariant round-trip text, or null.</summary>
    public static string? ValueText(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
