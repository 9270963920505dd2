namespace Malekort.Import.Limits;

/// <summary>
/// Every bound an input meets, in one place: they keep one hostile or broken input from exhausting memory, disk or time,
/// and are set far above what a real extract holds, so a national extract never meets them (<c>docs/operations.md</c>,
/// "Limits"). An input past a limit is rejected whole with a finding that names the limit.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The first findings of each kind (severity, file, column and rule) that are listed; the rest are counted
    /// (<see cref="BoundedFindings"/>).
    /// </summary>
    public const int FindingsPerKind = 100;

    /// <summary>The most findings listed for one input, of all kinds together; the rest are counted.</summary>
    public const int FindingsListed = 5_000;

    /// <summary>
    /// The largest file an input may hold, on disk or unpacked from a zip: ten times the largest municipality's yearly
    /// payments file.
    /// </summary>
    public const long FileBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The largest file of the formats that are small by nature: SSB population (by age for every municipality, a megabyte
    /// a year), the office register and a Digisos application (a few kilobytes).
    /// </summary>
    public const long SmallFileBytes = 64L * 1024 * 1024;

    /// <summary>All files of one input together (a batch folder or zip, unpacked).</summary>
    public const long InputBytes = 1024L * 1024 * 1024;

    /// <summary>The most entries a zip may have: a capture batch has at most a dozen files.</summary>
    public const int ZipEntries = 1_000;

    /// <summary>
    /// How many times larger than its compressed size a zip entry may unpack to. CSV extracts compress 5–15 times; one row
    /// repeated a million times, 200–350 times; a zip bomb, a thousand.
    /// </summary>
    public const int ZipExpansion = 100;

    /// <summary>Entries smaller than this unpacked are never refused for their expansion: tiny files compress extremely.</summary>
    public const long ZipExpansionFloorBytes = 1024L * 1024;

    /// <summary>The most data rows one CSV or KOSTRA file may have: more than all of the country's payments in three years.</summary>
    public const int RowsPerFile = 5_000_000;

    /// <summary>The most values a JSON-stat population table may have: SSB's table 07459 in full has about nine million.</summary>
    public const int JsonStatValues = 10_000_000;

    /// <summary>How deeply JSON may nest: Digisos and JSON-stat files nest 6 levels, batch.json one.</summary>
    public const int JsonDepth = 64;

    /// <summary>
    /// The most months one batch may cover (from its first to its last day): ten years. A longer history arrives as
    /// several batches.
    /// </summary>
    public const int BatchMonths = 120;

    /// <summary>No captured period or event may be dated before this: the indicators start long after.</summary>
    public static DateOnly EarliestDate { get; } = new(2000, 1, 1);

    /// <summary>
    /// How far after the import time an extract time or an event may lie, for clocks that are a little off and time
    /// zones: a day.
    /// </summary>
    public static TimeSpan FutureTolerance { get; } = TimeSpan.FromDays(1);
}
