using Malekort.Confidentiality;
using Malekort.Indicators;
using Malekort.ManualValues;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Web.State;

/// <summary>The groups of the unit picker, in the order shown.</summary>
public enum UnitGroup
{
    Offices,
    Municipalities,
    Districts,
    Counties,
    Country,
}

/// <summary>A unit that has results, as the picker and the API list it.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its Norwegian name.</param>
/// <param name="Group">Its group in the picker.</param>
/// <param name="LatestMonth">Its default month: the latest with BL151 captured, else the last computed.</param>
public sealed record UnitChoice(UnitCode Code, string Name, UnitGroup Group, Month LatestMonth)
{
    /// <summary>
    /// How the picker names it, name first and unique: <c>Fredrikstad (kommune 3107)</c>, <c>Oslo (fylke 03)</c>,
    /// <c>NAV Fredrikstad (NAV-0106)</c>, <c>Hele landet</c>.
    /// </summary>
    public string Label { get; } = Code.Kind switch
    {
        UnitKind.Office => $"{Name} ({Code.Value})",
        UnitKind.Country => Name,
        _ => $"{Name} ({Scorecard.Texts.UnitKind(Code.Kind)} {Code.Value})",
    };
}

/// <summary>
/// Everything a request reads, computed once per data version: the stored data, the results as this server may show
/// them, and look-ups. Immutable, so readers share it without locks and a new one replaces it whole.
/// </summary>
internal sealed class ScorecardSnapshot
{
    private readonly Dictionary<UnitCode, UnitChoice> unitsByCode;
    private readonly Dictionary<(UnitCode, string, Month), Target> targets;
    private readonly Dictionary<(UnitCode, string, Month), ManualValue> manual;
    private readonly Dictionary<UnitCode, Choices.IndicatorChoice> choices;

    private readonly ShownResultsCache? shown;
    private readonly StoredState stored;
    private readonly ViewerScope scope;
    // This data version as each viewer sees it (For): made once per viewer, dropped with the snapshot.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Viewer, ScorecardSnapshot> views = new();

    private ScorecardSnapshot(long dataVersion, DateTimeOffset computedAt, StoredState stored, ShownResultsCache? shown, ShownResults? results,
        IReadOnlyList<UnitChoice> units, Viewer viewer, ResponseCache? responses = null)
    {
        this.shown = shown;
        this.stored = stored;
        Viewer = viewer;
        DataVersion = dataVersion;
        ComputedAt = computedAt;
        Offices = stored.Offices;
        Thresholds = stored.Thresholds;
        Results = results;
        scope = viewer.Scope(UnitRegister.Default, stored.Offices);
        Units = units;
        unitsByCode = units.ToDictionary(u => u.Code);
        targets = [];
        foreach (var t in stored.Targets) targets[(t.Unit, t.Indicator, t.Month)] = t;
        manual = stored.ManualValues.ToDictionary(m => (m.Unit, m.Indicator, m.Month));
        choices = stored.IndicatorChoices.ToDictionary(c => c.Unit);
        Months = results is null ? [] : results.Months.Months().Reverse().ToList();
        if (results is not null && stored.NationalVersions.Count > 0)
        {
            National = Malekort.Indicators.NationalVersions.InCatalogue(results.OwnDefinitions);
            NationalCore = [.. National.Where(d => d.IsCore)];
        }
        Responses = responses ?? new ResponseCache(ResponseCache.DefaultBudget);
    }

    /// <summary>Whom this snapshot shows the numbers to: the results and the cached responses are theirs.</summary>
    public Viewer Viewer { get; }

