using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Publishing;

/// <summary>Where an office's month stands, as the scorecard says it.</summary>
public enum PublicationState
{
    /// <summary>Not approved yet.</summary>
    NotPublished,

    /// <summary>Published, and the numbers computed now are the same.</summary>
    Unchanged,

    /// <summary>Published, and the numbers computed now differ: a new revision is due.</summary>
    Changed,

    /// <summary>Published, for an office this server shows from outside: the live numbers are not compared.</summary>
    Restricted,
}

/// <summary>
/// The scorecard's word on publication: whether the office's month is published, which revision, and whether the numbers
/// computed now differ from the published ones. For a municipality or district, its office's publication.
/// </summary>
/// <param name="State">Published or not, and whether the numbers changed since.</param>
/// <param name="OfficeName">The office whose month it is.</param>
/// <param name="MonthName">The month in words.</param>
/// <param name="Published">The revision in force; null when not published.</param>
/// <param name="Link">The office's month on the publishing page.</param>
public sealed record PublicationBannerView(PublicationState State, string OfficeName, string MonthName, PublicationHeader? Published, string Link)
{
    /// <summary>The office whose publication the unit's scorecard shows: its own, or its municipality's or district's; null for a county or the country.</summary>
    internal static Office? OfficeOf(ScorecardSnapshot snapshot, UnitCode unit) =>
        unit.Kind == UnitKind.Office ? snapshot.Offices.Find(unit) : unit.IsCaptureUnit ? snapshot.Offices.OfficeOf(unit) : null;

    /// <summary>The banner for the office's month, given the revision in force (<see cref="PublicationBook.Latest"/>), if any.</summary>
    internal static PublicationBannerView Of(ShownResults results, Office office, Month month, PublicationHeader? published)
    {
        var state = published switch
        {
            null => PublicationState.NotPublished,
            _ when results.IsRestricted(office.Code) => PublicationState.Restricted,
            _ when MonthValues.Live(results, office, month) is { } live && PublicationFingerprint.Of(live) == published.Fingerprint =>
                PublicationState.Unchanged,
            _ => PublicationState.Changed,
        };
        return new(state, office.Name, NorwegianFormat.Month(month), published, PublishingPages.Address(office.Code, month));
    }
}
