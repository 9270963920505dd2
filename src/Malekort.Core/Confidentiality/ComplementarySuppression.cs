namespace Malekort.Confidentiality;

/// <summary>
/// Complementary (secondary) suppression with a protection interval (spec "Values, aggregation and display",
/// Confidentiality; issue 10 item 3): hides more cells until no hidden count can be worked out from what is shown.
/// </summary>
/// <remarks>
/// <para>The reader knows every shown cell and every relation of the <see cref="RelationGraph"/> (a total is the sum of its
/// parts; a count is a narrower count plus an unpublished remainder) that the table does not mark unusable for it. A cell's
/// value is what the reader does not know of it, the others' part (<see cref="DisclosurePlan"/>), so a cell worth 0 is all
/// the reader's own and working it out tells nothing. Two things are ruled out, relation by relation:</para>
/// <list type="bullet">
/// <item>a relation with one unknown cell: the reader works it out exactly. A cell worked out is known from then on, so
/// this chains through every relation (a hidden office total is worked out from its county, then a unit from the office);
/// a hidden cell, or a small count, worked out this way is protected by hiding one more cell of that relation;</item>
/// <item>a relation whose total is known and whose unknown parts are together worth less than
/// <see cref="SmallCounts.SmallestShown"/> while one of them is a small count: the reader knows each of them lies between 0
/// and their sum, too narrow to tell the small count from 0 or from a shown one (the protection interval, as SSB and
/// Eurostat's τ-argus practise). One more part is hidden, the smallest that makes the sum at least 3.</item>
/// </list>
/// <para>Month by month (a stage is a month): a month's cells are hidden only to protect that month or earlier ones, and an
/// earlier month's choices never change, so a month is suppressed the same way whatever months follow it. The only
/// relation across months is the stock flow, so a later month protects an earlier one by hiding its own cells.</para>
/// <para>The cell hidden next: a part, not the total, the smallest whose value alone makes the hidden sum at least 3, else
/// the largest; a zero only where it helps (the unknown is the total); ties go to the lower cell number, so the choice is the
/// same every time.</para>
/// <para>Then the relations combined: bounds propagated through every relation at once (<see cref="Bound"/>); a small count
/// they leave narrower than 3, or a hidden cell they pin, gets one more hidden cell of the month in a relation that bounds it
/// that tightly (the month's relations first, each in turn until one has a cell to hide), and the relations are checked one by one again. Propagation is weaker
/// than a linear program (which could narrow further); docs/decisions.md says what is left.</para>
/// <para>Incremental (issue 14): since an earlier month's choices never change, what the reader works out of the earlier
/// months, each relation's unknown cells and the bounds are kept when a month is decided. A try starts the chain only from
/// the month's own relations and checks only those and the earlier ones the chain reached; bounds are propagated from the
/// month's relations and what the try worked out, into the earlier months only as far as a bound moves, and put back for the
/// next try. So it hides exactly what working out and bounding the whole table from month 0 every round hides (the tests
/// compare the two), and each month costs what it reaches, not every month before it.</para>
/// </remarks>
internal sealed class ComplementarySuppression
{
    private const long Unbounded = long.MaxValue / 4;
    private readonly SuppressionTable table;
    private readonly RelationGraph graph;
    private readonly bool[] hidden;
    private readonly bool[] unusable;
    // Per cell: worked out exactly by the reader. An earlier month's cells hold what was settled when their month was
    // decided, except those worked out in this try (freshCells), which the next try puts back.
    private readonly bool[] known;
    private readonly int[] knownBy;
    // Per cell: worked out in this try, through a relation of the month being decided.
    private readonly bool[] fresh;
    private readonly List<int> freshCells = [];
    // Per relation: how many of its cells are not known. An earlier month's relation holds its settled count; those this try
    // lowered are listed with the count the next try puts back.
    private readonly int[] unknownCount;
    private readonly bool[] lowered;
    private readonly List<(int Relation, int Count)> loweredCounts = [];
    private readonly List<int> loweredOrder = [];
    private readonly bool[] touched;
    private readonly List<int> touchedRelations = [];
    private readonly HashSet<int> givenUp = [];
    private readonly HashSet<int> revealed = [];
    // Bounds on every cell's others' part from every relation at once. An earlier month's cells hold what their month left
    // them; those this try narrowed are listed with the bounds the next try puts back.
    private readonly long[] low;
    private readonly long[] high;
    private readonly bool[] logged;
    private readonly List<(int Cell, long Low, long High)> boundLog = [];
    private readonly List<int> boundEarlier = [];
    private readonly bool[] queued;
    // Reused by every try and pass: a queue as long as a month's relations would otherwise be allocated (on the large object
    // heap) again and again.
    private readonly Queue<int> workQueue = new();
    private readonly Queue<int> boundQueue = new();
    // Cells left narrower than the protection interval because nothing was left to hide where their bound came from.
    private readonly HashSet<int> narrowLeft = [];
    // The month being decided: its cells first .. end − 1, its relations firstRelation .. lastRelation − 1.
    private int stage;
    private int first;
    private int end;
    private int firstRelation;
    private int lastRelation;
    private int rounds;
    private int secondary;

