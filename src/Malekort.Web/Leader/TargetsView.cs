using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Targets;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Leader;

/// <summary>One month or the year so far in a target table: the target, the value and the attainment, in words.</summary>
public sealed record AttainmentLine(string Period, string Target, string Actual, string Attainment);

/// <summary>One indicator's targets for the year: how they were set, each month's attainment, and the year so far.</summary>
public sealed record TargetTable(IndicatorDefinition Definition, string How, string YearTarget, IReadOnlyList<AttainmentLine> Months,
    AttainmentLine ToDate);

/// <summary>What the targets form shows: the fields as typed or as last set.</summary>
public sealed record TargetFormFields(string Indicator, string Yearly, Periodisation How, IReadOnlyList<string> Weights, IReadOnlyList<string> Months);

/// <summary>What <c>/mal</c> shows for one unit or office and year.</summary>
public sealed record TargetsView(
    UnitCode Unit,
    string UnitName,
    int Year,
    AntiforgeryTokenSet? Form,
    TargetFormFields Fields,
    IReadOnlyList<TargetTable> Tables,
    IReadOnlyList<FieldError> Errors,
    string? Result,
    IReadOnlyList<TargetHistoryLine> History,
    IReadOnlyList<UnitChoice> Units,
    Selection Selection,
    PageFooter Footer)
{
    /// <summary>The indicators a target can be set for: the scorecard's, then the own indicators the viewer sees (issue 11 item 6).</summary>
    public IReadOnlyList<IndicatorDefinition> Choosable { get; init; } = IndicatorCatalog.Core;

    /// <summary>The page's address for the unit and year.</summary>
    public static string Address(UnitCode unit, int year) => $"{TargetsEndpoints.Path}?enhet={Uri.EscapeDataString(unit.Value)}&ar={year}";

    internal static TargetsView Of(ScorecardSnapshot snapshot, IReadOnlyList<TargetYear> stored, UnitCode unit, int year, AntiforgeryTokenSet? form,
        IReadOnlyList<TargetChange> history, TargetFormFields? typed, IReadOnlyList<FieldError> errors, string? result, string? editing)
    {
        var years = stored.Where(t => t.Unit == unit && t.Year == year).ToList();
        var through = Through(snapshot, unit, year);
        // National indicators in catalogue order, then the own ones the viewer sees; a target of an own indicator it does not see is not shown.
        IReadOnlyList<IndicatorDefinition> known = [.. IndicatorCatalog.All, .. snapshot.OwnShown];
        var positions = known.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var tables = years.Where(t => positions.ContainsKey(t.Indicator))
            .OrderBy(t => positions[t.Indicator])
            .Select(t => Table(snapshot, known[positions[t.Indicator]], t, through)).ToList();
        var fields = typed ?? FieldsOf(years.FirstOrDefault(t => t.Indicator == editing), editing);
        var names = known.ToDictionary(d => d.Code, d => $"{d.Code} {d.Name}", StringComparer.Ordinal);
        var lines = history.Select(c => new TargetHistoryLine(NorwegianFormat.Instant(c.ChangedAt), names.GetValueOrDefault(c.Indicator, c.Indicator),
            c.Year, c.ChangedBy, c.How is { } how ? HowText(how, c.Yearly) : "fjernet", MonthsText(c.Old), MonthsText(c.New))).ToList();
        var units = snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office).ToList();
        var month = snapshot.Find(unit)?.LatestMonth;
        return new TargetsView(unit, snapshot.NameOf(unit), year, form, fields, tables, errors, result, lines, units,
            Selection.Of(snapshot, unit, month), PageFooter.Of(snapshot))
        {
            Choosable = [.. IndicatorCatalog.Core, .. snapshot.OwnShown],
        };
    }

    /// <summary>The last month of <paramref name="year"/> with results, as far as the unit's data goes; null before any.</summary>
    internal static Month? Through(ScorecardSnapshot snapshot, UnitCode unit, int year)
    {
        if (snapshot.Results is not { } results || snapshot.Find(unit) is not { } choice) return null;
        var last = choice.LatestMonth < new Month(year, 12) ? choice.LatestMonth : new Month(year, 12);
        return last.Year == year && results.Months.Contains(last) ? last : null;
    }

    internal static TargetTable Table(ScorecardSnapshot snapshot, IndicatorDefinition definition, TargetYear year, Month? through)
    {
        var results = snapshot.Results;
        var (months, toDate) = YearAttainment.Of(definition, year, through ?? new Month(year.Year, 1).Plus(-1),
            m => results is not null && results.Months.Contains(m) ? results.Get(year.Unit, m, definition.Code) : null);
        var lines = months.Select(m => new AttainmentLine(NorwegianFormat.Month(m.Month),
            m.Target is { } t ? NorwegianFormat.Target(definition.Kind, t) : "–",
            m.Value is { } v ? Texts.Value(definition, v) : "–",
            m.Attainment is { } a ? Words(a) : m.Value is { } hidden && hidden.Notes.HasFlag(ValueNotes.Suppressed) ? SmallCounts.Symbol : "–")).ToList();
        var figure = year.YearFigure(definition);
        var toDateLine = new AttainmentLine(through is { } last ? $"Hittil i år (januar–{NorwegianFormat.Month(last)})" : "Hittil i år",
            toDate.Target is { } tt ? NorwegianFormat.Target(definition.Kind, (decimal)Math.Round(tt, 2)) : "–",
            toDate.Hidden ? SmallCounts.Symbol : toDate.Actual is { } actual ? YearValue(definition, actual) : "–",
            toDate.Hidden ? "skjermet" : toDate.Attainment is { } ya ? $"{Words(ya)}, {toDate.MonthsCounted} av {toDate.MonthsWithTarget} måneder" : "ingen måneder med verdi ennå");
        return new TargetTable(definition, HowText(year.How, year.Yearly),
            figure is { } f ? $"{(definition.IsFlow ? "sum" : "snitt")} {NorwegianFormat.Target(definition.Kind, f)}" : "–", lines, toDateLine);
    }

    /// <summary>A year's actual: a mean of counts keeps its decimals (3,5 persons on average), unlike a month's count.</summary>
    private static string YearValue(IndicatorDefinition definition, double actual) => definition.Kind == ValueKind.Count && !definition.IsFlow
        ? NorwegianFormat.Decimal((decimal)Math.Round(actual, 2, MidpointRounding.AwayFromZero))
        : NorwegianFormat.Value(definition.Kind, actual);

    private static string Words(Thresholds.GoalAttainment a) => a.Percent is { } p ? $"{NorwegianFormat.Percent(p)} ({a.Words})" : a.Words;

    internal static string HowText(Periodisation how, decimal? yearly) => how switch
    {
        Periodisation.Even => $"årsmål {NorwegianFormat.Decimal(yearly ?? 0)}, jevnt fordelt",
        Periodisation.Weights => $"årsmål {NorwegianFormat.Decimal(yearly ?? 0)}, fordelt etter vekter",
        _ => "satt måned for måned",
    };

    private static string MonthsText(IReadOnlyList<decimal?> months) => months.All(m => m is null)
        ? "ingen"
        : string.Join(" · ", months.Select(m => m is { } v ? NorwegianFormat.Decimal(v) : "–"));

    private static TargetFormFields FieldsOf(TargetYear? year, string? indicator)
    {
        if (year is null) return new TargetFormFields(indicator ?? "B.151", "", Periodisation.Even, Enumerable.Repeat("1", 12).ToList(), Enumerable.Repeat("", 12).ToList());
        return new TargetFormFields(year.Indicator, year.Yearly is { } y ? NorwegianFormat.Decimal(y) : "", year.How,
            year.Weights?.Select(NorwegianFormat.Decimal).ToList() ?? Enumerable.Repeat("1", 12).ToList(),
            year.Months.Select(m => m is { } v ? NorwegianFormat.Decimal(v) : "").ToList());
    }
}

/// <summary>One change of a year's targets as the page shows it.</summary>
public sealed record TargetHistoryLine(string When, string Indicator, int Year, string By, string How, string Before, string After);
