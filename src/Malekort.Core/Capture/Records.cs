using Malekort.Units;

namespace Malekort.Capture;

// The source-neutral model every reader (capture v1, KOSTRA 11F/11CF, Digisos) produces and the
// indicator engine consumes. Person keys are pseudonymous: a reader that meets a fødselsnummer
// replaces it before building these records.

/// <summary>Which parts of the data a batch carries. A part it lacks is "not captured", never zero.</summary>
[Flags]
public enum CaptureDomains
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Persons (birth dates).</summary>
    Persons = 1,
    /// <summary>Payments (utbetalinger) with their benefit-type code list.</summary>
    Payments = 2,
    /// <summary>Main livelihood history (viktigste kilde til livsopphold).</summary>
    Livelihood = 4,
    /// <summary>Family members.</summary>
    Family = 8,
    /// <summary>Cases (saker) with their case-type code list.</summary>
    Cases = 16,
    /// <summary>Qualification programme (KVP) participations.</summary>
    Kvp = 32,
    /// <summary>Job seeker registrations (Arena).</summary>
    Jobseekers = 64,
    /// <summary>Follow-up contacts (Arena).</summary>
    Followups = 128,
    /// <summary>Conditions (vilkår) set with payment decisions.</summary>
    Conditions = 256,
    /// <summary>Exemptions from the activity duty (sosialtjenesteloven § 20a).</summary>
    Exemptions = 512,
    /// <summary>Sanctions for broken conditions.</summary>
    Sanctions = 1024,
    /// <summary>
    /// With <see cref="Sanctions"/>: the batch knows its sanctions only by year (KOSTRA 11F, "i løpet av året"), so they say
    /// nothing about a month and are counted on December (spec "Conditions and the activity duty").
    /// </summary>
    YearlySanctions = 2048,
}

/// <summary>How a source system's benefit or case type is classified (spec "social assistance payment", PL151).</summary>
public enum BenefitCategory
{
    /// <summary>Økonomisk sosialhjelp: counts.</summary>
    OkonomiskSosialhjelp,
    /// <summary>Kvalifiseringsstønad: never social assistance.</summary>
    Kvalifiseringsstonad,
    /// <summary>Anything else: never counts.</summary>
    Annet,
}

/// <summary>A payment's status. Only <see cref="Utbetalt"/> counts.</summary>
public enum PaymentStatus
{
    /// <summary>Paid.</summary>
    Utbetalt,
    /// <summary>Planned.</summary>
    Planlagt,
    /// <summary>Stopped.</summary>
    Stoppet,
    /// <summary>Cancelled.</summary>
    Annullert,
}

/// <summary>A family member's relation to the person.</summary>
public enum FamilyRelation
{
    /// <summary>Child.</summary>
    Barn,
    /// <summary>Spouse.</summary>
    Ektefelle,
    /// <summary>Cohabitant.</summary>
    Samboer,
    /// <summary>Other.</summary>
    Annet,
}

/// <summary>A job seeker's group in Arena. Only <see cref="Ordinaer"/> counts in B10.</summary>
public enum JobseekerGroup
{
    /// <summary>Ordinary job seeker.</summary>
    Ordinaer,
    /// <summary>Any other group.</summary>
    Annet,
}

/// <summary>Person sex, KOSTRA codes.</summary>
public enum Sex
{
    /// <summary>1 Mann.</summary>
    Man = 1,
    /// <summary>2 Kvinne.</summary>
    Woman = 2,
}

/// <summary>Where a batch came from and what it is the truth for.</summary>
/// <param name="Format">The reader that produced it: <c>malekort-capture/1</c>, <c>kostra-11F</c>, <c>kostra-11CF</c>, <c>digisos</c>.</param>
/// <param name="SourceSystem">The source system as the batch names it.</param>
/// <param name="Unit">The municipality or Oslo district.</param>
/// <param name="PeriodFrom">First day the batch is the full truth for.</param>
/// <param name="PeriodTo">Last day the batch is the full truth for.</param>
/// <param name="ExtractedAt">When the source system made the extract; a newer batch supersedes an older one.</param>
/// <param name="Domains">The parts of the data the batch carries.</param>
/// <param name="SupersessionKey">
/// Null for a batch that is the full truth for its period (capture v1, KOSTRA). Set for a batch that is the truth only about
/// one thing, such as one Digisos application (søknad): it replaces only older batches with the same key and never erases
/// other data for its days.
/// </param>
public sealed record BatchHeader(
    string Format,
    string SourceSystem,
    UnitCode Unit,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    DateTimeOffset ExtractedAt,
    CaptureDomains Domains,
    string? SupersessionKey = null);

/// <summary>A person.</summary>
public sealed record PersonRecord(string PersonKey, DateOnly BirthDate, Sex? Sex);

/// <summary>A code in a source system's benefit-type or case-type list.</summary>
public sealed record CodeListEntry(string Code, string Name, BenefitCategory Category);

/// <summary>A payment (utbetaling). <see cref="Category"/> is resolved from the batch's code list at import.</summary>
public sealed record PaymentRecord(
    string PaymentId,
    string PersonKey,
    string BenefitType,
    BenefitCategory Category,
    decimal Amount,
    PaymentStatus Status,
    DateOnly? PaymentDate,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string? CaseId);

