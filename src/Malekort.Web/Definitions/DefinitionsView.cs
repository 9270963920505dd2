using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Leader;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Definitions;

/// <summary>One version of a national indicator's definition as <c>/definisjoner</c> lists it.</summary>
/// <param name="Code">Its code: the indicator's for version 1, <c>B.102.v3</c> for a later one.</param>
/// <param name="Version">Its number.</param>
/// <param name="Validity">The months it applies in, in words.</param>
/// <param name="Numerator">What its numerator counts, or the formula it was added with.</param>
/// <param name="Denominator">What its denominator counts.</param>
/// <param name="Change">What changed from the version before; empty for version 1.</param>
/// <param name="Added">Who added it and when, for a version added in the browser; «i programmet» for one declared in code.</param>
/// <param name="Computed">Whether it is computed: false for an added version whose formula no longer checks.</param>
public sealed record DefinitionVersionLine(string Code, int Version, string Validity, string Numerator, string Denominator, string Change, string Added,
    bool Computed)
{
    public string Id => DefinitionsView.RowId(Code);
}

/// <summary>A national indicator and every version of its definition, first to last.</summary>
public sealed record DefinitionGroup(string Code, string Name, IReadOnlyList<DefinitionVersionLine> Versions);

/// <summary>What <c>/definisjoner</c> shows: every national indicator with its versions, and for the directorate the way to add one.</summary>
public sealed record DefinitionsView(IReadOnlyList<DefinitionGroup> Groups, bool MayAdd, string? Added, Selection Selection, PageFooter Footer)
{
    /// <summary>The row of a version: <c>definisjon-B-102-v3</c>.</summary>
    public static string RowId(string code) => $"definisjon-{code.Replace('.', '-')}";

    internal static DefinitionsView Of(ScorecardSnapshot snapshot, bool mayAdd, string? added)
    {
        var computed = snapshot.National.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var stored = snapshot.NationalVersions.ToLookup(v => v.VersionOf, StringComparer.Ordinal);
        var groups = IndicatorCatalog.Declared.Select(d => new DefinitionGroup(d.Code, d.Name,
        [
            Line(d, ""),
            .. d.LaterVersions.Select(v => Line(IndicatorCatalog.Get($"{d.Code}.v{v.Number}"), v.Change)),
            .. stored[d.Code].OrderBy(v => v.Number).Select(v => new DefinitionVersionLine(v.Code, v.Number, Validity(v.From, null),
                $"Formel: {v.Formula}", d.Denominator, v.Change, $"{v.AddedBy}, {NorwegianFormat.Instant(v.AddedAt)}", computed.Contains(v.Code))),
        ])).ToList();
        return new DefinitionsView(groups, mayAdd, added, Selection.None, PageFooter.Of(snapshot));
    }

    private static DefinitionVersionLine Line(IndicatorDefinition d, string change) =>
        new(d.Code, d.Version, Validity(d.ValidFrom, d.ValidUntil), d.Numerator, d.Denominator, change, "i programmet", true);

    /// <summary>«fra mars 2025», «mars 2025 – desember 2025», «alle måneder».</summary>
    internal static string Validity(Month? from, Month? until) => (from, until) switch
    {
        (null, null) => "alle måneder",
        ({ } f, null) => $"fra {NorwegianFormat.Month(f)}",
        (null, { } u) => $"til og med {NorwegianFormat.Month(u)}",
        ({ } f, { } u) => $"{NorwegianFormat.Month(f)} – {NorwegianFormat.Month(u)}",
    };
}

/// <summary>The new version form's fields as typed, so a refused form shows them again.</summary>
public sealed record NationalVersionFields(string Indicator, string From, string Formula, string Change)
{
    public const string IndicatorField = "indikator";
    public const string FromField = "fra";
    public const string FormulaField = "formel";
    public const string ChangeField = "endring";

    public static NationalVersionFields Empty { get; } = new("", "", "", "");

    internal static NationalVersionFields Read(Microsoft.AspNetCore.Http.IFormCollection form) => new(form[IndicatorField].ToString(),
        form[FromField].ToString(), form[FormulaField].ToString(), form[ChangeField].ToString());

    /// <summary>
    /// The version the fields add, numbered after every version declared or ever stored, or every problem beside its field: a first
    /// month as ÅÅÅÅ-MM from 2000, and the rest <see cref="NationalVersions.Check"/>'s (a formula's problems with their column).
    /// </summary>
    internal (NationalVersion? Version, IReadOnlyList<FieldError> Errors) Check(string who, DateTimeOffset now, IReadOnlyList<NationalVersion> inForce,
        IReadOnlyList<NationalVersion> everStored)
    {
        var errors = new List<FieldError>();
        var code = Indicator.Trim();
        if (!Month.TryParse(From.Trim(), out var from) || from.Year < 2000)
            errors.Add(new(FromField, string.IsNullOrWhiteSpace(From) ? "Skriv den første måneden versjonen gjelder, som ÅÅÅÅ-MM (for eksempel 2025-03)."
                : $"«{From.Trim()}» er ikke en måned fra år 2000 på formen ÅÅÅÅ-MM (for eksempel 2025-03)."));
        var candidate = new NationalVersion(code, NationalVersions.Next(code, everStored), from, Formula.Trim(), Change.Trim(), who, now);
        errors.AddRange(NationalVersions.Check(candidate, inForce).Select(e => new FieldError(e.Field, e.ToString())));
        return errors.Count == 0 ? (candidate, []) : (null, errors);
    }
}

/// <summary>What <c>/definisjoner/ny</c> shows the directorate: the form, filled as typed when it was refused.</summary>
public sealed record NationalVersionView(AntiforgeryTokenSet Form, NationalVersionFields Fields, IReadOnlyList<FieldError> Errors, Selection Selection,
    PageFooter Footer)
{
    /// <summary>The national indicators a version can be added to (first versions only), in the catalogue's order.</summary>
    public static IReadOnlyList<IndicatorDefinition> Indicators => IndicatorCatalog.Declared;

    /// <summary>The codes a formula may name, for the form's help.</summary>
    public static string Codes => OwnIndicatorsView.Codes;

    /// <summary>Every problem with the field, one after the other; null when it has none.</summary>
    public string? ErrorOf(string field) =>
        Errors.Where(e => e.FieldId == field).Select(e => e.Message).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    internal static NationalVersionView Of(ScorecardSnapshot snapshot, AntiforgeryTokenSet form, NationalVersionFields? fields, IReadOnlyList<FieldError> errors) =>
        new(form, fields ?? NationalVersionFields.Empty, errors, Selection.None, PageFooter.Of(snapshot));
}
