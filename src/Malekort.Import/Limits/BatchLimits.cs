using System.Globalization;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Periods;

namespace Malekort.Import.Limits;

/// <summary>
/// The dates a batch cannot have: an extract made after it was imported, an event that has not happened yet, a period before
/// <see cref="InputLimits.EarliestDate"/> or longer than <see cref="InputLimits.BatchMonths"/>. A Digisos file dated 2099 once
/// stretched the computation from 12 months to 903, and an <c>extracted_at</c> in 2999 would win over every later correction
/// for ever; each of these rejects the input. Readers call these where they know the line; the import pipeline checks every
/// batch's header once more, whatever its format (<see cref="Header"/>).
/// </summary>
public static class BatchLimits
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The last day an event may be dated on when importing at <paramref name="now"/>: today in Norway, plus the tolerance.</summary>
    public static DateOnly LastEventDay(DateTimeOffset now) => OsloTime.DateOf(now + InputLimits.FutureTolerance);

    /// <summary>Why an extract time cannot be, or null.</summary>
    public static string? ExtractedAt(DateTimeOffset extractedAt, DateTimeOffset now) => extractedAt > now + InputLimits.FutureTolerance
        ? $"extracted_at {extractedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", Invariant)} ligger etter innlesingstidspunktet "
          + $"{now.ToString("yyyy-MM-dd'T'HH:mm:ssK", Invariant)}; et uttrekk kan ikke være laget i fremtiden. Sjekk klokken i fagsystemet."
        : null;

    /// <summary>Why an event's day cannot be, or null: it lies after the import day (plus the tolerance) or before 2000.</summary>
    public static string? EventDay(string what, DateOnly day, DateTimeOffset now)
    {
        if (day > LastEventDay(now))
            return $"{what} {Text(day)} ligger etter innlesingsdagen {Text(OsloTime.DateOf(now))}; en hendelse kan ikke være i fremtiden.";
        return day < InputLimits.EarliestDate
            ? $"{what} {Text(day)} er før {Text(InputLimits.EarliestDate)}; så gamle data kan ikke leses inn."
            : null;
    }

    /// <summary>Why a batch period cannot be, or null: it starts before 2000 or covers more than the months a batch may.</summary>
    public static string? Period(DateOnly from, DateOnly to)
    {
        if (from < InputLimits.EarliestDate)
            return $"Perioden starter {Text(from)}, før {Text(InputLimits.EarliestDate)}; så gamle data kan ikke leses inn.";
        var months = Month.Of(to) - Month.Of(from) + 1;
        return months > InputLimits.BatchMonths
            ? string.Create(Invariant, $"Perioden {Text(from)}–{Text(to)} dekker {months} måneder; en leveranse kan dekke høyst ")
              + string.Create(Invariant, $"{InputLimits.BatchMonths} måneder. Del historikken i flere leveranser.")
            : null;
    }

    /// <summary>The findings about a read batch's header, in <paramref name="file"/>; empty when its dates can be.</summary>
    public static IReadOnlyList<Finding> Header(BatchHeader header, string file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var findings = new List<Finding>();
        if (ExtractedAt(header.ExtractedAt, now) is { } extracted) findings.Add(new Finding(Severity.Error, file, 0, "extracted_at", extracted));
        if (Period(header.PeriodFrom, header.PeriodTo) is { } period) findings.Add(new Finding(Severity.Error, file, 0, "period_from", period));
        return findings;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);
}
