using System.Text.Json;
using System.Text.Json.Serialization;

namespace Malekort.Web.Federation;

/// <summary>
/// The delivery document, <c>malekort-aggregat</c> version 1 (docs/federation.md): one revision of one office's published
/// month, as numerators and denominators of the office and each unit it serves. It has no field for anything about a person,
/// and a reader refuses any field it does not know, so nothing else can travel in it.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Versjon">The document version, <see cref="CurrentVersion"/>.</param>
/// <param name="Kontor">The office, <c>NAV-nnnn</c>.</param>
/// <param name="Maned">The month, <c>yyyy-MM</c>.</param>
/// <param name="Revisjon">The office's revision of the month, 1 for the first approval.</param>
/// <param name="Publisert">When the office published it.</param>
/// <param name="Definisjonsversjon">The definitions that produced the numbers.</param>
/// <param name="Innholdshash">SHA-256 of the numbers in canonical form (<c>PublicationFingerprint</c>), hex.</param>
/// <param name="Enheter">The office first, then each unit it serves.</param>
internal sealed record AggregateDocument(
    string Format, int Versjon, string Kontor, string Maned, int Revisjon, DateTimeOffset Publisert, string Definisjonsversjon,
    string Innholdshash, IReadOnlyList<UnitNumbersJson> Enheter)
{
    public const string FormatName = "malekort-aggregat";

    public const int CurrentVersion = 1;

    /// <summary>The largest document a central instance reads: a national office has ~20 units × ~40 indicators, far below.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How deep the JSON may nest: the document itself is four levels.</summary>
    public const int MaxDepth = 8;
}

/// <summary>One unit's numbers in the document.</summary>
/// <param name="Enhet">The office, or a municipality or district it serves.</param>
/// <param name="Verdier">One entry per indicator.</param>
internal sealed record UnitNumbersJson(string Enhet, IReadOnlyList<NumbersJson> Verdier);

/// <summary>One indicator's numbers.</summary>
/// <param name="Indikator">The indicator's code.</param>
/// <param name="Teller">The numerator; null when not captured or not computed.</param>
/// <param name="Nevner">The denominator; null when not captured.</param>
/// <param name="Verdi">The value the office's scorecard showed (numerator ÷ denominator × factor); part of the content hash.</param>
/// <param name="Merknader">How the value was made (<c>olderPopulation</c>, <c>partialCoverage</c>, …).</param>
/// <param name="Dekning">How many of the unit's units contributed: 1 of 1 (or 0 of 1) for a unit, n of m for the office.</param>
internal sealed record NumbersJson(string Indikator, long? Teller, long? Nevner, double? Verdi, IReadOnlyList<string> Merknader, CoverageJson Dekning);

/// <summary>Coverage: <see cref="Med"/> of <see cref="Av"/> units contributed.</summary>
internal sealed record CoverageJson(int Med, int Av);

/// <summary>The document's JSON: camelCase, metadata generated at build time, unknown fields refused.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AggregateDocument))]
internal sealed partial class AggregateJsonContext : JsonSerializerContext;
