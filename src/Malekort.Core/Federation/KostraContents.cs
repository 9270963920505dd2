using Malekort.Indicators;

namespace Malekort.Federation;

/// <summary>One contents code of a KOSTRA table (its <c>ContentsCode</c> category) and the indicator whose numerator it is.</summary>
/// <param name="Code">The contents code as the statbank's JSON-stat names it.</param>
/// <param name="Indicator">The indicator's code in <see cref="IndicatorCatalog"/>: a count, so the figure is its numerator.</param>
/// <param name="Label">What the figure is, in Norwegian, for findings and docs.</param>
public sealed record KostraContent(string Code, string Indicator, string Label);

/// <summary>
/// The one declared mapping from KOSTRA-level aggregates to Målekort's indicators (issue 15 item 5, docs/federation.md): the
/// contents codes a central instance takes from a JSON-stat 2.0 file for a municipality without a Målekort of its own. Only
/// counts are mapped: a count of a municipality sums into its office, county and the country as a delivered numerator does,
/// while a share or an average from SSB cannot be summed without its parts. A contents code not listed here is left out of an
/// import (named in an info finding), never guessed at. Add a line to take another figure.
/// </summary>
public static class KostraContents
{
    /// <summary>Every mapped contents code, in the order findings and docs list them.</summary>
    public static IReadOnlyList<KostraContent> All { get; } =
    [
        new("KOSsosialhjelpmott0000", "BL151", "mottakere av økonomisk sosialhjelp"),
        new("KOSsosialhjelpmott1824", "BL153", "mottakere av økonomisk sosialhjelp, 18–24 år"),
        new("KOSlangtidsmottak0000", "BL166", "langtidsmottakere av økonomisk sosialhjelp"),
        new("KOSkvpdeltakere0000", "B51", "deltakere i kvalifiseringsprogrammet"),
    ];

    /// <summary>The mapping of a contents code, or null when it is not mapped.</summary>
    public static KostraContent? Find(string code) => All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
