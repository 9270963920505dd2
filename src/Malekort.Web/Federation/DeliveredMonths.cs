using System.Globalization;
using Malekort.Confidentiality;
using Malekort.Federation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;

namespace Malekort.Web.Federation;

/// <summary>
/// One number of a delivered revision's change as the viewer sees it: suppressed cells as <c>:</c>, exactly as the scorecard
/// would show that revision to the viewer (<see cref="ShownResults"/> over the revision's own numbers).
/// </summary>
/// <param name="Unit">The office or one of its units.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Before">The number in the revision before; null when it had none for the unit.</param>
/// <param name="After">The number in this revision; null when it has none for the unit.</param>
public sealed record RevisionChange(UnitCode Unit, string Indicator, IndicatorValue? Before, IndicatorValue? After);

/// <summary>One delivered revision and what changed from the one delivered before it (<paramref name="Previous"/>; null for the first).</summary>
public sealed record DeliveredRevisionView(AggregateDeliveryHeader Header, int? Previous, IReadOnlyList<RevisionChange> Changes);

/// <summary>What a central instance holds of an office's month, and how its revisions differ.</summary>
internal static class DeliveredMonths
{
    /// <summary>The office's month on the central instance's publishing page.</summary>
    public static string Address(UnitCode office, Month month) => PublishingPages.Address(office, month);

    /// <summary>
    /// Every delivered revision of the office's month with its changes from the one before, oldest first, each number as
    /// <paramref name="viewer"/> may see it.
    /// </summary>
    public static IReadOnlyList<DeliveredRevisionView> Revisions(IMalekortStore store, IReadOnlyList<AggregateDeliveryHeader> headers,
        Viewer viewer, OfficeRegister offices)
    {
        var views = new List<DeliveredRevisionView>();
        IReadOnlyList<PublishedValue>? previous = null;
        ShownResults? previousShown = null;
        foreach (var header in headers)
        {
            var values = Numbers(store.DeliveredValues(header.Office, header.Month, header.Revision) ?? []);
            var shown = Shown(values, header.Month, viewer, offices);
            var changes = previous is null
                ? []
                : MonthValues.Changes(previous, values).Select(c => new RevisionChange(c.Unit, c.Indicator,
                    c.Before is null ? null : previousShown?.Get(c.Unit, header.Month, c.Indicator),
                    c.After is null ? null : shown?.Get(c.Unit, header.Month, c.Indicator))).ToList();
            views.Add(new DeliveredRevisionView(header, views.Count == 0 ? null : views[^1].Header.Revision, changes));
            (previous, previousShown) = (values, shown);
        }
        return views;
    }

    // One revision alone, summed and suppressed as the central's picture sums and suppresses: its office's row comes from its units.
    private static ShownResults? Shown(IReadOnlyList<PublishedValue> values, Month month, Viewer viewer, OfficeRegister offices) =>
        DeliveredResults.Build(values.Select(v => new DeliveredValue(v.Unit, month, v.Indicator, v.Numerator, v.Denominator, v.Notes)),
            UnitRegister.Default, offices) is { } results
            ? ShownResults.For(results, viewer, UnitRegister.Default, offices)
            : null;

    /// <summary>
    /// What a newly stored revision did, in a sentence: the first of its month, or which revision it replaces and how many
    /// numbers changed, or that a higher revision is still in force.
    /// </summary>
    public static string Compared(IMalekortStore store, AggregateDelivery delivery)
    {
        var others = store.AggregateDeliveries().Where(h => h.Office == delivery.Office && h.Month == delivery.Month && h.Revision != delivery.Revision)
            .ToList();
        if (others.Count == 0) return "Første revisjon kontoret har levert for måneden.";
        if (others.Max(h => h.Revision) is var highest && highest > delivery.Revision)
            return $"Revisjon {highest.ToString(CultureInfo.InvariantCulture)} er levert før og gjelder fortsatt.";
        var before = others.Max(h => h.Revision);
        var changes = MonthValues.Changes(Numbers(store.DeliveredValues(delivery.Office, delivery.Month, before) ?? []), Numbers(delivery.Values));
        return $"Den erstatter revisjon {before.ToString(CultureInfo.InvariantCulture)}: {NorwegianFormat.Count(changes.Count)} tall er endret.";
    }

    /// <summary>Delivered rows as the publishing pages compare numbers.</summary>
    public static IReadOnlyList<PublishedValue> Numbers(IReadOnlyList<AggregateRow> rows) => rows
        .Select(r => new PublishedValue(r.Unit, r.Indicator, r.Numerator, r.Denominator, IndicatorCatalog.Find(r.Indicator)?.ValueOf(r.Numerator, r.Denominator))
        {
            Notes = r.Notes,
        })
        .ToList();

    /// <summary>The source in words.</summary>
    public static string SourceText(AggregateSource source) => source == AggregateSource.Kostra
        ? "KOSTRA-aggregater (kontoret har ikke eget Målekort)"
        : "kontorets eget Målekort";
}
