using System.Collections.Concurrent;
using Malekort.Indicators;
using Malekort.Units;

namespace Malekort.Confidentiality;

/// <summary>
/// One computation's results as every viewer may see them: what to suppress is worked out once per distinct
/// <see cref="ViewerScope"/> (viewers seeing the same units in full see the same numbers) and kept as long as this cache;
/// the cells and relations every scope reads are made once.
/// Thread-safe: concurrent requests for a new scope wait for one computation.
/// </summary>
public sealed class ShownResultsCache(IndicatorResults results, UnitRegister units, OfficeRegister offices)
{
    private readonly Lazy<DisclosureModel> model = new(() => new DisclosureModel(results, units, offices));
    private readonly ConcurrentDictionary<string, Lazy<DisclosurePlan>> plans = new(StringComparer.Ordinal);

    /// <summary>The results as <paramref name="viewer"/> may see them.</summary>
    public ShownResults For(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.HasFullRights) return ShownResults.Unrestricted(results);
        var scope = viewer.Scope(units, offices);
        var plan = plans.GetOrAdd(scope.Key, _ => new Lazy<DisclosurePlan>(() => new DisclosurePlan(model.Value, scope))).Value;
        return ShownResults.For(results, viewer, scope, plan);
    }
}