    private ComplementarySuppression(SuppressionTable table)
    {
        this.table = table;
        graph = table.Graph;
        var (cells, relations) = (graph.CellCount, graph.RelationCount);
        hidden = new bool[cells];
        known = new bool[cells];
        knownBy = new int[cells];
        fresh = new bool[cells];
        low = new long[cells];
        high = new long[cells];
        logged = new bool[cells];
        unknownCount = new int[relations];
        lowered = new bool[relations];
        touched = new bool[relations];
        queued = new bool[relations];
        unusable = table.Unusable ?? new bool[relations];
    }

    /// <summary>Which cells are hidden: the sensitive ones that may be hidden, and those hidden to protect them.</summary>
    public bool[] Hidden => hidden;

    /// <summary>How many relations were given up because nothing of the month was left to hide in them (the cell they pinned
    /// may still be protected through another relation; the proof checks what is shown, not this count), and how many small
    /// counts were left narrower than the protection interval by the relations combined.</summary>
    public int Unprotected => givenUp.Count + narrowLeft.Count;

    /// <summary>How many times a month was checked, and how many cells were hidden to protect others (for measurements).</summary>
    public (int Rounds, int Secondary) Work => (rounds, secondary);

    /// <summary>Hides the sensitive cells and what protects them.</summary>
    public static ComplementarySuppression Run(SuppressionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var run = new ComplementarySuppression(table);
        for (var stage = 0; stage < table.Graph.Stages; stage++) run.Protect(stage);
        return run;
    }

    private bool IsUnknown(int cell) => table.States[cell] == CellState.Unpublished || hidden[cell];

    private bool Protected(int cell) => hidden[cell] || table.Sensitive[cell];

    private bool OfThisMonth(int cell) => cell >= first && cell < end;

