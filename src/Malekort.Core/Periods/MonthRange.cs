namespace Malekort.Periods;

/// <summary>The months from <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct MonthRange
{
    /// <summary>Creates a range.</summary>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public MonthRange(Month first, Month last)
    {
        if (last < first) throw new ArgumentException($"Til-måned {last} er før fra-måned {first}.", nameof(last));
        First = first;
        Last = last;
    }

    /// <summary>The first month.</summary>
    public Month First { get; }

    /// <summary>The last month.</summary>
    public Month Last { get; }

    /// <summary>The number of months.</summary>
    public int Count => Last - First + 1;

    /// <summary>Whether the month is in the range.</summary>
    public bool Contains(Month month) => month >= First && month <= Last;

    /// <summary>The months in order.</summary>
    public IEnumerable<Month> Months()
    {
        for (var m = First; m <= Last; m = m.Plus(1)) yield return m;
    }

    /// <summary>window(M): the 12 months M-11 … M (spec "Words").</summary>
    public static MonthRange Window(Month month) => new(month.Plus(-11), month);

    /// <inheritdoc />
    public override string ToString() => $"{First}–{Last}";
}
