using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>
/// What the rules check a record against. SSB's program gets the årgang and region from the portal; the reader has no
/// portal, so it takes them from the file's first record (see <c>docs/formats/kostra.md</c>, rules 003 and 004).
/// </summary>
/// <param name="Layout">The layout the file is read with.</param>
/// <param name="Year">The reporting year: 2000 + the first record's VERSION.</param>
/// <param name="Unit">The first record's unit (KOMMUNE_NR, or 0301 + BYDELSNR), or null when it names none.</param>
internal sealed record RuleContext(KostraLayout Layout, int Year, UnitCode? Unit)
{
    public const string Oslo = "0301";

    /// <summary>Whether the file is an Oslo district's (rules 005A, 005B, 014–016 of 11CF skip Oslo).</summary>
    public bool IsOslo => Unit is { } unit && unit.Value.StartsWith(Oslo, StringComparison.Ordinal);
}
