using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Pages;

/// <summary>
/// What the footer of every page says beyond the SSB credit: when and from which data version the numbers were computed, and
/// for which office the server shows them. Null fields leave their line out (a page before anything is computed).
/// </summary>
/// <param name="Computed">When, in words (<c>5. januar 2025 kl. 09.00</c>).</param>
/// <param name="DataVersion">The store's data version the numbers come from.</param>
/// <param name="OwnOffice">The name of the office the server shows the numbers for, when it is restricted to one.</param>
public sealed record PageFooter(string? Computed, long DataVersion, string? OwnOffice)
{
    /// <summary>A footer with the credit alone.</summary>
    public static PageFooter None { get; } = new(null, 0, null);

    internal static PageFooter Of(ScorecardSnapshot? snapshot) => snapshot is null
        ? None
        : new(NorwegianFormat.Instant(snapshot.ComputedAt), snapshot.DataVersion,
            snapshot.Results?.OwnOffice is { } office ? snapshot.NameOf(office) : null);
}
