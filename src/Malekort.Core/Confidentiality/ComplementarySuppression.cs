namespace Malekort.Confidentiality;

/// <summary>
/// Cells that add up: <see cref="Total"/> is the sum of <see cref="Parts"/> (an office and its units, a county and its
/// municipalities, KVP ended and the situations after), or more generally any one of them follows from the others
/// (stock flow: this month's recipients = last month's + inflow − outflow). Cells are numbered by the caller.
/// </summary>
/// <param name="Total">The total's cell.</param>
/// <param name="Parts">The parts' cells.</param>
public sealed record AdditiveRelation(int Total, IReadOnlyList<int> Parts);

/// <summary>
/// Complementary suppression (spec "Values, aggregation and display", Confidentiality): where a total and all but one of
/// its parts would be shown, the hidden one could be worked out by subtraction, so a second cell is hidden too.
/// </summary>
/// <remarks>
/// The second cell is a part, not the total, as the spec says: the smallest shown part that is not zero (hiding a
/// zero protects least), else a zero part, else the total. Only cells outside the viewer's own office can be hidden;
/// the viewer may see the others anyway. Hiding one cell can break another relation, so this repeats until every
/// relation has no hidden cell or at least two.
/// The hidden cells' sum can still be worked out (total minus the shown parts); whether that sum is itself small is not
/// checked (statistical agencies call this the protection interval). The spec asks for the second cell only.
/// </remarks>
public static class ComplementarySuppression
{
    /// <summary>Adds to <paramref name="hidden"/> the cells that must also be hidden.</summary>
    /// <param name="relations">Every relation between shown cells; cells without a value must be left out of them.</param>
    /// <param name="hidden">The cells hidden so far (by the primary rule); cells are added to it.</param>
    /// <param name="valueOf">A cell's value.</param>
    /// <param name="canHide">Whether a cell may be hidden (it lies outside the viewer's own office).</param>
    /// <returns>The number of cells added.</returns>
    public static int Apply(IReadOnlyList<AdditiveRelation> relations, ISet<int> hidden, Func<int, long> valueOf, Func<int, bool> canHide)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentNullException.ThrowIfNull(canHide);
        var added = 0;
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in relations)
            {
                if (HiddenCount(relation, hidden) != 1) continue;
                if (SecondCell(relation, hidden, valueOf, canHide) is not { } cell) continue;
                hidden.Add(cell);
                added++;
                changed = true;
            }
        }
        while (changed);
        return added;
    }

    private static int HiddenCount(AdditiveRelation relation, ISet<int> hidden)
    {
        var count = hidden.Contains(relation.Total) ? 1 : 0;
        foreach (var part in relation.Parts)
        {
            if (hidden.Contains(part) && ++count > 1) break;
        }
        return count;
    }

    private static int? SecondCell(AdditiveRelation relation, ISet<int> hidden, Func<int, long> valueOf, Func<int, bool> canHide)
    {
        int? best = null;
        long bestValue = 0;
        int? zero = null;
        foreach (var part in relation.Parts.Distinct())
        {
            if (hidden.Contains(part) || !canHide(part)) continue;
            var value = valueOf(part);
            if (value == 0)
            {
                zero ??= part;
                continue;
            }
            if (best is null || value < bestValue) (best, bestValue) = (part, value);
        }
        if (best is not null) return best;
        if (zero is not null) return zero;
        return !hidden.Contains(relation.Total) && canHide(relation.Total) ? relation.Total : null;
    }
}
