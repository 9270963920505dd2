using System.Globalization;
using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Indicators.Splitting;

/// <summary>One extract: the days it is the full truth for, and the day the source system made it.</summary>
internal sealed record Extract(DateOnly From, DateOnly To, DateOnly ExtractedOn);

/// <summary>
/// The whole truth about a few random persons in three units over 2023–2024, as it finally turns out, and any way of
/// delivering it as extracts (<see cref="Deliver"/>). Each extract lists only the persons active in its period and holds
/// their histories as known when it was made, as a municipal case system cuts its extracts. Shared with the storage tests
/// (linked into Malekort.Storage.Tests), which put the same extracts through both databases.
/// </summary>
/// <remarks>
/// Two kinds of fact are left out on purpose, because no way of cutting extracts could deliver them the same: a fact that
/// changes after an extract that dates it was made (a payment cancelled later, a case approved after the month it was
/// received: the capture format dates both by their first day, so a later extract may not carry them), and a KVP application
/// registered long before its start (kvp.csv needs the start date). Cases are approved in the month they are received and a
/// KVP programme is registered, decided and started in one month.
/// </remarks>
internal sealed class RandomHistory
{
    public static readonly DateOnly First = new(2023, 1, 1);
    public static readonly DateOnly Last = new(2024, 12, 31);

    /// <summary>The units: two municipalities and an Oslo district, so Oslo, the county and the country are sums.</summary>
    public static readonly IReadOnlyList<UnitCode> Units = [UnitCode.Parse("3107"), UnitCode.Parse("3103"), UnitCode.Parse("030112")];

    private const CaptureDomains AllParts = CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood
        | CaptureDomains.Family | CaptureDomains.Cases | CaptureDomains.Kvp | CaptureDomains.Jobseekers | CaptureDomains.Followups;

    private static readonly CodeListEntry[] BenefitTypes =
    [
        new("SH", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp),
        new("KVPS", "Kvalifiseringsstønad", BenefitCategory.Kvalifiseringsstonad),
    ];

    private static readonly CodeListEntry[] CaseTypes =
    [
        new("SOS", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp),
        new("ANNET", "Annet", BenefitCategory.Annet),
    ];

    private readonly Random random;
    private readonly List<Truth> units = [];

    public RandomHistory(int seed, int personsPerUnit = 40)
    {
        random = new Random(seed);
        foreach (var unit in Units)
        {
            var truth = new Truth(unit);
            for (var p = 0; p < personsPerUnit; p++) Simulate(truth, $"p{p}");
            units.Add(truth);
        }
    }

    /// <summary>One extract covering both years.</summary>
    public static IReadOnlyList<Extract> Whole(Random lag) => [After(First, Last, lag)];

    /// <summary>One extract per calendar year.</summary>
    public static IReadOnlyList<Extract> Yearly(Random lag) =>
        [After(First, new DateOnly(2023, 12, 31), lag), After(new DateOnly(2024, 1, 1), Last, lag)];

    /// <summary>Yearly extracts that also cover January–March of the next year, as the synthetic generator delivers them.</summary>
    public static IReadOnlyList<Extract> YearlyOverlapping(Random lag) =>
        [After(First, new DateOnly(2024, 3, 31), lag), After(new DateOnly(2024, 1, 1), Last, lag)];

    /// <summary>One extract per month.</summary>
    public static IReadOnlyList<Extract> Monthly(Random lag) =>
        [.. Enumerable.Range(0, 24).Select(i => First.AddMonths(i)).Select(start => After(start, start.AddMonths(1).AddDays(-1), lag))];

    // Made one to six days after the period ends.
    private static Extract After(DateOnly from, DateOnly to, Random lag) => new(from, to, to.AddDays(lag.Next(1, 7)));

    /// <summary>The batches of every unit for the extracts.</summary>
    public IEnumerable<CaptureBatch> Deliver(IReadOnlyList<Extract> extracts) =>
        units.SelectMany(unit => extracts.Select(extract => unit.Batch(extract)));

