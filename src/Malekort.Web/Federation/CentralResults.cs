using Malekort.Federation;
using Malekort.Indicators;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Federation;

/// <summary>
/// A central instance's picture: the revision in force of every delivered office month, its municipalities and districts as
/// delivered and everything above them summed as a local computation sums (<see cref="DeliveredResults"/>). The delivery book
/// is brought up to date with it.
/// </summary>
internal sealed class CentralResults(IMalekortStore store, DeliveryBook book) : IResultsSource
{
    public IndicatorResults? Compute(StoredState stored, DateTimeOffset now)
    {
        book.Replace(store.AggregateDeliveries());
        return DeliveredResults.Build(store.AggregatesInForce(), UnitRegister.Default, stored.Offices);
    }
}