/// <summary>
/// Main livelihood from <see cref="ValidFrom"/> (KOSTRA VKLO code 1–9, 5 = Sosialhjelp), until a later row, or a newer batch
/// that lists the person, says otherwise. <see cref="ValidTo"/> is kept as the source gave it (KOSTRA: the end of the report
/// year the value was reported for); the engine does not read it, since the spec's rule is the latest value with
/// valid_from ≤ M.end.
/// </summary>
public sealed record LivelihoodRecord(string PersonKey, DateOnly ValidFrom, DateOnly? ValidTo, int Source);

/// <summary>A family member of a person. <see cref="Approximate"/> marks values derived from a coarser source (KOSTRA BU18).</summary>
public sealed record FamilyRecord(
    string PersonKey,
    string MemberId,
    FamilyRelation Relation,
    DateOnly? MemberBirthDate,
    int? CalculationPercent,
    bool? ProviderDuty,
    bool? InHousehold,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    bool Approximate = false);

/// <summary>A case (sak). <see cref="Category"/> is resolved from the batch's case-type list at import.</summary>
public sealed record CaseRecord(
    string CaseId,
    string PersonKey,
    string CaseType,
    BenefitCategory Category,
    DateOnly? ReceivedDate,
    DateOnly? ApprovedDate);

/// <summary>A qualification programme participation.</summary>
public sealed record KvpRecord(
    string PersonKey,
    DateOnly? RegisteredDate,
    DateOnly? DecisionDate,
    DateOnly StartDate,
    DateOnly? EndDate,
    int? Status,
    IReadOnlyList<string> SituationAfter);

/// <summary>A job seeker registration.</summary>
public sealed record JobseekerRecord(string PersonKey, JobseekerGroup Group, DateOnly RegisteredFrom, DateOnly? RegisteredTo);

/// <summary>A follow-up contact with a job seeker.</summary>
public sealed record FollowupRecord(string PersonKey, DateOnly Date);

/// <summary>
/// A condition (vilkår) set with a payment decision: the decision's date, the period the condition applies to, and its
/// KOSTRA VILKAR codes (<see cref="ConditionCodes.Conditions"/>). KOSTRA 11F: UTBETDATO–UTBETTOMDATO of the payment decision.
/// </summary>
public sealed record ConditionRecord(string PersonKey, DateOnly DecidedDate, DateOnly ValidFrom, DateOnly ValidTo, IReadOnlyList<string> Codes);

/// <summary>
/// An exemption from the activity duty for a recipient under 30 (sosialtjenesteloven § 20a) and its grounds, KOSTRA VEDTAK
/// codes (<see cref="ConditionCodes.ExemptionGrounds"/>). KOSTRA 11F reports the first one: VEDTAKDATO.
/// </summary>
public sealed record ExemptionRecord(string PersonKey, DateOnly DecidedDate, IReadOnlyList<string> Grounds);

/// <summary>
/// A sanction for a broken condition, of a kind in <see cref="ConditionCodes.SanctionKinds"/>. <see cref="Date"/> is null
/// where the source knows only the year (KOSTRA 11F SANKSJONRED/SANKSJONANDRE: "i løpet av året").
/// </summary>
public sealed record SanctionRecord(string PersonKey, int Year, DateOnly? Date, string Kind);

/// <summary>
/// One batch as read and validated: everything it says about its unit and period. Readers produce it;
/// storage keeps it whole (all-or-nothing); the engine combines batches by the supersession rule.
/// </summary>
public sealed record CaptureBatch(
    BatchHeader Header,
    string ContentHash,
    IReadOnlyList<PersonRecord> Persons,
    IReadOnlyList<CodeListEntry> BenefitTypes,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<LivelihoodRecord> Livelihood,
    IReadOnlyList<FamilyRecord> Family,
    IReadOnlyList<CodeListEntry> CaseTypes,
    IReadOnlyList<CaseRecord> Cases,
    IReadOnlyList<KvpRecord> Kvp,
    IReadOnlyList<JobseekerRecord> Jobseekers,
    IReadOnlyList<FollowupRecord> Followups)
{
    /// <summary>Conditions (<c>conditions.csv</c>, KOSTRA 11F VILKAR*); empty where the batch has none.</summary>
    public IReadOnlyList<ConditionRecord> Conditions { get; init; } = [];

    /// <summary>Exemptions from the activity duty (<c>activity_exemptions.csv</c>, KOSTRA 11F VEDTAK*).</summary>
    public IReadOnlyList<ExemptionRecord> Exemptions { get; init; } = [];

    /// <summary>Sanctions (<c>sanctions.csv</c>, KOSTRA 11F SANKSJON*).</summary>
    public IReadOnlyList<SanctionRecord> Sanctions { get; init; } = [];

    /// <summary>The number of records of each kind, for the import log.</summary>
    public IReadOnlyDictionary<string, int> Counts() => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [RecordKinds.Persons] = Persons.Count,
        [RecordKinds.Payments] = Payments.Count,
        [RecordKinds.Livelihood] = Livelihood.Count,
        [RecordKinds.Family] = Family.Count,
        [RecordKinds.Cases] = Cases.Count,
        [RecordKinds.Kvp] = Kvp.Count,
        [RecordKinds.Jobseekers] = Jobseekers.Count,
        [RecordKinds.Followups] = Followups.Count,
        [RecordKinds.Conditions] = Conditions.Count,
        [RecordKinds.Exemptions] = Exemptions.Count,
        [RecordKinds.Sanctions] = Sanctions.Count,
    };
}