    private void Protect(int month)
    {
        stage = month;
        (first, end) = (graph.StageStart[month], graph.StageStart[month + 1]);
        (firstRelation, lastRelation) = (graph.RelationStageStart[month], graph.RelationStageStart[month + 1]);
        for (var c = first; c < end; c++)
        {
            if (table.Sensitive[c] && table.States[c] == CellState.Hideable) hidden[c] = true;
        }
        var violations = new List<(int Relation, int Cell, bool Derived)>();
        var idle = new List<int>();
        while (true)
        {
            rounds++;
            WorkOut(violations, idle);
            foreach (var cell in idle)
            {
                hidden[cell] = false;
                revealed.Add(cell);
            }
            if (violations.Count == 0)
            {
                // Each relation alone is satisfied: now the relations combined, then each alone again for what that hid.
                if (!Widen()) break;
                continue;
            }
            ClearTouched();
            var (added, gaveUp) = (0, 0);
            // A violation through a cell that is itself given away this try may go when that one is protected: first the
            // others, the derived ones only when nothing else is left.
            var derivedOnly = violations.All(v => v.Derived);
            foreach (var (relation, cell, derived) in violations)
            {
                if (derived && !derivedOnly) continue;
                if (Fix(relation, cell, depth: 0)) added++;
                else if (hidden[cell] && !table.Sensitive[cell] && OfThisMonth(cell))
                {
                    // A cell hidden only to protect others that is worked out anyway protects nothing: it is shown, and what it
                    // was to protect is looked at again.
                    hidden[cell] = false;
                    revealed.Add(cell);
                    added++;
                }
                else if (givenUp.Add(relation)) gaveUp++;
            }
            // Giving up on a relation is progress too: the derived violations left behind are looked at next round.
            if (added == 0 && gaveUp == 0 && !Widen()) break;
        }
        // The month is decided: what the last try worked out, the counts it lowered and the bounds it set stay for the months
        // after (the last try found nothing to protect, so they are the month's settled ones).
        foreach (var c in freshCells) fresh[c] = false;
        freshCells.Clear();
        foreach (var (r, _) in loweredCounts) lowered[r] = false;
        loweredCounts.Clear();
        foreach (var (c, _, _) in boundLog) logged[c] = false;
        boundLog.Clear();
    }

    /// <summary>
    /// Works out every cell that one relation pins (chained), from the earlier months' settled knowledge and this month's
    /// hidden cells; lists the relations that give a protected cell away or leave a small count too narrow.
    /// </summary>
    /// <remarks>The earlier months' relations were settled with no cell left alone in any (their month ended on a try that
    /// worked everything out) and nothing to protect in them, so only this month's relations start the chain, and an earlier
    /// relation can be one to protect only where the chain reached it: the checks visit those and this month's.</remarks>
    private void WorkOut(List<(int Relation, int Cell, bool Derived)> violations, List<int> idle)
    {
        violations.Clear();
        idle.Clear();
        // Put back what the last try of this month worked out of the earlier months.
        foreach (var c in freshCells)
        {
            fresh[c] = false;
            if (c < first) known[c] = false;
        }
        freshCells.Clear();
        foreach (var (r, count) in loweredCounts)
        {
            unknownCount[r] = count;
            lowered[r] = false;
        }
        loweredCounts.Clear();
        for (var c = first; c < end; c++) known[c] = !IsUnknown(c);
        var queue = workQueue;
        var cells = graph.RelationCells;
        for (var r = firstRelation; r < lastRelation; r++)
        {
            if (unusable[r]) continue;
            var count = 0;
            for (var i = graph.RelationStart[r]; i < graph.RelationStart[r + 1]; i++)
            {
                if (!known[cells[i]]) count++;
            }
            unknownCount[r] = count;
            if (count == 1) queue.Enqueue(r);
        }
        while (queue.TryDequeue(out var r))
        {
            if (unknownCount[r] != 1) continue;
            var x = -1;
            for (var i = graph.RelationStart[r]; i < graph.RelationStart[r + 1]; i++)
            {
                if (!known[cells[i]]) x = cells[i];
            }
            known[x] = true;
            knownBy[x] = r;
            var derived = HasFresh(r);
            fresh[x] = true;
            freshCells.Add(x);
            // A cell decided in an earlier month that this month's relations give away is this month's to protect. One whose
            // others' part is 0 is all the viewer's own: working it out tells nothing, so it is no violation, and if it was
            // hidden to protect others it protects nothing and is shown again.
            if (Protected(x) && table.Values[x] > 0 && !givenUp.Contains(r)) violations.Add((r, x, derived));
            else if (hidden[x] && !table.Sensitive[x] && OfThisMonth(x)) idle.Add(x);
            for (var j = graph.CellRelationStart[x]; j < graph.CellRelationStart[x + 1]; j++)
            {
                var other = graph.CellRelations[j];
                if (other >= lastRelation || unusable[other]) continue;
                if (other < firstRelation && !lowered[other])
                {
                    lowered[other] = true;
                    loweredCounts.Add((other, unknownCount[other]));
                }
                if (--unknownCount[other] == 1) queue.Enqueue(other);
            }
        }
        loweredOrder.Clear();
        foreach (var (r, _) in loweredCounts) loweredOrder.Add(r);
        loweredOrder.Sort();
        foreach (var r in loweredOrder) CheckInterval(r, violations);
        for (var r = firstRelation; r < lastRelation; r++) CheckInterval(r, violations);
    }

