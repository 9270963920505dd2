using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Malekort.Web.Api;

/// <summary>
/// The API's JSON: web defaults (camelCase), æ, ø and å written as they are, and the metadata of every API type generated at
/// build time instead of found by reflection on the first request.
/// </summary>
internal static class ApiJson
{
    /// <summary>Keeps Norwegian letters readable; characters that matter in HTML are still escaped.</summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The options every API response is written with (the framework's, for the endpoints that return objects).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder,
        TypeInfoResolver = ApiJsonContext.Default,
    };

    public static JsonTypeInfo<ScorecardJson> Scorecard { get; } = (JsonTypeInfo<ScorecardJson>)Options.GetTypeInfo(typeof(ScorecardJson));

    public static JsonTypeInfo<UnitsJson> Units { get; } = (JsonTypeInfo<UnitsJson>)Options.GetTypeInfo(typeof(UnitsJson));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ScorecardJson))]
[JsonSerializable(typeof(UnitsJson))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
