namespace Malekort.Confidentiality;

/// <summary>
/// <see cref="ComplementarySuppression"/> as it was before it was made incremental (issue 14): every round works out and
/// bounds the whole table from month 0 (hiding, where the relations combined leave a cell too narrow, in a relation that bounds
/// it as tightly as all of them: the month's in turn, then the earlier ones). Kept only here, as the plain reference the incremental
/// one must match bit for bit.
/// </summary>
internal sealed class PlainComplementarySuppression
{
    private readonly SuppressionTable table;
    private readonly RelationGraph graph;
    private readonly bool[] hidden;
    private readonly int[] cellStage;
    private readonly int[] relationStage;
    // Per cell: worked out exactly by the reader (settled for earlier months, this try for the month being decided).
    private readonly bool[] settled;
    private readonly bool[] known;
    private readonly int[] knownBy;
    // Per cell: worked out in this try, through a relation of the month being decided.
    private readonly bool[] fresh;
    private readonly List<int> freshCells = [];
    private readonly int[] unknownCount;
    private readonly bool[] touched;
    private readonly bool[] unusable;
    private readonly HashSet<int> givenUp = [];
    private readonly HashSet<int> revealed = [];
    // Bounds on every cell's others' part from every relation at once, and the relation that set each (or -1).
    private const long Unbounded = long.MaxValue / 4;
    private readonly long[] low;
    private readonly long[] high;
    private readonly int[] highBy;
    private readonly bool[] queued;
    // Cells left narrower than the protection interval because nothing was left to hide where their bound came from.
    private readonly HashSet<int> narrowLeft = [];
    // Relations of the months decided so far and the one being decided.
    private int lastRelation;
    private int rounds;
    private int secondary;

