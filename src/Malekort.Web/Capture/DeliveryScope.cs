using System.Reflection;
using System.Runtime.ExceptionServices;
using Malekort.Capture;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Capture;

/// <summary>Data a unit's token may not deliver: nothing of it has been stored.</summary>
internal sealed class DeliveryRefusedException(UnitCode? unit)
    : InvalidOperationException(unit is { } u ? $"Leveransen gjelder {u}." : "Leveransen er referansedata (befolkning eller kontorregister).")
{
    /// <summary>The unit the data is for; null for reference data.</summary>
    public UnitCode? Unit { get; } = unit;
}

/// <summary>
/// The store as the import pipeline sees it for one upload: every call goes through, except a write of data the token may
/// not deliver, which throws <see cref="DeliveryRefusedException"/> before anything is stored. The unit is known only once
/// the input has been read, so the check sits where the pipeline stores. A proxy rather than a hand-written decorator, so
/// members added to the store later pass through without touching this class.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives the proxy from it.</remarks>
#pragma warning disable CA1852
internal class DeliveryScope : DispatchProxy
#pragma warning restore CA1852
{
    private IMalekortStore inner = null!;
    private Func<UnitCode?, bool> mayDeliver = null!;

    /// <summary>The store, letting through only writes for which <paramref name="mayDeliver"/> holds (null: reference data).</summary>
    public static IMalekortStore Wrap(IMalekortStore inner, Func<UnitCode?, bool> mayDeliver)
    {
        var proxy = Create<IMalekortStore, DeliveryScope>();
        var scope = (DeliveryScope)(object)proxy;
        scope.inner = inner;
        scope.mayDeliver = mayDeliver;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case nameof(IMalekortStore.SaveBatch) when args is [CaptureBatch batch, ..]:
                if (!mayDeliver(batch.Header.Unit)) throw new DeliveryRefusedException(batch.Header.Unit);
                break;
            // Several batches land together or not at all: one the token may not deliver refuses them all, before any is stored.
            // The cast fails closed: nothing passes unchecked.
            case nameof(IMalekortStore.SaveBatches):
                foreach (var (b, _) in (IReadOnlyList<(CaptureBatch Batch, ImportLogEntry Entry)>)args![0]!)
                {
                    if (!mayDeliver(b.Header.Unit)) throw new DeliveryRefusedException(b.Header.Unit);
                }
                break;
            case nameof(IMalekortStore.SavePopulation) or nameof(IMalekortStore.SaveOffices):
                if (!mayDeliver(null)) throw new DeliveryRefusedException(null);
                break;
            // A rejected input is logged, never refused, but under a unit only if the sender may deliver for it: its findings
            // quote its values and are shown to that unit's office (ImportPipeline.RejectedUnit).
            case nameof(IMalekortStore.LogRejected) when args is [ImportLogEntry { Unit: { } unit } entry] && !mayDeliver(unit):
                args[0] = entry with { Unit = null };
                break;
        }
        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
