using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Storage;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Web;

/// <summary>
/// A small hand-made installation: NAV Fredrikstad serves Fredrikstad and Hvaler, NAV Sarpsborg serves Sarpsborg, one
/// capture batch each for 2024. The numbers are chosen so the expected values can be worked out by hand:
/// in Fredrikstad person k (0–9) is a recipient from month k+1, so recipients are 1, 2, … 10, 10, 10 through the year.
/// </summary>
internal static class ScorecardData
{
    public static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    public static readonly UnitCode Hvaler = UnitCode.Parse("3110");
    public static readonly UnitCode Sarpsborg = UnitCode.Parse("3105");
    public static readonly UnitCode NavFredrikstad = UnitCode.Office("0106");
    public static readonly UnitCode NavSarpsborg = UnitCode.Office("0105");
    public static readonly Month December = new(2024, 12);

    private static readonly DateTimeOffset ImportedAt = new(2025, 1, 6, 8, 30, 0, TimeSpan.Zero);

    /// <summary>When a test computes a snapshot of this data itself: after it was imported, so every month is in range.</summary>
    public static readonly DateTimeOffset ComputedAt = ImportedAt.AddHours(1);

    /// <summary>Stores offices, population, the three batches, a threshold, a target and a rejected import.</summary>
    public static void Seed(IMalekortStore store)
    {
        store.Migrate();
        store.SaveOffices(
            [new Office("0106", "NAV Fredrikstad", [Fredrikstad, Hvaler]), new Office("0105", "NAV Sarpsborg", [Sarpsborg])],
            Entry("kontorer.csv", "kontorregister", null, "kontorer"));
        store.SavePopulation(
            [
                new PopulationFigure(Fredrikstad, 2024, 400, 50, 800, "test"),
                new PopulationFigure(Hvaler, 2024, 100, 10, 200, "test"),
                new PopulationFigure(Sarpsborg, 2024, 300, 40, 600, "test"),
            ],
            Entry("befolkning.csv", "ssb-07459-csv", null, "befolkning"));
        foreach (var batch in new[] { FredrikstadBatch(), HvalerBatch(), SarpsborgBatch() }) Save(store, batch);
        store.SaveThreshold(new Threshold(Fredrikstad, "BL151", Indicators.Direction.LowerIsBetter, 8m, 12m, "Fredrikstad kommune"));
        store.SaveTarget(new Target(NavFredrikstad, "B.151", December, 4m));
        store.LogRejected(Entry("uttrekk-feil.zip", "malekort-capture/1", Fredrikstad, "avvist") with
        {
            Outcome = ImportOutcome.Rejected,
            Findings = [new Finding(Severity.Error, "utbetalinger.csv", 17, "periode_til", "Datoen «2024-13-01» finnes ikke; forventet ÅÅÅÅ-MM-DD.")],
        });
    }

    public static void Save(IMalekortStore store, CaptureBatch batch) =>
        store.SaveBatch(batch, Entry($"uttrekk-{batch.Header.Unit}.zip", batch.Header.Format, batch.Header.Unit, batch.ContentHash) with
        {
            PeriodFrom = batch.Header.PeriodFrom,
            PeriodTo = batch.Header.PeriodTo,
            Counts = batch.Counts(),
        });

    private static ImportLogEntry Entry(string source, string format, UnitCode? unit, string hash) =>
        new(source, format, ImportedAt, ImportOutcome.Imported, unit, null, null, hash, new Dictionary<string, int>(StringComparer.Ordinal), []);

    public static CaptureBatch FredrikstadBatch()
    {
        var b = new BatchBuilder(Fredrikstad, "fredrikstad-2024",
            BatchBuilder.AllParts | CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions);
        for (var k = 0; k < 10; k++)
        {
            var person = b.Person(k % 2 == 0 ? 22 : 40);
            for (var m = k + 1; m <= 12; m++) b.Payment(person, new Month(2024, m));
            // Persons 0–5 live mainly on social assistance (VKLO 5) all year.
            if (k <= 5) b.Livelihood(person, 5);
            // Person 1 provides for a child in the household.
            if (k == 1) b.Child(person, new DateOnly(2015, 3, 1));
            // Persons 0 and 2 (22 years) have an activity condition all year, person 4 (22) one that is not activity (10), person 3
            // (40) a condition about health (14); person 6 (22) is exempted, on health grounds; person 0 is sanctioned in December.
            if (k is 0 or 2) b.Condition(person, "16|08");
            if (k == 4) b.Condition(person, "10");
            if (k == 3) b.Condition(person, "14");
            if (k == 6) b.Exemption(person, "03");
            if (k == 0) b.Sanction(person, new DateOnly(2024, 12, 12));
        }
        foreach (var days in new[] { 10, 12, 14, 20 }) b.Case(new DateOnly(2024, 12, 18), days);
        b.CaseWithoutReceivedDate(new DateOnly(2024, 12, 19));
        for (var i = 0; i < 4; i++)
        {
            var situation = i switch { 0 => "01", 1 => "04", _ => null };
            b.Kvp(b.Person(30), new DateOnly(2024, 2, 1), situation is null ? null : new DateOnly(2024, 12, 10), situation);
        }
        for (var i = 0; i < 5; i++)
        {
            var seeker = b.Person(35);
            b.Jobseeker(seeker, new DateOnly(2024, 1, 1));
            if (i < 4) b.Followup(seeker, new DateOnly(2024, 12, 3));
        }
        return b.Build();
    }

