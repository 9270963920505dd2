using Malekort.Indicators;
using Malekort.Thresholds;
using Malekort.Units;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>
/// The thresholds form as posted: the unit, what to do (preview or save), and the green and red limit of every indicator of
/// the scorecard, each checked as <see cref="ThresholdInput"/> checks limits everywhere.
/// </summary>
internal sealed class ThresholdsForm
{
    /// <summary>The form fields' names: <c>gronn-B-101</c>, <c>rod-B-101</c>, <c>enhet</c>, <c>maned</c>, <c>handling</c>.</summary>
    public const string GreenPrefix = "gronn";
    public const string RedPrefix = "rod";
    public const string UnitField = "enhet";
    public const string MonthField = "maned";
    public const string ActionField = "handling";
    public const string PreviewAction = "forhandsvis";
    public const string SaveAction = "lagre";

    private ThresholdsForm(IFormCollection form, IReadOnlyList<IndicatorDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            Green[definition.Code] = form[ThresholdRow.Field(GreenPrefix, definition.Code)].ToString();
            Red[definition.Code] = form[ThresholdRow.Field(RedPrefix, definition.Code)].ToString();
            Checks[definition.Code] = ThresholdInput.Check(definition, Green[definition.Code], Red[definition.Code]);
        }
        IsPreview = form[ActionField] == PreviewAction;
    }

    public Dictionary<string, string> Green { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Red { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LimitsCheck> Checks { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether «Forhåndsvis» was pressed rather than «Lagre».</summary>
    public bool IsPreview { get; }

    public bool IsValid => Checks.Values.All(c => c.IsValid);

    /// <summary>The form as posted, with a limit field pair for each of <paramref name="definitions"/> (<c>ThresholdsView.Definitions</c>).</summary>
    public static ThresholdsForm Read(IFormCollection form, IReadOnlyList<IndicatorDefinition> definitions) => new(form, definitions);

    /// <summary>The unit's own thresholds the form asks for, every indicator of the scorecard: null where both fields are empty.</summary>
    public IReadOnlyDictionary<string, Threshold?> Wanted(UnitCode unit, string by) => Checks.ToDictionary(
        c => c.Key,
        c => c.Value.Limits is { } l ? new Threshold(unit, c.Key, l.Direction, l.Green, l.Red, by) : null,
        StringComparer.Ordinal);
}
