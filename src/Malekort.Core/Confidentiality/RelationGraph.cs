namespace Malekort.Confidentiality;

/// <summary>
/// Cells tied by additive relations (a total is the sum of its parts), as complementary suppression sees them. Cells are
/// numbered stage by stage (a stage is a month): the cells of stage <c>s</c> are <c>StageStart[s] .. StageStart[s + 1] − 1</c>,
/// and every relation belongs to the latest stage of its cells. Built once, read by every viewer's suppression.
/// </summary>
internal sealed class RelationGraph
{
    private readonly List<int> relationStart = [0];
    private readonly List<int> relationCells = [];
    private readonly List<int> relationStageStart = [0];

    /// <summary>A graph of <c>stageStart[^1]</c> cells in <c>stageStart.Length − 1</c> stages.</summary>
    public RelationGraph(int[] stageStart)
    {
        ArgumentNullException.ThrowIfNull(stageStart);
        StageStart = stageStart;
    }

    /// <summary>Where each stage's cells begin, and the number of cells at the end.</summary>
    public int[] StageStart { get; }

    /// <summary>The number of stages.</summary>
    public int Stages => StageStart.Length - 1;

    /// <summary>The number of cells.</summary>
    public int CellCount => StageStart[^1];

    /// <summary>The number of relations.</summary>
    public int RelationCount { get; private set; }

    /// <summary>After <see cref="Seal"/>: relation <c>r</c>'s cells are <c>RelationCells[RelationStart[r] ..
    /// RelationStart[r + 1] − 1]</c>, the total first.</summary>
    public int[] RelationStart { get; private set; } = [];

    /// <summary>After <see cref="Seal"/>: every relation's cells, the total first.</summary>
    public int[] RelationCells { get; private set; } = [];

    /// <summary>After <see cref="Seal"/>: where each stage's relations begin, and the relation count at the end.</summary>
    public int[] RelationStageStart { get; private set; } = [];

    /// <summary>After <see cref="Seal"/>: the relations of cell <c>c</c> are <c>CellRelations[CellRelationStart[c] ..
    /// CellRelationStart[c + 1] − 1]</c>.</summary>
    public int[] CellRelationStart { get; private set; } = [];

    /// <summary>After <see cref="Seal"/>: every cell's relations.</summary>
    public int[] CellRelations { get; private set; } = [];

    /// <summary>The stage a cell belongs to.</summary>
    public int StageOf(int cell)
    {
        var stage = Array.BinarySearch(StageStart, cell);
        if (stage < 0) return ~stage - 1;
        // Empty stages share a start: the cell belongs to the last of them.
        while (stage + 1 < Stages && StageStart[stage + 1] == cell) stage++;
        return stage;
    }

    /// <summary>Adds <c>total = Σ parts</c>; relations must be added stage by stage, in order.</summary>
    /// <exception cref="InvalidOperationException">The relation's latest stage is before one already added.</exception>
    public void Add(int total, ReadOnlySpan<int> parts)
    {
        var stage = StageOf(total);
        foreach (var part in parts) stage = Math.Max(stage, StageOf(part));
        if (stage < relationStageStart.Count - 1) throw new InvalidOperationException("Relasjonene må legges til trinn for trinn.");
        while (relationStageStart.Count - 1 < stage) relationStageStart.Add(RelationCount);
        relationCells.Add(total);
        foreach (var part in parts) relationCells.Add(part);
        relationStart.Add(relationCells.Count);
        RelationCount++;
    }

    /// <summary>Ends adding: makes the arrays the suppression reads.</summary>
    public RelationGraph Seal()
    {
        while (relationStageStart.Count < StageStart.Length) relationStageStart.Add(RelationCount);
        RelationStart = [.. relationStart];
        RelationCells = [.. relationCells];
        RelationStageStart = [.. relationStageStart];
        var next = new int[CellCount + 1];
        foreach (var cell in RelationCells) next[cell + 1]++;
        for (var c = 0; c < CellCount; c++) next[c + 1] += next[c];
        CellRelationStart = (int[])next.Clone();
        CellRelations = new int[RelationCells.Length];
        for (var r = 0; r < RelationCount; r++)
        {
            for (var i = RelationStart[r]; i < RelationStart[r + 1]; i++) CellRelations[next[RelationCells[i]]++] = r;
        }
        relationStart.Clear();
        relationCells.Clear();
        return this;
    }
}
