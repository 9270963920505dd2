namespace Malekort.Confidentiality;

/// <summary>What a reader of a cell knows about it before anything is hidden.</summary>
internal enum CellState : byte
{
    /// <summary>Published, and may be hidden (outside the viewer's own units).</summary>
    Hideable,
    /// <summary>Known to the viewer whatever is hidden: its own units' numbers; also a cell without a value.</summary>
    Known,
    /// <summary>Never published, but a count all the same (BL151 − BL166: recipients who are not long-term).</summary>
    Unpublished,
}

/// <summary>The cells and relations of a <see cref="RelationGraph"/> as one viewer sees them before anything is hidden.</summary>
/// <param name="Graph">The cells and their relations.</param>
/// <param name="Values">Each cell's value as far as the viewer does not know it (never negative): the others' part, what is
/// left when the viewer's own persons are taken off (<see cref="DisclosurePlan"/>).</param>
/// <param name="States">What the viewer knows of each cell.</param>
/// <param name="Sensitive">The cells the primary rule protects: counts of 1–2 outside the viewer's own units.</param>
internal sealed record SuppressionTable(RelationGraph Graph, long[] Values, CellState[] States, bool[] Sensitive)
{
    /// <summary>Per relation, whether the viewer cannot use it (it adds up, but not for the viewer's own part); none when null.</summary>
    public bool[]? Unusable { get; init; }
}