    private void Simulate(Truth t, string person)
    {
        t.Persons.Add(new PersonRecord(person, Day(new DateOnly(1955, 1, 1), new DateOnly(2006, 12, 31)), null));

        // Social assistance in runs of months, with gaps, until the person no longer needs it: long-term recipients, short
        // spells and none at all.
        if (Chance(0.75))
        {
            var month = First.AddMonths(random.Next(0, 24));
            while (month <= Last)
            {
                var run = random.Next(1, 10);
                for (var i = 0; i < run && month <= Last; i++, month = month.AddMonths(1)) Pay(t, person, month);
                if (Chance(0.3)) break;
                month = month.AddMonths(random.Next(1, 8));
            }
        }

        if (Chance(0.8))
        {
            // A history that began before the extracts and changes now and then.
            var from = Day(new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31));
            t.Livelihood.Add(new LivelihoodRecord(person, from, null, Source()));
            for (var changes = random.Next(0, 4); changes > 0; changes--)
            {
                from = Day(from.AddDays(1), Last);
                if (from >= Last) break;
                t.Livelihood.Add(new LivelihoodRecord(person, from, null, Source()));
            }
        }

        for (var children = Chance(0.4) ? random.Next(1, 3) : 0; children > 0; children--)
        {
            // Some turn 18 during the two years, some are born during them.
            var birth = Day(new DateOnly(2005, 1, 1), new DateOnly(2024, 10, 31));
            DateOnly? validFrom = Chance(0.5) ? null : Day(new DateOnly(2022, 1, 1), new DateOnly(2024, 11, 30));
            if (validFrom < birth) validFrom = birth;
            DateOnly? validTo = Chance(0.6) ? null : Day(validFrom ?? First, Last);
            t.Family.Add(new FamilyRecord(person, $"{person}-b{children}", FamilyRelation.Barn, birth,
                Pick<int?>(null, 30, 49, 50, 100), Pick<bool?>(null, true, false), Pick<bool?>(null, true, true, false), validFrom, validTo));
        }

        if (Chance(0.5))
        {
            for (var cases = random.Next(1, 4); cases > 0; cases--)
            {
                var received = Day(First, Last);
                var monthEnd = received.AddDays(1 - received.Day).AddMonths(1).AddDays(-1);
                DateOnly? approved = Chance(0.9) ? Day(received, monthEnd) : null;
                var withoutReceived = approved is not null && Chance(0.05);
                t.Cases.Add(new CaseRecord($"{person}-s{cases}", person, Chance(0.85) ? "SOS" : "ANNET",
                    Chance(0.85) ? BenefitCategory.OkonomiskSosialhjelp : BenefitCategory.Annet, withoutReceived ? null : received, approved));
            }
        }

        if (Chance(0.15))
        {
            var registered = Day(new DateOnly(2022, 6, 1), new DateOnly(2024, 11, 30));
            var monthEnd = registered.AddDays(1 - registered.Day).AddMonths(1).AddDays(-1);
            var decision = Day(registered, monthEnd);
            var start = Day(decision, monthEnd);
            DateOnly? end = Chance(0.5) ? start.AddMonths(random.Next(1, 15)).AddDays(random.Next(0, 28)) : null;
            if (end > Last) end = null;
            string[] after = end is null ? [] : [KvpSituation.All[random.Next(KvpSituation.All.Count)].Code];
            t.Kvp.Add(new KvpRecord(person, registered, decision, start, end, end is null ? 1 : 3, after));
        }

