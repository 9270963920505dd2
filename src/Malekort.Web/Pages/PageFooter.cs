using Malekort.Confidentiality;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Pages;

/// <summary>
/// What the footer of every page says beyond the SSB credit: when and from which data version the numbers were computed, and
/// whom they are shown to when that is not the operator. Null fields leave their line out (a page before anything is computed).
/// </summary>
/// <param name="Computed">When, in words (<c>5. januar 2025 kl. 09.00</c>).</param>
/// <param name="DataVersion">The store's data version the numbers come from.</param>
/// <param name="Viewer">Whom the numbers are shown to and what is suppressed for them; null for the operator's full rights.</param>
public sealed record PageFooter(string? Computed, long DataVersion, string? Viewer)
{
    /// <summary>A footer with the credit alone.</summary>
    public static PageFooter None { get; } = new(null, 0, null);

    internal static PageFooter Of(ScorecardSnapshot? snapshot) => snapshot is null
        ? None
        : new(NorwegianFormat.Instant(snapshot.ComputedAt), snapshot.DataVersion,
            snapshot.Results?.Viewer is { HasFullRights: false } viewer ? ViewerNote(snapshot, viewer) : null);

    private static string ViewerNote(ScorecardSnapshot snapshot, Viewer viewer) => viewer.Role switch
    {
        ViewerRole.Kontor => $"Visning for {snapshot.NameOf(viewer.Unit!.Value)}: tall for andre kontorer er skjermet der de er små.",
        ViewerRole.Kommune => $"Visning for {snapshot.NameOf(viewer.Unit!.Value)}: tall for andre kommuner er skjermet der de er små.",
        ViewerRole.Fylke => "Visning for fylket: små tall er skjermet.",
        ViewerRole.Direktorat => "Visning for direktoratet: små tall er skjermet.",
        _ => "Visning for administrator: små tall er skjermet.",
    };
}
