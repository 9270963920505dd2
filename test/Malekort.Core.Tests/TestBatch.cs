using System.Globalization;
using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort;

/// <summary>
/// Builds a small <see cref="CaptureBatch"/> by hand, one record per call, with dates written as <c>YYYY-MM-DD</c>
/// so a fixture reads like the capture files it stands for. Defaults: unit 3107, the whole of 2023–2024, every part.
/// </summary>
internal sealed class TestBatch
{
    public const CaptureDomains AllParts = CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood
        | CaptureDomains.Family | CaptureDomains.Cases | CaptureDomains.Kvp | CaptureDomains.Jobseekers | CaptureDomains.Followups
        | CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions;

    private readonly BatchHeader header;
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

    public TestBatch(string unit = "3107", string from = "2023-01-01", string to = "2024-12-31",
        string extractedAt = "2025-01-02T05:00:00Z", CaptureDomains parts = AllParts, string? key = null) =>
        header = new BatchHeader("malekort-capture/1", "test", UnitCode.Parse(unit), D(from), D(to),
            DateTimeOffset.Parse(extractedAt, CultureInfo.InvariantCulture), parts, key);

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A month written <c>YYYY-MM</c>.</summary>
    public static Month M(string month) => Month.Parse(month);

    private static DateOnly? OptionalD(string? date) => date is null ? null : D(date);

    public TestBatch Person(string id, string birth)
    {
        persons.Add(new PersonRecord(id, D(birth), null));
        return this;
    }

    /// <summary>A paid social assistance payment for the period, paid on its first day.</summary>
    public TestBatch Paid(string person, string periodFrom, string periodTo) =>
        Payment(person, paymentDate: periodFrom, periodFrom: periodFrom, periodTo: periodTo);

    /// <summary>One paid social assistance payment covering the whole of each month.</summary>
    public TestBatch PaidIn(string person, params string[] months)
    {
        foreach (var m in months) Payment(person, paymentDate: M(m).Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodFrom: M(m).Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodTo: M(m).End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return this;
    }

    public TestBatch Payment(string person, string? paymentDate = null, string? periodFrom = null, string? periodTo = null,
        BenefitCategory category = BenefitCategory.OkonomiskSosialhjelp, PaymentStatus status = PaymentStatus.Utbetalt,
        string benefitType = "SH")
    {
        payments.Add(new PaymentRecord($"p{payments.Count + 1}", person, benefitType, category, 1000m, status,
            OptionalD(paymentDate), OptionalD(periodFrom), OptionalD(periodTo), null));
        return this;
    }

    public TestBatch Livelihood(string person, string validFrom, int source, string? validTo = null)
    {
        livelihood.Add(new LivelihoodRecord(person, D(validFrom), OptionalD(validTo), source));
        return this;
    }

    public TestBatch Child(string person, string birth, int? percent = null, bool? duty = null, bool? inHousehold = null,
        string? validFrom = null, string? validTo = null, FamilyRelation relation = FamilyRelation.Barn, bool approximate = false)
    {
        family.Add(new FamilyRecord(person, $"{person}-b{family.Count + 1}", relation, D(birth), percent, duty, inHousehold,
            OptionalD(validFrom), OptionalD(validTo), approximate));
        return this;
    }

    public TestBatch Case(string person, string? received, string? approved,
        BenefitCategory category = BenefitCategory.OkonomiskSosialhjelp)
    {
        cases.Add(new CaseRecord($"c{cases.Count + 1}", person, category == BenefitCategory.OkonomiskSosialhjelp ? "SOS" : "ANNET",
            category, OptionalD(received), OptionalD(approved)));
        return this;
    }

    public TestBatch Kvp(string person, string start, string? end = null, int? status = null, string? registered = null,
        string? decision = null, params string[] situationAfter)
    {
        kvp.Add(new KvpRecord(person, OptionalD(registered), OptionalD(decision), D(start), OptionalD(end), status, situationAfter));
        return this;
    }

    public TestBatch Jobseeker(string person, string from, string? to = null, JobseekerGroup group = JobseekerGroup.Ordinaer)
    {
        jobseekers.Add(new JobseekerRecord(person, group, D(from), OptionalD(to)));
        return this;
    }

    public TestBatch Followup(string person, string date)
    {
        followups.Add(new FollowupRecord(person, D(date)));
        return this;
    }

    /// <summary>A condition with KOSTRA VILKAR codes, decided on its first day unless <paramref name="decided"/> says otherwise.</summary>
    public TestBatch Condition(string person, string validFrom, string validTo, string codes, string? decided = null)
    {
        conditions.Add(new ConditionRecord(person, D(decided ?? validFrom), D(validFrom), D(validTo), codes.Split('|')));
        return this;
    }

    /// <summary>An exemption from the activity duty with KOSTRA VEDTAK grounds.</summary>
    public TestBatch Exemption(string person, string decided, string grounds = "03")
    {
        exemptions.Add(new ExemptionRecord(person, D(decided), grounds.Split('|')));
        return this;
    }

    /// <summary>A sanction on a day, or (<paramref name="year"/>) known only by its year, as KOSTRA gives it.</summary>
    public TestBatch Sanction(string person, string? date, string kind = "01", int? year = null)
    {
        sanctions.Add(new SanctionRecord(person, year ?? D(date!).Year, OptionalD(date), kind));
        return this;
    }

    public CaptureBatch Build() => new(header, $"{header.Unit}-{header.ExtractedAt:O}", persons,
        [new CodeListEntry("SH", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp)], payments, livelihood, family,
        [new CodeListEntry("SOS", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp)], cases, kvp, jobseekers, followups)
    {
        Conditions = conditions,
        Exemptions = exemptions,
        Sanctions = sanctions,
    };

    /// <summary>Runs the engine on this batch alone.</summary>
    public Computed Compute(string first, string last, PopulationTable? population = null, OfficeRegister? offices = null) =>
        Compute([this], first, last, population, offices);

    /// <summary>Runs the engine on the batches, added in the order given.</summary>
    public static Computed Compute(IEnumerable<TestBatch> batches, string first, string last,
        PopulationTable? population = null, OfficeRegister? offices = null)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch.Build());
        var results = new IndicatorEngine(UnitRegister.Default, offices ?? OfficeRegister.Empty)
            .Compute(builder.Build(), population ?? PopulationTable.Empty, new MonthRange(M(first), M(last)));
        return new Computed(results);
    }
}

/// <summary>Engine results read by code, month and unit as the spec writes them.</summary>
internal sealed class Computed(IndicatorResults results)
{
    public IndicatorResults Results => results;

    public IndicatorValue this[string indicator, string month, string unit = "3107"] =>
        results.Get(UnitCode.Parse(unit), TestBatch.M(month), indicator);

    /// <summary>The numerator: the count for a count, null when not captured.</summary>
    public long? Count(string indicator, string month, string unit = "3107") => this[indicator, month, unit].Numerator;
}