    /// <summary>Whether the relation's total is known and its unknown parts leave a small count among them too narrow.</summary>
    private void CheckInterval(int r, List<(int Relation, int Cell, bool Derived)> violations)
    {
        var cells = graph.RelationCells;
        if (unusable[r] || unknownCount[r] < 2 || givenUp.Contains(r) || !known[cells[graph.RelationStart[r]]]) return;
        long sum = 0;
        var sensitive = -1;
        for (var i = graph.RelationStart[r] + 1; i < graph.RelationStart[r + 1]; i++)
        {
            var part = cells[i];
            if (known[part]) continue;
            sum += table.Values[part];
            if (table.Sensitive[part]) sensitive = part;
        }
        // The unknown parts' others' parts each lie between 0 and their sum: a small count needs that to be at least 3
        // wide. Unknown parts worth 0 together are all the viewer's own: pinned to 0 they tell it nothing.
        if (sensitive >= 0 && sum < SmallCounts.SmallestShown) violations.Add((r, sensitive, HasFresh(r)));
    }

    private bool HasFresh(int r)
    {
        for (var i = graph.RelationStart[r]; i < graph.RelationStart[r + 1]; i++)
        {
            if (fresh[graph.RelationCells[i]]) return true;
        }
        return false;
    }

    /// <summary>
    /// The relations combined (issue 10, bounds across relations): bounds every unknown cell's others' part from every
    /// relation at once (<see cref="Bound"/>), and where a small count is left narrower than
    /// <see cref="SmallCounts.SmallestShown"/>, or a hidden cell is pinned, hides one more cell of this month in a relation
    /// that bounds it that tightly (<see cref="Tight"/>), the first where a cell can be hidden. True when something was hidden.
    /// </summary>
    /// <remarks>Only this month's cells and the earlier ones this try narrowed are looked at: the others' bounds are those
    /// their month ended on, when each was wide enough or had nothing left to hide.</remarks>
    private bool Widen()
    {
        Bound();
        ClearTouched();
        var added = false;
        boundEarlier.Clear();
        foreach (var (c, _, _) in boundLog) boundEarlier.Add(c);
        boundEarlier.Sort();
        foreach (var c in boundEarlier) added |= Widen(c);
        for (var c = first; c < end; c++) added |= Widen(c);
        return added;
    }

    private bool Widen(int c)
    {
        if (known[c] || narrowLeft.Contains(c) || high[c] >= Unbounded) return false;
        var width = high[c] - low[c];
        var narrow = table.Sensitive[c] ? width < SmallCounts.SmallestShown : hidden[c] && table.Values[c] > 0 && width == 0;
        if (!narrow) return false;
        // The month's relations first, where a cell can be hidden, then the earlier months', whose cells worked out this month
        // can be protected where they were worked out.
        for (var ofMonth = 1; ofMonth >= 0; ofMonth--)
        {
            for (var j = graph.CellRelationStart[c]; j < graph.CellRelationStart[c + 1]; j++)
            {
                var r = graph.CellRelations[j];
                if (r >= lastRelation || (r >= firstRelation ? 1 : 0) != ofMonth || !Tight(r, c)) continue;
                if (Fix(r, c, depth: 0, width)) return true;
            }
        }
        narrowLeft.Add(c);
        return false;
    }

    /// <summary>
    /// Whether the relation bounds the cell as tightly as all of them together (one always does, once nothing moves). Read
    /// from the bounds alone, not from the order they were found in, so it is the same however the bounds were propagated.
    /// </summary>
    private bool Tight(int r, int cell) => !unusable[r] && UpperFrom(r, cell) == high[cell];

