using System.Collections.Frozen;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Federation;

/// <summary>
/// Every revision a central instance holds, in memory, so the scorecard and the overview say what each office delivered without
/// asking the database on a request. Replaced whole at every computation of the central picture (<see cref="CentralResults"/>).
/// </summary>
internal sealed class DeliveryBook(bool central)
{
    /// <summary>Whether this is a central instance's book; a local instance's stays empty.</summary>
    public bool Central { get; } = central;

    private FrozenDictionary<(UnitCode Office, Month Month), IReadOnlyList<AggregateDeliveryHeader>> revisions =
        FrozenDictionary<(UnitCode, Month), IReadOnlyList<AggregateDeliveryHeader>>.Empty;

    /// <summary>Takes every delivered revision (oldest first).</summary>
    public void Replace(IReadOnlyList<AggregateDeliveryHeader> headers) => Volatile.Write(ref revisions, headers
        .GroupBy(h => (h.Office, h.Month))
        .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<AggregateDeliveryHeader>)g.OrderBy(h => h.Revision).ToList()));

    /// <summary>The revision in force for the office's month (the highest delivered), or null when it was not delivered.</summary>
    public AggregateDeliveryHeader? InForce(UnitCode office, Month month) =>
        Volatile.Read(ref revisions).TryGetValue((office, month), out var list) ? list[^1] : null;

    /// <summary>Every revision of the office's month, oldest first.</summary>
    public IReadOnlyList<AggregateDeliveryHeader> Revisions(UnitCode office, Month month) =>
        Volatile.Read(ref revisions).GetValueOrDefault((office, month)) ?? [];

    /// <summary>The revision in force of the office's newest delivered month, or null when it has delivered nothing.</summary>
    public AggregateDeliveryHeader? Newest(UnitCode office) => Volatile.Read(ref revisions)
        .Where(e => e.Key.Office == office).OrderByDescending(e => e.Key.Month).Select(e => e.Value[^1]).FirstOrDefault();

    /// <summary>
    /// What the central holds for the office's month: the office's own delivery, or, for an office without one, the KOSTRA
    /// figures taken for one of its municipalities (stored under the municipality's code); null when neither.
    /// </summary>
    public AggregateDeliveryHeader? InForceFor(Office office, Month month) =>
        InForce(office.Code, month) ?? office.Units.Select(u => InForce(u, month)).FirstOrDefault(h => h is { Source: AggregateSource.Kostra });

    /// <summary>The office's newest month as <see cref="InForceFor"/> finds it, or null when the central holds nothing for it.</summary>
    public AggregateDeliveryHeader? NewestFor(Office office) => Volatile.Read(ref revisions)
        .Where(e => e.Key.Office == office.Code || (office.Units.Contains(e.Key.Office) && e.Value[^1].Source == AggregateSource.Kostra))
        .OrderByDescending(e => e.Key.Month).ThenBy(e => e.Value[^1].Source).Select(e => e.Value[^1]).FirstOrDefault();

    /// <summary>The newest month any office delivered, or null.</summary>
    public Month? NewestMonth => Volatile.Read(ref revisions).Keys.Select(k => (Month?)k.Month).Max();
}
