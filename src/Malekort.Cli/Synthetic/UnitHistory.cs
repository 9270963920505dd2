using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

/// <summary>Day numbers (<see cref="DateOnly.DayNumber"/>) stand for dates in the generated rows; this one means "no date".</summary>
internal static class SimDay
{
    public const int None = 0;
}

// The rows below are the whole simulated truth for a unit, as it finally turns out. Each batch shows the part of it
// that its period covers, as it was known when the batch was extracted (BatchWriter decides that).

internal struct PersonRow
{
    public int Birth;
    public Sex Sex;
}

internal struct PaymentRow
{
    public int Id;
    public int Person;
    public byte BenefitType;
    public PaymentStatus Status;
    public long Ore;
    public int PaymentDay;
    public int PeriodFrom;
    public int PeriodTo;
    public int CaseId;
    /// <summary>The day a paid payment was cancelled (ANNULLERT from then on); <see cref="SimDay.None"/> if never.</summary>
    public int CancelDay;
}

internal struct CaseRow
{
    public int Id;
    public int Person;
    public byte CaseType;
    public int Received;
    public int Approved;
}

internal struct LivelihoodRow
{
    public int Person;
    public int ValidFrom;
    public byte Source;
}

internal struct FamilyRow
{
    public int Person;
    public int Member;
    public FamilyRelation Relation;
    public int MemberBirth;
    /// <summary>Beregningsprosent 0–100, or −1 for no value.</summary>
    public sbyte CalculationPercent;
    /// <summary>−1 no value, 0 false, 1 true.</summary>
    public sbyte ProviderDuty;
    /// <summary>−1 no value, 0 false, 1 true.</summary>
    public sbyte InHousehold;
    public int ValidFrom;
    public int ValidTo;
}

internal struct KvpRow
{
    public int Person;
    public int Registered;
    public int Decision;
    public int Start;
    /// <summary>The day the programme ends; <see cref="SimDay.None"/> when it runs past the simulation.</summary>
    public int End;
    /// <summary>KOSTRA 11CF STATUS once ended (3, 4, 5, 6 or 7).</summary>
    public byte EndStatus;
    public int LeaveFrom;
    public int LeaveTo;
    public string? SituationAfter;
}

internal struct JobseekerRow
{
    public int Person;
    public JobseekerGroup Group;
    public int From;
    public int To;
}

internal struct FollowupRow
{
    public int Person;
    public int Day;
}

/// <summary>A condition set by a payment decision: KOSTRA VILKAR codes joined with <c>|</c>.</summary>
internal struct ConditionRow
{
    public int Person;
    public int Decided;
    public int From;
    public int To;
    public string Codes;
}

/// <summary>An exemption from the activity duty: KOSTRA VEDTAK grounds joined with <c>|</c>.</summary>
internal struct ExemptionRow
{
    public int Person;
    public int Decided;
    public string Grounds;
}

/// <summary>A sanction of a KOSTRA SANKSJON kind (<c>01</c>, <c>02</c>).</summary>
internal struct SanctionRow
{
    public int Person;
    public int Day;
    public string Kind;
}

/// <summary>Everything simulated for one unit.</summary>
internal sealed class UnitHistory(UnitCode unit, string sourceSystem)
{
    public UnitCode Unit { get; } = unit;
    public string SourceSystem { get; } = sourceSystem;
    public List<PersonRow> Persons { get; } = [];
    public List<PaymentRow> Payments { get; } = [];
    public List<CaseRow> Cases { get; } = [];
    public List<LivelihoodRow> Livelihood { get; } = [];
    public List<FamilyRow> Family { get; } = [];
    public List<KvpRow> Kvp { get; } = [];
    public List<JobseekerRow> Jobseekers { get; } = [];
    public List<FollowupRow> Followups { get; } = [];
    public List<ConditionRow> Conditions { get; } = [];
    public List<ExemptionRow> Exemptions { get; } = [];
    public List<SanctionRow> Sanctions { get; } = [];
}