    private PlainComplementarySuppression(SuppressionTable table)
    {
        this.table = table;
        graph = table.Graph;
        var cells = graph.CellCount;
        hidden = new bool[cells];
        settled = new bool[cells];
        known = new bool[cells];
        knownBy = new int[cells];
        fresh = new bool[cells];
        cellStage = new int[cells];
        for (var s = 0; s < graph.Stages; s++) Array.Fill(cellStage, s, graph.StageStart[s], graph.StageStart[s + 1] - graph.StageStart[s]);
        relationStage = new int[graph.RelationCount];
        for (var s = 0; s < graph.Stages; s++)
        {
            var (from, to) = (graph.RelationStageStart[s], graph.RelationStageStart[s + 1]);
            Array.Fill(relationStage, s, from, to - from);
        }
        unknownCount = new int[graph.RelationCount];
        touched = new bool[graph.RelationCount];
        unusable = table.Unusable ?? new bool[graph.RelationCount];
        low = new long[cells];
        high = new long[cells];
        highBy = new int[cells];
        queued = new bool[graph.RelationCount];
        for (var c = 0; c < cells; c++) settled[c] = !IsUnknown(c);
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
    public static PlainComplementarySuppression Run(SuppressionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var run = new PlainComplementarySuppression(table);
        for (var stage = 0; stage < table.Graph.Stages; stage++) run.Protect(stage);
        return run;
    }

    private bool IsUnknown(int cell) => table.States[cell] == CellState.Unpublished || hidden[cell];

    private bool Protected(int cell) => hidden[cell] || table.Sensitive[cell];

    private void Protect(int stage)
    {
        var (first, end) = (graph.StageStart[stage], graph.StageStart[stage + 1]);
        for (var c = first; c < end; c++)
        {
            if (table.Sensitive[c] && table.States[c] == CellState.Hideable) hidden[c] = true;
        }
        lastRelation = graph.RelationStageStart[stage + 1];
        var violations = new List<(int Relation, int Cell, bool Derived)>();
        var idle = new List<int>();
        while (true)
        {
            rounds++;
            WorkOut(first, end, violations, idle);
            foreach (var cell in idle)
            {
                hidden[cell] = false;
                revealed.Add(cell);
            }
            if (violations.Count == 0)
            {
                // Each relation alone is satisfied: now the relations combined, then each alone again for what that hid.
                if (!Widen(stage, end)) break;
                continue;
            }
            Array.Clear(touched);
            var (added, gaveUp) = (0, 0);
            // A violation through a cell that is itself given away this try may go when that one is protected: first the
            // others, the derived ones only when nothing else is left.
            var derivedOnly = violations.All(v => v.Derived);
            foreach (var (relation, cell, derived) in violations)
            {
                if (derived && !derivedOnly) continue;
                if (Fix(relation, cell, stage, depth: 0)) added++;
                else if (hidden[cell] && !table.Sensitive[cell] && cellStage[cell] == stage)
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
            if (added == 0 && gaveUp == 0 && !Widen(stage, end)) break;
        }
        // The month is decided: what the reader works out of it stays worked out for the months after.
        Array.Copy(known, settled, end);
    }

    /// <summary>
    /// Works out every cell that one relation pins (chained), from the earlier months' settled knowledge and this month's
    /// hidden cells; lists the relations that give a protected cell away or leave a small count too narrow.
    /// </summary>
    private void WorkOut(int first, int end, List<(int Relation, int Cell, bool Derived)> violations, List<int> idle)
    {
        violations.Clear();
        idle.Clear();
        foreach (var c in freshCells) fresh[c] = false;
        freshCells.Clear();
        Array.Copy(settled, known, first);
        for (var c = first; c < end; c++) known[c] = !IsUnknown(c);
        var queue = new Queue<int>();
        var cells = graph.RelationCells;
        for (var r = 0; r < lastRelation; r++)
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
            else if (hidden[x] && !table.Sensitive[x] && x >= first && x < end) idle.Add(x);
            for (var j = graph.CellRelationStart[x]; j < graph.CellRelationStart[x + 1]; j++)
            {
                var other = graph.CellRelations[j];
                if (other < lastRelation && !unusable[other] && --unknownCount[other] == 1) queue.Enqueue(other);
            }
        }
        for (var r = 0; r < lastRelation; r++)
        {
            if (unusable[r] || unknownCount[r] < 2 || givenUp.Contains(r) || !known[cells[graph.RelationStart[r]]]) continue;
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
    /// <see cref="SmallCounts.SmallestShown"/>, or a hidden cell is pinned, hides one more cell of this month in the
    /// relation that set its upper bound. True when something was hidden.
    /// </summary>
    private bool Widen(int stage, int end)
    {
        Bound(end);
        Array.Clear(touched);
        var added = false;
        for (var c = 0; c < end; c++)
        {
            if (known[c] || narrowLeft.Contains(c) || high[c] >= Unbounded) continue;
            var width = high[c] - low[c];
            var narrow = table.Sensitive[c] ? width < SmallCounts.SmallestShown : hidden[c] && table.Values[c] > 0 && width == 0;
            if (!narrow) continue;
            if (TightFix(c, stage, width)) added = true;
            else narrowLeft.Add(c);
        }
        return added;
    }

    /// <summary>Hides in a relation that bounds the cell as tightly as all together: the month's first that has a cell to
    /// hide, else an earlier month's.</summary>
    private bool TightFix(int cell, int stage, long width)
    {
        var firstRelation = graph.RelationStageStart[stage];
        foreach (var ofMonth in new[] { true, false })
        {
            for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
            {
                var r = graph.CellRelations[j];
                if (r >= lastRelation || r >= firstRelation != ofMonth || unusable[r] || UpperFrom(r, cell) != high[cell]) continue;
                if (Fix(r, cell, stage, depth: 0, width)) return true;
            }
        }
        return false;
    }

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
    private void Bound(int end)
    {
        for (var c = 0; c < end; c++)
        {
            (low[c], high[c]) = known[c] ? (table.Values[c], table.Values[c]) : (0, Unbounded);
            highBy[c] = -1;
        }
        var queue = new Queue<int>();
        for (var r = 0; r < lastRelation; r++)
        {
            queued[r] = !unusable[r];
            if (queued[r]) queue.Enqueue(r);
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
            Narrow(total, sumLow, unboundedParts > 0 ? Unbounded : sumHigh, r, queue);
            for (var i = from + 1; i < to; i++)
            {
                var p = cells[i];
                var othersUnbounded = unboundedParts - (high[p] >= Unbounded ? 1 : 0) > 0;
                var othersHigh = othersUnbounded ? Unbounded : sumHigh - (high[p] >= Unbounded ? 0 : high[p]);
                Narrow(p, othersUnbounded ? 0 : low[total] - othersHigh, high[total] >= Unbounded ? Unbounded : high[total] - (sumLow - low[p]), r, queue);
            }
        }
    }

    private void Narrow(int cell, long atLeast, long atMost, int r, Queue<int> queue)
    {
        var moved = false;
        if (atLeast > low[cell])
        {
            low[cell] = atLeast;
            moved = true;
        }
        if (atMost < high[cell])
        {
            high[cell] = atMost;
            highBy[cell] = r;
            moved = true;
        }
        if (!moved) return;
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
    private bool Fix(int r, int cell, int stage, int depth, long? width = null)
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
            if (!CanHide(c, stage) || (table.Values[c] == 0 && (!zeroHelps || PinnedToZero(c))) || WouldBeWorkedOut(c, r)) continue;
            if (best is not { } b || Better(c, b, need)) best = c;
        }
        if (best is null && total != cell && CanHide(total, stage) && table.Values[total] > 0 && !WouldBeWorkedOut(total, r)) best = total;
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
            if (Fix(knownBy[c], c, stage, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether another relation has every other cell known for good (the viewer's own, or shown in an earlier month), so
    /// hiding the cell would protect nothing.
    /// </summary>
    private bool WouldBeWorkedOut(int cell, int except)
    {
        var stage = cellStage[cell];
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++)
        {
            var r = graph.CellRelations[j];
            if (r == except || r >= lastRelation || unusable[r]) continue;
            var others = true;
            for (var i = graph.RelationStart[r]; i < graph.RelationStart[r + 1] && others; i++)
            {
                var c = graph.RelationCells[i];
                if (c != cell && !(table.States[c] == CellState.Known || (cellStage[c] < stage && known[c]))) others = false;
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

    private bool CanHide(int cell, int stage) =>
        table.States[cell] == CellState.Hideable && !hidden[cell] && cellStage[cell] == stage && !revealed.Contains(cell);

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
        for (var j = graph.CellRelationStart[cell]; j < graph.CellRelationStart[cell + 1]; j++) touched[graph.CellRelations[j]] = true;
    }
}
