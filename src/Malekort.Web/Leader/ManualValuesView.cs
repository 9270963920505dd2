using Malekort.Indicators;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Leader;

/// <summary>One manual value as the page lists it: what was typed, by whom and when, and whether the scorecard uses it.</summary>
public sealed record ManualEntryLine(IndicatorDefinition Definition, Month Month, string Numerator, string Denominator, string By, string When,
    string Status, bool Replaced)
{
    public string MonthName => NorwegianFormat.Month(Month);

    /// <summary>An id for the row: <c>manuelt-B-151-2024-12</c>.</summary>
    public string Id => $"manuelt-{Definition.Code.Replace('.', '-')}-{Month}";
}

/// <summary>One entry, change or removal of a manual value as the page shows it.</summary>
public sealed record ManualHistoryLine(string When, string Indicator, string Month, string By, string Before, string After);

/// <summary>What <c>/manuelt</c> shows for one municipality or district.</summary>
public sealed record ManualValuesView(
    UnitCode Unit,
    string UnitName,
    AntiforgeryTokenSet Form,
    ManualFormFields Fields,
    IReadOnlyList<FieldError> Errors,
    string? Result,
    IReadOnlyList<ManualEntryLine> Entries,
    IReadOnlyList<ManualHistoryLine> History,
    IReadOnlyList<UnitChoice> Units,
    Selection Selection,
    PageFooter Footer)
{
    /// <summary>The page's address for the unit, with the month the form starts on.</summary>
    public static string Address(UnitCode unit, Month? month) =>
        $"{ManualValuesEndpoints.Path}?enhet={Uri.EscapeDataString(unit.Value)}{(month is { } m ? $"&maned={m}" : "")}";

    internal static ManualValuesView Of(ScorecardSnapshot snapshot, UnitCode unit, Month month, AntiforgeryTokenSet form, IReadOnlyList<ManualValueChange> history,
        IReadOnlyList<UnitChoice> units, ManualFormFields? typed, IReadOnlyList<FieldError> errors, string? result)
    {
        var entries = snapshot.ManualValues.Where(m => m.Unit == unit && IndicatorCatalog.Find(m.Indicator) is not null)
            .OrderByDescending(m => m.Month).ThenBy(m => IndicatorCatalog.IndexOf(m.Indicator))
            .Select(m => Line(snapshot, m)).ToList();
        var lines = history.Select(c => new ManualHistoryLine(NorwegianFormat.Instant(c.ChangedAt),
            IndicatorCatalog.Find(c.Indicator) is { } d ? $"{d.Code} {d.Name}" : c.Indicator, NorwegianFormat.Month(c.Month), c.ChangedBy,
            Numbers(c.OldNumerator, c.OldDenominator), Numbers(c.NewNumerator, c.NewDenominator))).ToList();
        var fields = typed ?? new ManualFormFields("BL151", month.ToString(), "", "");
        return new ManualValuesView(unit, snapshot.NameOf(unit), form, fields, errors, result, entries, lines, units,
            Selection.Of(snapshot, unit, month), PageFooter.Of(snapshot));
    }

    private static ManualEntryLine Line(ScorecardSnapshot snapshot, ManualValue typed)
    {
        var definition = IndicatorCatalog.Get(typed.Indicator);
        var shown = snapshot.Results is { } results && results.Months.Contains(typed.Month) ? results.Get(typed.Unit, typed.Month, typed.Indicator) : (IndicatorValue?)null;
        var status = shown switch
        {
            { } v when v.Notes.HasFlag(ValueNotes.ManualReplaced) => "Erstattet av innsamlede data",
            { } v when v.Notes.HasFlag(ValueNotes.Manual) => "Vises på målekortet, merket «manuelt registrert»",
            _ => "Ikke vist: måneden er utenfor målekortets måneder",
        };
        return new ManualEntryLine(definition, typed.Month, NorwegianFormat.Count(typed.Numerator),
            typed.Denominator is { } d ? NorwegianFormat.Count(d) : "–", typed.EnteredBy, NorwegianFormat.Instant(typed.EnteredAt), status,
            shown is { } r && r.Notes.HasFlag(ValueNotes.ManualReplaced));
    }

    private static string Numbers(long? numerator, long? denominator) => numerator switch
    {
        null => "ingen",
        { } n when denominator is { } d => $"{NorwegianFormat.Count(n)} / {NorwegianFormat.Count(d)}",
        { } n => NorwegianFormat.Count(n),
    };

    /// <summary>The month the form starts on: the one asked for, else the latest computed, else the month before this one.</summary>
    internal static Month DefaultMonth(ScorecardSnapshot snapshot, UnitCode unit, DateTimeOffset now) =>
        snapshot.Find(unit)?.LatestMonth ?? (snapshot.Months.Count > 0 ? snapshot.Months[0] : Month.Of(OsloTime.DateOf(now)).Plus(-1));
}
