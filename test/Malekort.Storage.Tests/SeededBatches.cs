using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// Capture batches made from a seed: every record kind, with every optional field sometimes empty, so a round trip through
/// a database has something to lose. Person keys depend only on the person's number, so two batches of one unit share people.
/// </summary>
internal static class SeededBatches
{
    public static readonly DateOnly PeriodFrom = new(2023, 1, 1);
    public static readonly DateOnly PeriodTo = new(2024, 6, 30);

    private static readonly DateTimeOffset Extracted = new(2024, 7, 2, 5, 0, 0, TimeSpan.Zero);
    private static readonly string[] Situations = ["01", "11", "03", "04", "13", "14", "15", "16", "10", "17"];

    /// <summary>
    /// A batch of seeded records of <paramref name="people"/> persons (keys <c>person-00000</c> … in every batch, so batches of
    /// one unit name the same persons), over <see cref="PeriodFrom"/> … <see cref="PeriodTo"/> unless given another period.
    /// </summary>
    public static CaptureBatch Make(string unit, int seed, int people = 120, DateTimeOffset? extractedAt = null, string? supersessionKey = null,
        DateOnly? periodStart = null, DateOnly? periodEnd = null)
    {
        var random = new Random(seed);
        var extracted = extractedAt ?? Extracted;
        var (periodFrom, periodTo) = (periodStart ?? PeriodFrom, periodEnd ?? PeriodTo);
        var days = periodTo.DayNumber - periodFrom.DayNumber;
        var months = (periodTo.Year - periodFrom.Year) * 12 + periodTo.Month - periodFrom.Month + 1;
        DateOnly Day() => DateOnly.FromDayNumber(periodFrom.DayNumber + random.Next(days + 1));
        DateOnly? Sometimes(double chance, Func<DateOnly> date) => random.NextDouble() < chance ? date() : null;

        var persons = new List<PersonRecord>();
        var payments = new List<PaymentRecord>();
        var livelihood = new List<LivelihoodRecord>();
        var family = new List<FamilyRecord>();
        var cases = new List<CaseRecord>();
        var kvp = new List<KvpRecord>();
        var jobseekers = new List<JobseekerRecord>();
        var followups = new List<FollowupRecord>();
        var conditions = new List<ConditionRecord>();
        var exemptions = new List<ExemptionRecord>();
        var sanctions = new List<SanctionRecord>();
        for (var i = 0; i < people; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"person-{i:D5}");
            var birth = new DateOnly(1955, 1, 1).AddDays(random.Next(18_500));
            persons.Add(new PersonRecord(key, birth, random.Next(3) switch { 0 => Sex.Man, 1 => Sex.Woman, _ => null }));
            if (random.NextDouble() < 0.7)
            {
                var first = random.Next(months);
                var last = Math.Min(months - 1, first + random.Next(14));
                for (var m = first; m <= last; m++)
                {
                    var month = periodFrom.AddMonths(m);
                    var (type, category) = random.Next(10) switch
                    {
                        < 7 => ("SH", BenefitCategory.OkonomiskSosialhjelp),
                        7 => ("KVP", BenefitCategory.Kvalifiseringsstonad),
                        _ => ("BOST", BenefitCategory.Annet),
                    };
                    var status = random.Next(10) switch { < 8 => PaymentStatus.Utbetalt, 8 => PaymentStatus.Planlagt, _ => PaymentStatus.Annullert };
                    var dated = random.Next(5) != 0;
                    payments.Add(new PaymentRecord(
                        string.Create(CultureInfo.InvariantCulture, $"U{i:D5}-{m:D2}"), key, type, category,
                        random.Next(50, 2_000_000) / 100m, status,
                        dated ? month.AddDays(random.Next(27)) : null,
                        dated && random.Next(3) == 0 ? null : month,
                        dated && random.Next(3) == 0 ? null : month.AddMonths(1).AddDays(-1),
                        random.Next(4) == 0 ? string.Create(CultureInfo.InvariantCulture, $"S{i:D5}") : null));
                }
            }
            if (random.NextDouble() < 0.5)
                livelihood.Add(new LivelihoodRecord(key, Day(), Sometimes(0.2, () => periodTo), random.Next(3) == 0 ? 1 + random.Next(9) : 5));
            if (random.NextDouble() < 0.35)
            {
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    family.Add(new FamilyRecord(key, string.Create(CultureInfo.InvariantCulture, $"B{i:D5}{c}"), FamilyRelation.Barn,
                        Sometimes(0.9, () => new DateOnly(2005, 1, 1).AddDays(random.Next(6_900))),
                        random.Next(3) switch { 0 => 100, 1 => 50, _ => null },
                        random.Next(3) switch { 0 => true, 1 => false, _ => null },
                        random.Next(3) switch { 0 => true, 1 => false, _ => null },
                        Sometimes(0.3, Day), Sometimes(0.2, () => periodTo), Approximate: random.Next(5) == 0));
                }
                if (random.Next(2) == 0)
                    family.Add(new FamilyRecord(key, string.Create(CultureInfo.InvariantCulture, $"E{i:D5}"), FamilyRelation.Samboer,
                        birth.AddYears(2), null, null, true, null, null));
            }
            if (random.NextDouble() < 0.3)
            {
                var received = Day();
                cases.Add(new CaseRecord(string.Create(CultureInfo.InvariantCulture, $"S{i:D5}"), key, random.Next(5) == 0 ? "KLAGE" : "SOS",
                    random.Next(5) == 0 ? BenefitCategory.Annet : BenefitCategory.OkonomiskSosialhjelp,
                    random.Next(10) == 0 ? null : received, random.Next(3) == 0 ? null : received.AddDays(random.Next(60))));
            }
            if (random.NextDouble() < 0.08)
            {
                var start = Day();
                var ended = random.Next(2) == 0;
                kvp.Add(new KvpRecord(key, start.AddDays(-random.Next(90)), Sometimes(0.8, () => start.AddDays(-random.Next(30))), start,
                    ended ? start.AddDays(random.Next(400)) : null, ended ? 1 + random.Next(8) : null,
                    ended ? [.. Situations.Where(_ => random.Next(6) == 0)] : []));
            }
            if (random.NextDouble() < 0.25)
            {
                var from = Day();
                jobseekers.Add(new JobseekerRecord(key, random.Next(4) == 0 ? JobseekerGroup.Annet : JobseekerGroup.Ordinaer, from,
                    random.Next(2) == 0 ? null : from.AddDays(random.Next(300))));
                for (var f = random.Next(4); f > 0; f--) followups.Add(new FollowupRecord(key, Day()));
            }
            if (random.NextDouble() < 0.3)
            {
                var from = Day();
                conditions.Add(new ConditionRecord(key, from.AddDays(-random.Next(20)), from, from.AddDays(random.Next(200)),
                    [.. ConditionCodes.Conditions.Where(_ => random.Next(5) == 0).Select(c => c.Code).DefaultIfEmpty("08")]));
            }
            if (random.NextDouble() < 0.1) exemptions.Add(new ExemptionRecord(key, Day(), [random.Next(2) == 0 ? "02" : "03"]));
            if (random.NextDouble() < 0.1)
            {
                var dated = random.Next(3) != 0;
                var day = Day();
                sanctions.Add(new SanctionRecord(key, day.Year, dated ? day : null, random.Next(2) == 0 ? "01" : "02"));
            }
        }

        var header = new BatchHeader(CaptureReader.FormatName, "Frøet " + seed.ToString(CultureInfo.InvariantCulture), UnitCode.Parse(unit),
            periodFrom, periodTo, extracted, Enum.GetValues<CaptureDomains>().Aggregate((a, b) => a | b), supersessionKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{unit}|{seed}|{people}|{extracted:O}|{supersessionKey}{(periodStart is null && periodEnd is null ? "" : $"|{periodFrom:O}|{periodTo:O}")}"))));
        return new CaptureBatch(header, hash, persons,
            [new("SH", "Livsopphold", BenefitCategory.OkonomiskSosialhjelp), new("KVP", "Kvalifiseringsstønad", BenefitCategory.Kvalifiseringsstonad),
             new("BOST", "Bostøtte", BenefitCategory.Annet)],
            payments, livelihood, family,
            [new("SOS", "Søknad om økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp), new("KLAGE", "Klage", BenefitCategory.Annet)],
            cases, kvp, jobseekers, followups)
        {
            Conditions = conditions,
            Exemptions = exemptions,
            Sanctions = sanctions,
        };
    }

    /// <summary>The import log entry the import pipeline would write for the batch, with the findings given.</summary>
    public static ImportLogEntry LogEntry(CaptureBatch batch, DateTimeOffset importedAt, params Finding[] findings) => new(
        "leveranse-" + batch.Header.Unit.Value, batch.Header.Format, importedAt, ImportOutcome.Imported, batch.Header.Unit,
        batch.Header.PeriodFrom, batch.Header.PeriodTo, batch.ContentHash, batch.Counts(), findings);
}
