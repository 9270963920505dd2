using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Federation;

/// <summary>One office as a central instance's overview lists it: its newest delivered month, and whether it delivered the newest month any office delivered.</summary>
/// <param name="Office">The office.</param>
/// <param name="Newest">The revision in force of its newest delivered month; null when it has delivered nothing.</param>
/// <param name="HasNewestMonth">Whether it has delivered the newest month any office delivered.</param>
public sealed record OfficeDeliveryRow(Office Office, AggregateDeliveryHeader? Newest, bool HasNewestMonth);

/// <summary>A central instance's <c>/publisering</c>: what each office has delivered, and which have not delivered the newest month.</summary>
public sealed record CentralOverviewView(IReadOnlyList<OfficeDeliveryRow> Offices, Month? NewestMonth, IReadOnlyList<Month> Months,
    PageFooter Footer)
{
    /// <summary>The offices without the newest month.</summary>
    public IReadOnlyList<OfficeDeliveryRow> Missing => NewestMonth is null ? [] : Offices.Where(o => !o.HasNewestMonth).ToList();

    internal static CentralOverviewView Of(DeliveryBook book, ScorecardSnapshot snapshot)
    {
        var newestMonth = book.NewestMonth;
        var rows = snapshot.Offices.Offices
            .Select(o => new OfficeDeliveryRow(o, book.NewestFor(o), newestMonth is { } m && book.InForceFor(o, m) is not null))
            .ToList();
        var months = snapshot.Months.Count > 0 ? snapshot.Months : newestMonth is { } only ? [only] : [];
        return new CentralOverviewView(rows, newestMonth, months, PageFooter.Of(snapshot));
    }
}

/// <summary>A central instance's <c>/publisering?kontor=&amp;maned=</c>: every revision the office delivered of the month, with what changed.</summary>
public sealed record DeliveredMonthView(Office Office, Month Month, IReadOnlyList<DeliveredRevisionView> Revisions, Func<UnitCode, string> NameOf,
    PageFooter Footer)
{
    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>The revision in force, or null when the month is not delivered.</summary>
    public AggregateDeliveryHeader? InForce => Revisions.Count == 0 ? null : Revisions[^1].Header;
}
