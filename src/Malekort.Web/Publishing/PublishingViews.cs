using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Publishing;

/// <summary>A published month with its office's name.</summary>
public sealed record NamedPublication(string OfficeName, PublicationHeader Header);

/// <summary><c>/publisering</c>: the offices and months to choose from, and the revision in force of every published month.</summary>
public sealed record PublishingOverviewView(IReadOnlyList<Office> Offices, IReadOnlyList<Periods.Month> Months,
    IReadOnlyList<NamedPublication> Published, Selection Selection, PageFooter Footer)
{
    /// <summary>Revisions in force that the central instance refused for good (docs/federation.md), with its reason.</summary>
    public IReadOnlyList<(string OfficeName, DeliveryRefusal Refusal)> Refused { get; init; } = [];
}

/// <summary>
/// <c>/publisering?kontor=&amp;maned=</c>: one office's month with every revision and its changes, how the numbers computed now
/// differ, and the approval form when the signed-in user may approve.
/// </summary>
/// <param name="Publication">The office's month: revisions, changes, what differs now.</param>
/// <param name="Form">The anti-forgery token of the approval form; null when there is no form (the user may not publish, or no data).</param>
/// <param name="Result">What the last approval did, from the redirect after it: <c>publisert</c> or <c>uendret</c>.</param>
/// <param name="NameOf">The name of a unit in the changes.</param>
/// <param name="Selection">The office and month, which the menu carries.</param>
/// <param name="Footer">The page's footer.</param>
public sealed record PublicationPageView(PublicationView Publication, AntiforgeryTokenSet? Form, string? Result, Func<UnitCode, string> NameOf,
    Selection Selection, PageFooter Footer)
{
    public string MonthName => Scorecard.NorwegianFormat.Month(Publication.Month);
}
