using Malekort.Explanation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.Scorecard;
using Microsoft.AspNetCore.Antiforgery;

namespace Malekort.Web.Explain;

/// <summary>One month of a person's strip: whether they had paid social assistance in it.</summary>
public sealed record StripMonth(string Name, bool Assisted);

/// <summary>A record that made the rule true, in words.</summary>
/// <param name="Kind">What kind of record (<c>Utbetaling</c>, <c>Barn i familien</c> …).</param>
/// <param name="Months">The months of the window it counted in (<c>apr. 2023 – sep. 2023</c>); empty when none of them.</param>
/// <param name="Batch">The batch: id, source system, period and extraction time.</param>
/// <param name="File">The delivered file or folder the batch was imported from.</param>
public sealed record RecordLine(string Kind, string Months, string Batch, string File);

/// <summary>A counted person as shown: the short pseudonym, the window's strip and the records.</summary>
public sealed record PersonLine(string Pseudonym, IReadOnlyList<StripMonth> Strip, IReadOnlyList<RecordLine> Records);

/// <summary>The answer of a look-up by fødselsnummer.</summary>
/// <param name="Problem">Why the number was not looked up (the form's error), or null.</param>
/// <param name="Message">What the look-up found, in words.</param>
/// <param name="Person">The person with why they are counted, when they are.</param>
public sealed record LookupAnswer(string? Problem, string? Message, PersonLine? Person);

/// <summary>The page <c>/malekort/forklaring</c>: who was counted in one indicator's side for a unit and month, and why.</summary>
public sealed record ExplanationView(
    string UnitName,
    UnitCode Unit,
    Month Month,
    string MonthName,
    IndicatorDefinition Indicator,
    CountedSide Side,
    string? OtherSideLink,
    long? Count,
    IReadOnlyList<PersonLine>? Persons,
    AntiforgeryTokenSet Form,
    LookupAnswer? Lookup,
    Selection Selection,
    PageFooter Footer)
{
    /// <summary>«telleren» or «nevneren».</summary>
    public string SideName => ExplainTexts.SideName(Side);

    /// <summary>What the side counts, from the indicator's definition.</summary>
    public string SideDefinition => Side == CountedSide.Numerator ? Indicator.Numerator : Indicator.Denominator;

    public string Title => $"Hvem er telt: {Indicator.Code}, {UnitName}, {MonthName}";

    /// <summary>The scorecard this count is on.</summary>
    public string ScorecardLink => Selection.Scorecard(Unit, Month);

    /// <summary>The person lines of an explanation, named by their short pseudonyms.</summary>
    internal static List<PersonLine> Lines(CountExplanation explanation, IReadOnlyDictionary<long, string> pseudonyms) =>
        [.. explanation.Members.Select(m => Line(explanation, m, pseudonyms[m.PersonId])).OrderBy(p => p.Pseudonym, StringComparer.Ordinal)];

    internal static PersonLine Line(CountExplanation explanation, CountedPerson person, string pseudonym)
    {
        var assisted = person.AssistanceMonths.ToHashSet();
        return new PersonLine(pseudonym,
            [.. explanation.Window.Months().Select(m => new StripMonth(NorwegianFormat.ShortMonth(m), assisted.Contains(m)))],
            [.. person.Records.Select(Record)]);
    }

    private static RecordLine Record(CountedRecord record) => new(
        ExplainTexts.RecordKindName(record.Kind),
        MonthRanges(record.Months),
        $"{(record.Origin is { } o ? $"Batch {o.BatchId}: " : "")}{record.Batch.SourceSystem}, {NorwegianFormat.Date(record.Batch.PeriodFrom)} – "
            + $"{NorwegianFormat.Date(record.Batch.PeriodTo)}, uttrukket {NorwegianFormat.Instant(record.Batch.ExtractedAt)}",
        // The file's name only: a path on the server is none of the reader's business.
        record.Origin is { } origin ? System.IO.Path.GetFileName(origin.Source.TrimEnd('/', '\\')) : "–");

    /// <summary>Months as ranges of consecutive months: <c>apr. 2023 – sep. 2023, jan. 2024</c>.</summary>
    private static string MonthRanges(IReadOnlyList<Month> months)
    {
        var parts = new List<string>();
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].Plus(1)) j++;
            parts.Add(i == j ? NorwegianFormat.ShortMonth(months[i]) : $"{NorwegianFormat.ShortMonth(months[i])} – {NorwegianFormat.ShortMonth(months[j])}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