        if (Chance(0.35))
        {
            var from = Day(new DateOnly(2022, 1, 1), new DateOnly(2024, 10, 31));
            DateOnly? to = Chance(0.5) ? null : Day(from, Last);
            t.Jobseekers.Add(new JobseekerRecord(person, Chance(0.85) ? JobseekerGroup.Ordinaer : JobseekerGroup.Annet, from, to));
            for (var followups = random.Next(0, 8); followups > 0; followups--) t.Followups.Add(new FollowupRecord(person, Day(First, Last)));
        }
    }

    private void Pay(Truth t, string person, DateOnly month)
    {
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var paid = Day(month, monthEnd);
        // A whole month, no period, or a period running into the next month.
        var (from, to) = random.Next(10) switch
        {
            < 6 => ((DateOnly?)month, (DateOnly?)monthEnd),
            < 8 => (null, null),
            _ => (paid, paid.AddMonths(1).AddDays(-1)),
        };
        var status = Chance(0.9) ? PaymentStatus.Utbetalt : Pick(PaymentStatus.Annullert, PaymentStatus.Planlagt, PaymentStatus.Stoppet);
        var type = Chance(0.9) ? BenefitTypes[0] : BenefitTypes[1];
        t.Payments.Add(new PaymentRecord($"{person}-u{t.Payments.Count}", person, type.Code, type.Category, 1000m, status, paid, from, to, null));
    }

    private int Source() => Chance(0.5) ? IndicatorRules.SocialAssistanceLivelihood : random.Next(1, 10);

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];

    private DateOnly Day(DateOnly from, DateOnly to) => to <= from ? from : DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1));

    /// <summary>One unit's truth, and how an extract shows it.</summary>
    private sealed class Truth(UnitCode unit)
    {
        public List<PersonRecord> Persons { get; } = [];
        public List<PaymentRecord> Payments { get; } = [];
        public List<LivelihoodRecord> Livelihood { get; } = [];
        public List<FamilyRecord> Family { get; } = [];
        public List<CaseRecord> Cases { get; } = [];
        public List<KvpRecord> Kvp { get; } = [];
        public List<JobseekerRecord> Jobseekers { get; } = [];
        public List<FollowupRecord> Followups { get; } = [];

        /// <summary>
        /// The extract: events dated inside its period (capture format, "Cross-file rules"), and the persons active in its
        /// period, with every history record of theirs that was known on the day it was made (an end not yet reached is open).
        /// A person is active with an event in the period, a change of livelihood or family in it, or a KVP programme or job
        /// seeker registration running during it: a person whose livelihood simply goes on is not listed.
        /// </summary>
        public CaptureBatch Batch(Extract e)
        {
            bool In(DateOnly? day) => day >= e.From && day <= e.To;
            bool Overlaps(DateOnly from, DateOnly? to) => from <= e.To && (to is null || to >= e.From);
            bool Known(DateOnly? day) => day < e.ExtractedOn;
            DateOnly? AsKnown(DateOnly? end) => Known(end) ? end : null;

            var payments = Payments.Where(p => In(p.PaymentDate ?? p.PeriodFrom)).ToList();
            var cases = Cases.Where(c => In(c.ReceivedDate ?? c.ApprovedDate)).ToList();
            var followups = Followups.Where(f => In(f.Date)).ToList();
            var active = new HashSet<string>(StringComparer.Ordinal);
            active.UnionWith(payments.Select(p => p.PersonKey));
            active.UnionWith(cases.Select(c => c.PersonKey));
            active.UnionWith(cases.Where(c => In(c.ApprovedDate)).Select(c => c.PersonKey));
            active.UnionWith(followups.Select(f => f.PersonKey));
            active.UnionWith(Livelihood.Where(l => In(l.ValidFrom)).Select(l => l.PersonKey));
            active.UnionWith(Family.Where(f => In(f.MemberBirthDate) || In(f.ValidFrom) || In(f.ValidTo)).Select(f => f.PersonKey));
            active.UnionWith(Kvp.Where(k => In(k.RegisteredDate) || In(k.DecisionDate) || Overlaps(k.StartDate, k.EndDate)).Select(k => k.PersonKey));
            active.UnionWith(Jobseekers.Where(j => Overlaps(j.RegisteredFrom, j.RegisteredTo)).Select(j => j.PersonKey));

            var header = new BatchHeader("malekort-capture/1", "tilfeldig", unit, e.From, e.To,
                new DateTimeOffset(e.ExtractedOn.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), AllParts);
            return new CaptureBatch(header, string.Create(CultureInfo.InvariantCulture, $"{unit}-{e.From:O}-{e.To:O}"),
                [.. Persons.Where(p => active.Contains(p.PersonKey))],
                BenefitTypes,
                payments,
                [.. Livelihood.Where(l => active.Contains(l.PersonKey) && Known(l.ValidFrom))],
                [.. Family.Where(f => active.Contains(f.PersonKey) && Known(f.MemberBirthDate) && (f.ValidFrom is null || Known(f.ValidFrom)))
                    .Select(f => f with { ValidTo = AsKnown(f.ValidTo) })],
                CaseTypes,
                cases,
                [.. Kvp.Where(k => active.Contains(k.PersonKey) && Known(k.StartDate))
                    .Select(k => Known(k.EndDate) ? k : k with { EndDate = null, Status = 1, SituationAfter = [] })],
                [.. Jobseekers.Where(j => active.Contains(j.PersonKey) && Known(j.RegisteredFrom)).Select(j => j with { RegisteredTo = AsKnown(j.RegisteredTo) })],
                followups);
        }
    }
}
