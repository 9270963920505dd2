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
/// same every time. A relation narrower than this (intervals combined across relations, as a linear program would) is not
/// searched: docs/decisions.md says so.</para>
/// </remarks>
internal sealed class ComplementarySuppression
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
    // Relations of the months decided so far and the one being decided.
    private int lastRelation;
    private int rounds;
    private int secondary;

    private ComplementarySuppression(SuppressionTable table)
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
        for (var c = 0; c < cells; c++) settled[c] = !IsUnknown(c);
    }

    /// <summary>Which cells are hidden: the sensitive ones that may be hidden, and those hidden to protect them.</summary>
    public bool[] Hidden => hidden;

    /// <summary>How many relations were given up because nothing of the month was left to hide in them (the cell they pinned
    /// may still be protected through another relation; the proof checks what is shown, not this count).</summary>
    public int Unprotected => givenUp.Count;

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
            if (violations.Count == 0) break;
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
            if (added == 0 && gaveUp == 0) break;
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

    /// <summary>Hides one more cell of this month in the relation; false when none is left to hide.</summary>
    private bool Fix(int r, int cell, int stage, int depth)
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
        var need = table.Sensitive[cell] || cell == total ? SmallCounts.SmallestShown - unknownSum : 1;
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