    /// <summary>
    /// This data version as <paramref name="viewer"/> may see it: the results suppressed for that viewer, and its own entries
    /// in the snapshot's response cache, so one viewer's rendered page is never served to another while all viewers share one
    /// budget. Made once per viewer and kept with the snapshot.
    /// </summary>
    public ScorecardSnapshot For(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer == Viewer) return this;
        return views.GetOrAdd(viewer, v => new ScorecardSnapshot(DataVersion, ComputedAt, stored, shown, shown?.For(v), Units, v,
            Responses.For(v)) { Parts = Parts });
    }

    /// <summary>
    /// Whether the viewer sees the import log and run log entries of the unit (null: reference data, which everyone sees).
    /// Outside the viewer's own units an entry's record counts and findings (which quote the file's values) are other offices'
    /// business; administrators, who run the imports, see every entry.
    /// </summary>
    public bool SeesLogOf(UnitCode? unit) => unit is not { } u || Viewer.Role == ViewerRole.Admin || scope.SeesInFull(u);

    /// <summary>
    /// Whether the viewer sees the findings of an import or run log entry of the unit. Without a unit (a file whose unit was
    /// not read, a KOSTRA file of many municipalities) only administrators do: a finding quotes the file's values, which may
    /// be another office's small counts (issue 10 item 3).
    /// </summary>
    public bool SeesFindingsOf(UnitCode? unit) => unit is { } u ? SeesLogOf(u) : Viewer.Role == ViewerRole.Admin || Viewer.HasFullRights;

    /// <summary>The store's data version this snapshot was computed from.</summary>
    public long DataVersion { get; }

    /// <summary>When it was computed.</summary>
    public DateTimeOffset ComputedAt { get; }

    /// <summary>The office register.</summary>
    public OfficeRegister Offices { get; }

    /// <summary>
    /// Who was counted in an indicator's side for a municipality or district in a month, and why, from the same stored data as
    /// this snapshot's numbers, so the persons listed are the ones its count counted; null when that side counts no persons.
    /// Whether the viewer may see it is the caller's business (<c>Scopes.MayExplain</c>).
    /// </summary>
    public Explanation.CountExplanation? Explain(UnitCode unit, Month month, string indicator, Explanation.CountedSide side) =>
        IndicatorEngine.Explain(stored.WorkingSet, stored.Population, unit, month, indicator, side);

    /// <summary>The results as shown to <see cref="Viewer"/>; null when no data has been captured.</summary>
    public ShownResults? Results { get; }

    /// <summary>The results as <paramref name="viewer"/> may see them, worked out once per viewer scope for this snapshot; null without data.</summary>
    public ShownResults? ShownFor(Viewer viewer) => shown?.For(viewer);

    /// <summary>The units with results, grouped and ordered for the picker.</summary>
    public IReadOnlyList<UnitChoice> Units { get; }

    /// <summary>The months computed, newest first; empty without data.</summary>
    public IReadOnlyList<Month> Months { get; }

    /// <summary>Rendered responses of this snapshot; they go when it goes.</summary>
    public ResponseCache Responses { get; }

    /// <summary>Parts of pages rendered once for this snapshot and kept while it lives (the picker's lists); the same for every viewer.</summary>
    public Pages.PageParts Parts { get; private init; } = new();

    /// <summary>
    /// The unit the scorecard opens on: the viewer's own (office, municipality or county) when it has results, else the first
    /// office with results, else the first unit.
    /// </summary>
    public UnitChoice? DefaultUnit => Viewer.Unit is { } own && Find(own) is { } mine ? mine : Units.FirstOrDefault();

    /// <summary>The unit, if it has results.</summary>
    public UnitChoice? Find(UnitCode unit) => unitsByCode.GetValueOrDefault(unit);

    /// <summary>The name of any unit or office.</summary>
    public string NameOf(UnitCode unit) => unitsByCode.TryGetValue(unit, out var u) ? u.Name : Offices.NameOf(unit);

    /// <summary>The target for the indicator in the unit and month, if one is set.</summary>
    public Target? TargetFor(UnitCode unit, string indicator, Month month) => targets.GetValueOrDefault((unit, indicator, month));

    /// <summary>The value typed for the indicator in the unit and month, if one was, whether it is shown or has been replaced.</summary>
    public ManualValue? ManualFor(UnitCode unit, string indicator, Month month) => manual.GetValueOrDefault((unit, indicator, month));

    /// <summary>Every value typed by people, by unit, month and indicator.</summary>
    public IReadOnlyList<ManualValue> ManualValues => stored.ManualValues;

    /// <summary>The indicators the unit has chosen for its scorecard, if it has chosen (issue 11 item 5).</summary>
    public Choices.IndicatorChoice? ChoiceOf(UnitCode unit) => choices.GetValueOrDefault(unit);

    /// <summary>The own indicators as stored (issue 11 item 6), by code, whoever may see them.</summary>
    public IReadOnlyList<OwnIndicator> OwnIndicators => stored.OwnIndicators;

    /// <summary>
    /// The computed own indicators <see cref="Viewer"/> may see: those its unit defined or was given (the local operator all). The
    /// scorecard, the API and the downloads list these after the national ones; any other is refused by code (<c>Query</c>).
    /// </summary>
    public IReadOnlyList<IndicatorDefinition> OwnShown =>
        Results is { } results ? [.. results.OwnDefinitions.Where(d => d.Own is { } own && (Viewer.HasFullRights || own.IsVisibleTo(Viewer.Unit)))] : [];

    /// <summary>National versions of definitions as stored (issue 11 item 7), in force, by indicator and number.</summary>
    public IReadOnlyList<NationalVersion> NationalVersions => stored.NationalVersions;

    /// <summary>
    /// The national indicators for everyone: the catalogue with the versions the directorate added in the browser computed beside the
    /// version before each (issue 11 item 7). The scorecard, the report, the API and the downloads list these, then <see cref="OwnShown"/>.
    /// </summary>
    public IReadOnlyList<IndicatorDefinition> National { get; } = IndicatorCatalog.All;

    /// <summary>The agreed indicators of <see cref="National"/>, with their versions.</summary>
    public IReadOnlyList<IndicatorDefinition> NationalCore { get; } = IndicatorCatalog.Core;

    /// <summary>The thresholds in force.</summary>
    public ThresholdTable Thresholds { get; }

    /// <summary>Computes a snapshot: the engine over every month with captured data, then what the viewer may see.</summary>
    public static ScorecardSnapshot Compute(StoredState stored, long dataVersion, DateTimeOffset now, Viewer viewer) =>
        Of(stored, dataVersion, now, viewer, EngineResults(stored, now));

    /// <summary>
    /// The engine over every month with captured data or a typed value, up to the month of <paramref name="now"/>; null without
    /// either.
    /// </summary>
    internal static IndicatorResults? EngineResults(StoredState stored, DateTimeOffset now)
    {
        var current = Month.Of(OsloTime.DateOf(now));
        return Union(stored.WorkingSet.MonthsCaptured(current), MonthsTyped(stored.ManualValues, current)) is { } range
            ? new IndicatorEngine(UnitRegister.Default, stored.Offices).Compute(stored.WorkingSet, stored.Population, range, stored.ManualValues,
                [.. Malekort.Indicators.OwnIndicators.Compile(stored.OwnIndicators), .. Malekort.Indicators.NationalVersions.Compile(stored.NationalVersions)])
            : null;
    }

    /// <summary>A snapshot of results computed elsewhere: the engine's, or a central instance's delivered aggregates (Federation/).</summary>
    public static ScorecardSnapshot Of(StoredState stored, long dataVersion, DateTimeOffset now, Viewer viewer, IndicatorResults? results)
    {
        if (results is null) return new ScorecardSnapshot(dataVersion, now, stored, null, null, [], viewer);

        var cache = new ShownResultsCache(results, UnitRegister.Default, stored.Offices);
        var shown = cache.For(viewer);
        var units = results.Units
            .Select(u => new UnitChoice(u, stored.Offices.NameOf(u), GroupOf(u), LatestMonthWithRecipients(results, u)))
            .OrderBy(u => u.Group)
            .ThenBy(u => u.Code.Value, StringComparer.Ordinal)
            .ToList();
        return new ScorecardSnapshot(dataVersion, now, stored, cache, shown, units, viewer);
    }

    /// <summary>The months with a manual value up to <paramref name="current"/>: a unit that types its numbers has months without a batch.</summary>
    private static MonthRange? MonthsTyped(IReadOnlyList<ManualValue> manual, Month current)
    {
        var months = manual.Select(m => m.Month).Where(m => m <= current).ToList();
        return months.Count == 0 ? null : new MonthRange(months.Min(), months.Max());
    }

    private static MonthRange? Union(MonthRange? a, MonthRange? b) => (a, b) switch
    {
        ({ } x, { } y) => new MonthRange(x.First < y.First ? x.First : y.First, x.Last > y.Last ? x.Last : y.Last),
        _ => a ?? b,
    };

    // The month the scorecard opens on is the latest whose recipients (BL151) were captured: the newest data.
    private static Month LatestMonthWithRecipients(IndicatorResults results, UnitCode unit)
    {
        for (var month = results.Months.Last; month >= results.Months.First; month = month.Plus(-1))
        {
            if (results.Get(unit, month, "BL151").IsCaptured) return month;
        }
        return results.Months.Last;
    }

    private static UnitGroup GroupOf(UnitCode unit) => unit.Kind switch
    {
        UnitKind.Office => UnitGroup.Offices,
        UnitKind.Municipality => UnitGroup.Municipalities,
        UnitKind.District => UnitGroup.Districts,
        UnitKind.County => UnitGroup.Counties,
        _ => UnitGroup.Country,
    };
}
