using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Scorecard;
using Malekort.Web.State;

namespace Malekort.Web.Federation;

/// <summary>An office's delivery of the month as a central instance's scorecard names it.</summary>
/// <param name="OfficeName">The office.</param>
/// <param name="Link">The office's month on the publishing page.</param>
/// <param name="Delivered">The revision in force; null when the office has not delivered the month.</param>
public sealed record OfficeDelivery(string OfficeName, string Link, AggregateDeliveryHeader? Delivered);

/// <summary>
/// What a central instance's scorecard says about where its numbers come from: for an office (or a unit it serves) which month
/// and revision the office delivered, from where and when; for a county or the country which offices have delivered the month
/// and which have not.
/// </summary>
/// <param name="MonthName">The month in words.</param>
/// <param name="Offices">The offices behind the unit, in register order.</param>
public sealed record DeliveryBannerView(string MonthName, IReadOnlyList<OfficeDelivery> Offices)
{
    /// <summary>The offices that have not delivered the month.</summary>
    public IReadOnlyList<OfficeDelivery> Missing => Offices.Where(o => o.Delivered is null).ToList();

    /// <summary>The offices without a Målekort of their own whose municipalities' numbers are from KOSTRA.</summary>
    public IReadOnlyList<OfficeDelivery> FromKostra => Offices.Where(o => o.Delivered is { Source: AggregateSource.Kostra }).ToList();

    internal static DeliveryBannerView Of(DeliveryBook book, ScorecardSnapshot snapshot, UnitCode unit, Month month)
    {
        var offices = unit.Kind switch
        {
            UnitKind.Office => snapshot.Offices.Find(unit) is { } office ? [office] : [],
            UnitKind.Municipality or UnitKind.District => snapshot.Offices.OfficeOf(unit) is { } office ? [office] : [],
            UnitKind.County => snapshot.Offices.Offices.Where(o => o.Units.Any(u => u.County == unit)).ToList(),
            _ => snapshot.Offices.Offices,
        };
        return new DeliveryBannerView(NorwegianFormat.Month(month), offices
            .Select(o => new OfficeDelivery(o.Name, DeliveredMonths.Address(o.Code, month), book.InForceFor(o, month)))
            .ToList());
    }
}
