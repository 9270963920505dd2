namespace Malekort.Web.Api;

// The JSON the API returns. Numbers are JSON numbers (invariant); a part not captured or suppressed is null, never 0.

internal sealed record UnitJson(string Code, string Name, string Kind, string LatestMonth, bool Restricted);

internal sealed record UnitsJson(long DataVersion, string? FirstMonth, string? LastMonth, IReadOnlyList<UnitJson> Units);

internal sealed record ThresholdJson(string Direction, decimal Green, decimal Red, string SetBy, string Description);

internal sealed record TargetJson(decimal Value, double? Attainment);

internal sealed record NoteJson(string Code, string Text);

internal sealed record TrendJson(string Month, long? Numerator, long? Denominator, double? Value, bool Suppressed);

internal sealed record IndicatorJson(
    string Code,
    string Name,
    string Kind,
    bool Core,
    long? Numerator,
    long? Denominator,
    double? Value,
    string Colour,
    string ColourText,
    bool Suppressed,
    IReadOnlyList<NoteJson> Notes,
    string NumeratorDefinition,
    string DenominatorDefinition,
    ThresholdJson? Threshold,
    TargetJson? Target,
    IReadOnlyList<TrendJson> Trend);

internal sealed record ScorecardJson(UnitJson Unit, string Month, string DefinitionVersion, long DataVersion, IReadOnlyList<IndicatorJson> Indicators);
