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
/// <param name="Values">Each cell's value (never negative).</param>
/// <param name="States">What the viewer knows of each cell.</param>
/// <param name="Sensitive">The cells the primary rule protects: counts of 1–2 outside the viewer's own units.</param>
internal sealed record SuppressionTable(RelationGraph Graph, long[] Values, CellState[] States, bool[] Sensitive);
