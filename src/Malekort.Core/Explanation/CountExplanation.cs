using Malekort.Capture;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Explanation;

/// <summary>Which part of an indicator is explained: its numerator or its denominator.</summary>
public enum CountedSide
{
    Numerator,
    Denominator,
}

/// <summary>The kind of stored record that made a person's fact true.</summary>
public enum RecordKind
{
    /// <summary>A paid social assistance payment (the months it covers).</summary>
    Payment,
    /// <summary>Main livelihood (VKLO 5) from a date on.</summary>
    Livelihood,
    /// <summary>The person's birth date (an age group), from the newest extract naming the person.</summary>
    Person,
    /// <summary>A child that makes the person a provider.</summary>
    Family,
    /// <summary>A qualification programme (KVP).</summary>
    Kvp,
    /// <summary>A registration as ordinary job seeker.</summary>
    Jobseeker,
    /// <summary>A follow-up of a job seeker.</summary>
    Followup,
    /// <summary>A condition (vilkår).</summary>
    Condition,
    /// <summary>An exemption from the activity duty.</summary>
    Exemption,
    /// <summary>A sanction.</summary>
    Sanction,
}

/// <summary>Where a batch came from in the store: its id and the delivered file or folder it was imported from.</summary>
/// <param name="BatchId">The stored batch's id.</param>
/// <param name="Source">The delivered file or folder (the import log's source).</param>
public sealed record BatchOrigin(long BatchId, string Source);

/// <summary>One record that made a fact the rule asked about true.</summary>
/// <param name="Kind">What kind of record.</param>
/// <param name="Months">The months of the explained window in which this record made the fact true.</param>
/// <param name="Batch">The batch the record came from.</param>
/// <param name="Origin">Where the batch came from in the store; null for a batch not read from a store.</param>
public sealed record CountedRecord(RecordKind Kind, IReadOnlyList<Month> Months, BatchHeader Batch, BatchOrigin? Origin);

/// <summary>A person counted, with why.</summary>
/// <param name="PersonId">The person's id in the unit (storage: <c>people.id</c>); never shown, the caller turns it into a short pseudonym.</param>
/// <param name="AssistanceMonths">The months of the window (M-11 … M) with paid social assistance.</param>
/// <param name="Records">The records that made the rule true, in record kind order.</param>
public sealed record CountedPerson(long PersonId, IReadOnlyList<Month> AssistanceMonths, IReadOnlyList<CountedRecord> Records);

/// <summary>
/// Who was counted in one indicator's numerator or denominator, for one unit and month, and why: worked out by the same rules
/// that made the count (<c>IndicatorEngine.Explain</c>), so <see cref="Members"/> holds exactly <see cref="Count"/> persons.
/// </summary>
/// <param name="Unit">The municipality or district.</param>
/// <param name="Month">The month.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Side">Numerator or denominator.</param>
/// <param name="Count">The engine's count; null when the month is not computed for the indicator (then nobody is listed).</param>
/// <param name="Members">The persons counted.</param>
public sealed record CountExplanation(UnitCode Unit, Month Month, string Indicator, CountedSide Side, long? Count, IReadOnlyList<CountedPerson> Members)
{
    /// <summary>The months a person's strip shows: window(M).</summary>
    public MonthRange Window => MonthRange.Window(Month);
}
