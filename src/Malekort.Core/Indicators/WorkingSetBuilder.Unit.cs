using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// One unit as <see cref="WorkingSetBuilder"/> grows it: only the builder reads or writes this, and each build freezes the
/// units that changed into a new <see cref="UnitData"/> (<see cref="Freeze"/>), sharing the rows (<see cref="Rows{T}"/>).
/// </summary>
internal sealed class UnitBuilder(UnitCode unit)
{
    public UnitCode Unit { get; } = unit;
    /// <summary>The batches in the order added; an entry is replaced, never changed, when its rank or key status changes.</summary>
    public List<BatchInfo> Batches { get; } = [];
    private Dictionary<long, int> PersonIndex { get; } = [];
    public Rows<long> PersonIds { get; } = new();
    public ListingsBuilder Listings { get; } = new();
    public Rows<int> Listing { get; } = new();
    public Rows<AgeMonths> Births { get; } = new();
    public Rows<PaymentRow> Payments { get; } = new();
    public Rows<LivelihoodRow> Livelihood { get; } = new();
    /// <summary>How many of <see cref="Livelihood"/>'s rows are already in engine order.</summary>
    public int SortedLivelihood { get; set; }
    public Rows<ChildRow> Family { get; } = new();
    public Rows<CaseRow> Cases { get; } = new();
    public Rows<KvpRow> Kvp { get; } = new();
    public Rows<JobseekerRow> Jobseekers { get; } = new();
    public Rows<FollowupRow> Followups { get; } = new();
    public Rows<ConditionRow> Conditions { get; } = new();
    public Rows<ExemptionRow> Exemptions { get; } = new();
    public Rows<SanctionRow> Sanctions { get; } = new();

    public int Person(long key)
    {
        if (!PersonIndex.TryGetValue(key, out var index))
        {
            index = PersonIndex.Count;
            PersonIndex.Add(key, index);
            PersonIds.Add(key);
            Births.Add(AgeMonths.Unknown);
            Listing.Add(Indicators.Listings.Empty);
        }
        return index;
    }

    /// <summary>Records that <paramref name="batch"/> lists <paramref name="person"/>; returns the batch's slot in the person's list.</summary>
    public int Listed(int person, int batch)
    {
        var list = Listings.With(Listing[person], batch);
        if (list != Listing[person]) Listing.Set(person, list);
        return Listings.Length(list) - 1;
    }

    /// <summary>The unit as it is now, for a built working set; nothing the builder does later shows in it.</summary>
    public UnitData Freeze() => new(this);
}

/// <summary>The growing side of <see cref="Listings"/>: a list grows only by a batch added after every batch in it.</summary>
internal sealed class ListingsBuilder
{
    // So the list and that batch name the longer list.
    private readonly Rows<int[]> lists = Start();
    private readonly Dictionary<(int List, int Batch), int> next = [];

    private static Rows<int[]> Start()
    {
        var lists = new Rows<int[]>();
        lists.Add([]);
        return lists;
    }

    /// <summary>How many batches the list holds.</summary>
    public int Length(int list) => lists[list].Length;

    /// <summary>The list with <paramref name="batch"/> added; the same list when the batch is its last already.</summary>
    public int With(int list, int batch)
    {
        var batches = lists[list];
        if (batches.Length > 0 && batches[^1] == batch) return list;
        if (!next.TryGetValue((list, batch), out var longer))
        {
            longer = lists.Count;
            lists.Add([.. batches, batch]);
            next.Add((list, batch), longer);
        }
        return longer;
    }

    /// <summary>The lists as they are now; lists added later do not show in it.</summary>
    public Listings Freeze() => new(lists.Freeze());
}