    public static CaptureBatch HvalerBatch()
    {
        // Hvaler sends payments only: everything else is not captured there, never 0.
        var b = new BatchBuilder(Hvaler, "hvaler-2024", CaptureDomains.Persons | CaptureDomains.Payments);
        for (var i = 0; i < 2; i++) b.Payment(b.Person(45), December);
        return b.Build();
    }

    public static CaptureBatch SarpsborgBatch()
    {
        var b = new BatchBuilder(Sarpsborg, "sarpsborg-2024");
        for (var i = 0; i < 5; i++)
        {
            var person = b.Person(50);
            for (var m = 1; m <= 12; m++) b.Payment(person, new Month(2024, m));
        }
        return b.Build();
    }

    /// <summary>Records of one batch for 2024, persons with synthetic pseudonym keys.</summary>
    internal sealed class BatchBuilder(UnitCode unit, string hash, CaptureDomains parts = BatchBuilder.AllParts, DateOnly? from = null, DateOnly? to = null)
    {
        public const CaptureDomains AllParts = CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood | CaptureDomains.Family
            | CaptureDomains.Cases | CaptureDomains.Kvp | CaptureDomains.Jobseekers | CaptureDomains.Followups;

        private readonly List<PersonRecord> persons = [];
        private readonly List<PaymentRecord> payments = [];
        private readonly List<LivelihoodRecord> livelihood = [];
        private readonly List<FamilyRecord> family = [];
        private readonly List<CaseRecord> cases = [];
        private readonly List<KvpRecord> kvp = [];
        private readonly List<JobseekerRecord> jobseekers = [];
        private readonly List<FollowupRecord> followups = [];
        private readonly List<ConditionRecord> conditions = [];
        private readonly List<ExemptionRecord> exemptions = [];
        private readonly List<SanctionRecord> sanctions = [];

        /// <summary>A person of the age; <paramref name="key"/> is the stored pseudonym (by default one made up from the unit and a number).</summary>
        public string Person(int ageAtEndOf2024, string? key = null)
        {
            key ??= $"psd-{unit}-{persons.Count:D3}";
            persons.Add(new PersonRecord(key, new DateOnly(2024 - ageAtEndOf2024, 5, 15), Sex.Woman));
            return key;
        }

        public void Payment(string person, Month month) => payments.Add(new PaymentRecord($"u{payments.Count}", person, "SOS",
            BenefitCategory.OkonomiskSosialhjelp, 6000m, PaymentStatus.Utbetalt, month.Start.AddDays(4), month.Start, month.End, null));

        public void Livelihood(string person, int source) => livelihood.Add(new LivelihoodRecord(person, new DateOnly(2024, 1, 1), null, source));

        public void Child(string person, DateOnly born) => family.Add(new FamilyRecord(person, $"b{family.Count}", FamilyRelation.Barn, born,
            100, true, true, new DateOnly(2024, 1, 1), null));

        public void Case(DateOnly approved, int days) => cases.Add(new CaseRecord($"s{cases.Count}", Person(40), "SOS",
            BenefitCategory.OkonomiskSosialhjelp, approved.AddDays(-days), approved));

        public void CaseWithoutReceivedDate(DateOnly approved) => cases.Add(new CaseRecord($"s{cases.Count}", Person(40), "SOS",
            BenefitCategory.OkonomiskSosialhjelp, null, approved));

        public void Kvp(string person, DateOnly start, DateOnly? end, string? situation) => kvp.Add(new KvpRecord(person,
            start.AddMonths(-2), start.AddMonths(-1), start, end, null, situation is null ? [] : [situation]));

        public void Jobseeker(string person, DateOnly from) => jobseekers.Add(new JobseekerRecord(person, JobseekerGroup.Ordinaer, from, null));

        public void Followup(string person, DateOnly date) => followups.Add(new FollowupRecord(person, date));

        /// <summary>A condition for the whole of 2024, decided on 2 January.</summary>
        public void Condition(string person, string codes) => conditions.Add(new ConditionRecord(person, new DateOnly(2024, 1, 2),
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), codes.Split('|')));

        public void Exemption(string person, string grounds) => exemptions.Add(new ExemptionRecord(person, new DateOnly(2024, 1, 15), grounds.Split('|')));

        public void Sanction(string person, DateOnly date) => sanctions.Add(new SanctionRecord(person, date.Year, date, "01"));

        public CaptureBatch Build() => new(
            new BatchHeader("malekort-capture/1", "test", unit, from ?? new DateOnly(2024, 1, 1), to ?? new DateOnly(2024, 12, 31),
                new DateTimeOffset(2025, 1, 5, 6, 0, 0, TimeSpan.Zero), parts),
            hash, persons,
            [new CodeListEntry("SOS", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp)],
            payments, livelihood, family,
            [new CodeListEntry("SOS", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp)],
            cases, kvp, jobseekers, followups)
        {
            Conditions = conditions,
            Exemptions = exemptions,
            Sanctions = sanctions,
        };
    }
}