    /// <summary>The upper bound one relation gives the cell from the others' bounds.</summary>
    private long UpperFrom(int r, int cell)
    {
        var cells = graph.RelationCells;
        var (from, to) = (graph.RelationStart[r], graph.RelationStart[r + 1]);
        var total = cells[from];
        long sum = 0;
        if (cell == total)
        {
            for (var i = from + 1; i < to; i++)
            {
                if (high[cells[i]] >= Unbounded) return Unbounded;
                sum += high[cells[i]];
            }
            return sum;
        }
        if (high[total] >= Unbounded) return Unbounded;
        for (var i = from + 1; i < to; i++)
        {
            if (cells[i] != cell) sum += low[cells[i]];
        }
        return high[total] - sum;
    }

    /// <summary>
    /// Every unknown cell's others' part starts at [0, ∞), and each relation (total = Σ parts) narrows its cells from the
    /// others' bounds, again and again until nothing changes. Sound (every value consistent with what is shown lies within)
    /// but weaker than a linear program over the whole table, which can combine relations more tightly.
    /// </summary>
    /// <remarks>What nothing more narrows is the same whatever order the relations are taken in. The earlier months' bounds
    /// are those their month ended on, which the month's relations and what this try worked out can only narrow, so only
    /// those relations start the propagation, and it goes into the earlier months only as far as a bound moves.</remarks>
    private void Bound()
    {
        foreach (var (c, lowWas, highWas) in boundLog)
        {
            (low[c], high[c]) = (lowWas, highWas);
            logged[c] = false;
        }
        boundLog.Clear();
        for (var c = first; c < end; c++) (low[c], high[c]) = known[c] ? (table.Values[c], table.Values[c]) : (0, Unbounded);
        var queue = boundQueue;
        for (var r = firstRelation; r < lastRelation; r++)
        {
            if (unusable[r]) continue;
            queued[r] = true;
            queue.Enqueue(r);
        }
        foreach (var c in freshCells)
        {
            if (c < first) Narrow(c, table.Values[c], table.Values[c], queue);
        }
        var cells = graph.RelationCells;
        while (queue.TryDequeue(out var r))
        {
            queued[r] = false;
            var (from, to) = (graph.RelationStart[r], graph.RelationStart[r + 1]);
            var total = cells[from];
            // The parts' bounds summed, the unbounded ones counted apart so "all but one" stays exact.
            long sumLow = 0, sumHigh = 0;
            var unboundedParts = 0;
            for (var i = from + 1; i < to; i++)
            {
                var p = cells[i];
                sumLow += low[p];
                if (high[p] >= Unbounded) unboundedParts++;
                else sumHigh += high[p];
            }
            Narrow(total, sumLow, unboundedParts > 0 ? Unbounded : sumHigh, queue);
            for (var i = from + 1; i < to; i++)
            {
                var p = cells[i];
                var othersUnbounded = unboundedParts - (high[p] >= Unbounded ? 1 : 0) > 0;
                var othersHigh = othersUnbounded ? Unbounded : sumHigh - (high[p] >= Unbounded ? 0 : high[p]);
                Narrow(p, othersUnbounded ? 0 : low[total] - othersHigh, high[total] >= Unbounded ? Unbounded : high[total] - (sumLow - low[p]), queue);
            }
        }
    }

    private void Narrow(int cell, long atLeast, long atMost, Queue<int> queue)
    {
        if (atLeast <= low[cell] && atMost >= high[cell]) return;
        if (cell < first && !logged[cell])
        {
            logged[cell] = true;
            boundLog.Add((cell, low[cell], high[cell]));
        }
        low[cell] = Math.Max(low[cell], atLeast);
        high[cell] = Math.Min(high[cell], atMost);
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
        {
            var other = graph.CellRelations[j];
            if (other >= lastRelation || unusable[other] || queued[other]) continue;
            queued[other] = true;
            queue.Enqueue(other);
        }
    }

