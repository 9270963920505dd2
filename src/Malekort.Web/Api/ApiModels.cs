namespace Malekort.Web.Api;

// The JSON the API returns. Numbers are JSON numbers (invariant); a part not captured or suppressed is null, never 0.

internal sealed record UnitJson(string Code, string Name, string Kind, string LatestMonth, bool Restricted);

internal sealed record UnitsJson(long DataVersion, string? FirstMonth, string? LastMonth, IReadOnlyList<UnitJson> Units);

internal sealed record ThresholdJson(string Direction, decimal Green, decimal Red, string SetBy, string Description);

/// <summary>A target and its attainment in the indicator's direction; <c>Reached</c> and <c>Text</c> ("nådd"/"ikke nådd") are null when not judged.</summary>
internal sealed record TargetJson(decimal Value, double? Attainment, bool? Reached, string? Text);

internal sealed record NoteJson(string Code, string Text);

// Reason: why Value is null (notCaptured, shortHistory, noDenominator, zeroDenominator, suppressed), else null.
internal sealed record TrendJson(string Month, long? Numerator, long? Denominator, double? Value, string? Reason, bool Suppressed);

internal sealed record IndicatorJson(
    string Code,
    string Name,
    string Kind,
    bool Core,
    long? Numerator,
    long? Denominator,
    double? Value,
    string? Reason,
    string Colour,
    string ColourText,
    bool Suppressed,
    bool Incomplete,
    int UnitsIncluded,
    int UnitsTotal,
    IReadOnlyList<NoteJson> Notes,
    string NumeratorDefinition,
    string DenominatorDefinition,
    ThresholdJson? Threshold,
    string? ThresholdNote,
    TargetJson? Target,
    IReadOnlyList<TrendJson> Trend,
    DefinitionVersionJson Definition)
{
    /// <summary>The value typed by a person for the unit and month, if one was: null otherwise.</summary>
    public ManualJson? Manual { get; init; }

    /// <summary>
    /// Where the numbers come from: <c>kostra</c> when a central instance took them (or, for a sum, some of its units') from
    /// KOSTRA-level aggregates, <c>lokal</c> when captured in a Målekort (issue 15 item 5).
    /// </summary>
    public string Source { get; init; } = "lokal";
}

/// <summary>Which version of the indicator's definition the row is (issue 11 item 7): a later version is its own row, beside the first.</summary>
internal sealed record DefinitionVersionJson(int Version, string? VersionOf, string? ValidFrom, string? ValidUntil);

/// <summary>Who typed a manual value and when; <c>Replaced</c> when captured data has replaced it (issue 11 item 4).</summary>
internal sealed record ManualJson(string EnteredBy, DateTimeOffset EnteredAt, bool Replaced);

internal sealed record ScorecardJson(UnitJson Unit, string Month, string DefinitionVersion, long DataVersion, IReadOnlyList<IndicatorJson> Indicators);
