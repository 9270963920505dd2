using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Publishing;

/// <summary>One revision and what changed from the revision before it (empty for revision 1).</summary>
public sealed record RevisionView(PublicationHeader Header, IReadOnlyList<ValueChange> Changes);

/// <summary>
/// An office's month as the publishing page and API show it: every revision with its changes, and how the numbers computed
/// now differ from the revision in force.
/// </summary>
/// <param name="Office">The office.</param>
/// <param name="Month">The month.</param>
/// <param name="Revisions">Oldest first.</param>
/// <param name="HasData">Whether anything is captured for the office in the month now.</param>
/// <param name="Restricted">Whether this server shows the office's numbers suppressed (then live numbers are not compared).</param>
/// <param name="Pending">The numbers computed now that differ from the revision in force; empty when unpublished or restricted.</param>
public sealed record PublicationView(Office Office, Month Month, IReadOnlyList<RevisionView> Revisions, bool HasData, bool Restricted,
    IReadOnlyList<ValueChange> Pending)
{
    /// <summary>The revision in force, or null when the month is not published.</summary>
    public PublicationHeader? Latest => Revisions.Count == 0 ? null : Revisions[^1].Header;

    /// <summary>Whether the numbers computed now differ from the published ones; null when unpublished or restricted.</summary>
    public bool? LiveDiffers => Latest is null || Restricted ? null : Pending.Count > 0;

    internal static PublicationView Load(IMalekortStore store, ScorecardSnapshot snapshot, Office office, Month month)
    {
        var headers = store.Publications(office.Code, month);
        // A viewer who sees the office's numbers suppressed sees that revisions were made, by whom and when, but never what
        // changed: a published "1 → 2" is a small count in the open (issue 10 item 3).
        var restricted = snapshot.Results?.IsRestricted(office.Code) ?? false;
        var revisions = new List<RevisionView>();
        IReadOnlyList<PublishedValue>? previous = null;
        foreach (var header in headers)
        {
            var values = store.PublishedValues(office.Code, month, header.Revision) ?? [];
            revisions.Add(new RevisionView(header, previous is null || restricted ? [] : MonthValues.Changes(previous, values)));
            previous = values;
        }
        var live = snapshot.Results is { } results ? MonthValues.Live(results, office, month) : null;
        var pending = previous is not null && !restricted ? MonthValues.Changes(previous, live ?? []) : [];
        return new PublicationView(office, month, revisions, live is not null, restricted, pending);
    }
}