    /// <summary>Hides one more cell of this month in the relation; false when none is left to hide. With
    /// <paramref name="width"/>, the cell's interval from the relations combined, the part hidden is the one that widens it
    /// to the protection interval by itself.</summary>
    private bool Fix(int r, int cell, int depth, long? width = null)
    {
        if (touched[r]) return true;
        var cells = graph.RelationCells;
        var (from, to) = (graph.RelationStart[r], graph.RelationStart[r + 1]);
        var total = cells[from];
        long unknownSum = 0;
        for (var i = from + 1; i < to; i++)
        {
            if (!known[cells[i]] || cells[i] == cell) unknownSum += table.Values[cells[i]];
        }
        var need = width is { } w ? SmallCounts.SmallestShown - w
            : table.Sensitive[cell] || cell == total ? SmallCounts.SmallestShown - unknownSum : 1;
        // A zero widens nothing when the total is known; when the total is the unknown, any hidden part leaves it open.
        var zeroHelps = cell == total;
        int? best = null;
        for (var i = from + 1; i < to; i++)
        {
            var c = cells[i];
            if (!CanHide(c) || (table.Values[c] == 0 && (!zeroHelps || PinnedToZero(c))) || WouldBeWorkedOut(c, r)) continue;
            if (best is not { } b || Better(c, b, need)) best = c;
        }
        if (best is null && total != cell && CanHide(total) && table.Values[total] > 0 && !WouldBeWorkedOut(total, r)) best = total;
        if (best is { } chosen)
        {
            Hide(chosen);
            return true;
        }
        // Nothing of this month here: the relation pins the cell only through cells worked out elsewhere this month; protect
        // one of those where it was worked out.
        if (depth >= 4) return false;
        for (var i = from; i < to; i++)
        {
            var c = cells[i];
            if (c == cell || !fresh[c]) continue;
            if (Fix(knownBy[c], c, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether another relation has every other cell known for good (the viewer's own, or shown in an earlier month), so
    /// hiding a cell of this month would protect nothing.
    /// </summary>
    private bool WouldBeWorkedOut(int cell, int except)
    {
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
        {
            var r = graph.CellRelations[j];
            if (r == except || r >= lastRelation || unusable[r]) continue;
            var others = true;
            for (var i = graph.RelationStart[r]; i < graph.RelationStart[r + 1] && others; i++)
            {
                var c = graph.RelationCells[i];
                if (c != cell && !(table.States[c] == CellState.Known || (c < first && known[c]))) others = false;
            }
            if (others) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a zero is in a relation whose total is 0 (its own, when it is a total): every part of it is 0, so hiding the
    /// zero gives nothing away that is not worked out again, and hiding a zero total would hide zeros all the way down.
    /// </summary>
    private bool PinnedToZero(int cell)
    {
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
        {
            var r = graph.CellRelations[j];
            if (!unusable[r] && table.Values[graph.RelationCells[graph.RelationStart[r]]] == 0) return true;
        }
        return false;
    }

    private bool CanHide(int cell) =>
        table.States[cell] == CellState.Hideable && !hidden[cell] && OfThisMonth(cell) && !revealed.Contains(cell);

    // Smaller is better: a part worth the missing protection by itself (the smallest), else the largest; ties by cell number.
    private bool Better(int candidate, int best, long need)
    {
        var (a, b) = (table.Values[candidate], table.Values[best]);
        var (aEnough, bEnough) = (a >= need, b >= need);
        if (aEnough != bEnough) return aEnough;
        if (a != b) return aEnough ? a < b : a > b;
        return candidate < best;
    }

    private void Hide(int cell)
    {
        hidden[cell] = true;
        secondary++;
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
        {
            var r = graph.CellRelations[j];
            if (touched[r]) continue;
            touched[r] = true;
            touchedRelations.Add(r);
        }
    }

    private void ClearTouched()
    {
        foreach (var r in touchedRelations) touched[r] = false;
        touchedRelations.Clear();
    }
}
