using System.Runtime.InteropServices;
using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>
/// The rows of one batch that can affect an indicator, in the engine's compact form: paid social assistance, main
/// livelihood, children who can make a provider, social assistance cases, KVP, ordinary job seekers, follow-ups,
/// conditions, exemptions from the activity duty and sanctions, with persons numbered within the batch, dates as day
/// numbers and KOSTRA codes as bits of their position in <see cref="ConditionCodes"/>. Storage caches this beside the readable tables so loading
/// reads one blob per batch, stamped with <see cref="RulesVersion"/> and made again from the tables when that changes; tests
/// and readers build it from a <see cref="CaptureBatch"/>. There is one path from a batch to the engine: <see cref="From"/>.
/// </summary>
public sealed class BatchRows
{
    // Version 2 added conditions, exemptions and sanctions; a version 1 blob (stored before) has none of them.
    private const int FormatVersion = 2;
    private const int HeaderInts = 14;
    private const int Version1HeaderInts = 11;

    /// <summary>
    /// The rules these rows were kept under: the format and <see cref="IndicatorRules.RowsVersion"/>. Rows cached under
    /// another version are stale and are made again from the readable tables.
    /// </summary>
    public static string RulesVersion { get; } = $"rows {FormatVersion}, rules {IndicatorRules.RowsVersion}";

    internal const int NoDay = UnitData.NoDay;
    internal const int OpenEnd = int.MaxValue;
    internal const int OpenStart = int.MinValue;

    internal const int ProviderFlag = 1;
    internal const int DutyInHouseholdFlag = 2;

    private BatchRows(long[] people, int[] births, int[] payments, int[] livelihood, int[] children, int[] cases, int[] kvp,
        int[] jobseekers, int[] followups, int[] conditions, int[] exemptions, int[] sanctions, bool approximateFamily)
    {
        People = people;
        Births = births;
        Payments = payments;
        Livelihood = livelihood;
        Children = children;
        Cases = cases;
        Kvp = kvp;
        Jobseekers = jobseekers;
        Followups = followups;
        Conditions = conditions;
        Exemptions = exemptions;
        Sanctions = sanctions;
        ApproximateFamily = approximateFamily;
    }

    /// <summary>The batch's persons by the caller's ids (storage: <c>people.id</c>), in the order rows refer to them.</summary>
    public IReadOnlyList<long> People { get; }

    /// <summary>Birth day per person (aligned with <see cref="People"/>); <see cref="NoDay"/> when the batch gives none.</summary>
    internal int[] Births { get; }

    /// <summary>person, dating day, first day, last day — paid social assistance only.</summary>
    internal int[] Payments { get; }

    /// <summary>person, valid_from, valid_to (or open), VKLO code.</summary>
    internal int[] Livelihood { get; }

    /// <summary>person, child's birth day, flags (provider, provider duty in household), valid_from (or open), valid_to (or open).</summary>
    internal int[] Children { get; }

    /// <summary>dating day, received day (or none), approved day (or none) — social assistance cases only.</summary>
    internal int[] Cases { get; }

    /// <summary>person, registered, decided, start, end (or open), situation-after codes as bits of <see cref="KvpSituation.All"/>.</summary>
    internal int[] Kvp { get; }

    /// <summary>person, registered_from, registered_to (or open) — ordinary job seekers only.</summary>
    internal int[] Jobseekers { get; }

    /// <summary>person, day.</summary>
    internal int[] Followups { get; }

    /// <summary>person, decided day, valid_from day, valid_to day, VILKAR codes as bits of <see cref="ConditionCodes.Conditions"/>.</summary>
    internal int[] Conditions { get; }

    /// <summary>person, decided day, grounds as bits of <see cref="ConditionCodes.ExemptionGrounds"/>.</summary>
    internal int[] Exemptions { get; }

    /// <summary>person, day (or <see cref="NoDay"/> when only the year is known), year, kind's position in <see cref="ConditionCodes.SanctionKinds"/>.</summary>
    internal int[] Sanctions { get; }

    /// <summary>Whether family facts are approximated from a coarser source (KOSTRA BU18).</summary>
    internal bool ApproximateFamily { get; }

    /// <summary>The number of rows held.</summary>
    public long RowCount => (long)Payments.Length / 4 + Livelihood.Length / 4 + Children.Length / 5 + Cases.Length / 3 + Kvp.Length / 6
        + Jobseekers.Length / 3 + Followups.Length / 2 + Conditions.Length / 5 + Exemptions.Length / 3 + Sanctions.Length / 4
        + People.Count;

    /// <summary>
    /// Keeps what can affect an indicator (spec rules in <see cref="IndicatorRules"/>) and numbers the persons; every person the
    /// batch names gets an id from <paramref name="personId"/>.
    /// </summary>
    public static BatchRows From(CaptureBatch batch, Func<string, long> personId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(personId);
        var local = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new List<long>();
        var births = new List<int>();
        int Person(string key)
        {
            if (!local.TryGetValue(key, out var index))
            {
                index = people.Count;
                local.Add(key, index);
                people.Add(personId(key));
                births.Add(NoDay);
            }
            return index;
        }

        foreach (var p in batch.Persons) births[Person(p.PersonKey)] = p.BirthDate.DayNumber;

        var payments = new List<int>(batch.Payments.Count * 4);
        foreach (var p in batch.Payments)
        {
            if (!IndicatorRules.CountsAsSocialAssistance(p.Category, p.Status)) continue;
            var (from, to) = IndicatorRules.PaymentDays(p.PaymentDate, p.PeriodFrom, p.PeriodTo);
            payments.AddRange([Person(p.PersonKey), (p.PaymentDate ?? p.PeriodFrom)?.DayNumber ?? NoDay, from, to]);
        }
        var livelihood = new List<int>(batch.Livelihood.Count * 4);
        foreach (var l in batch.Livelihood)
            livelihood.AddRange([Person(l.PersonKey), l.ValidFrom.DayNumber, l.ValidTo?.DayNumber ?? OpenEnd, l.Source]);
        var children = new List<int>();
        var approximate = false;
        foreach (var f in batch.Family)
        {
            if (f.Relation != FamilyRelation.Barn || f.MemberBirthDate is null) continue;
            approximate |= f.Approximate;
            var flags = (IndicatorRules.IsMainProvider(f.CalculationPercent) ? ProviderFlag : 0)
                | (IndicatorRules.HasProviderDutyInHousehold(f.ProviderDuty, f.InHousehold) ? DutyInHouseholdFlag : 0);
            if (flags == 0) continue;
            children.AddRange([Person(f.PersonKey), f.MemberBirthDate.Value.DayNumber, flags,
                f.ValidFrom?.DayNumber ?? OpenStart, f.ValidTo?.DayNumber ?? OpenEnd]);
        }
        var cases = new List<int>();
        foreach (var c in batch.Cases)
        {
            if (c.Category != BenefitCategory.OkonomiskSosialhjelp) continue;
            cases.AddRange([(c.ReceivedDate ?? c.ApprovedDate)?.DayNumber ?? NoDay, c.ReceivedDate?.DayNumber ?? NoDay, c.ApprovedDate?.DayNumber ?? NoDay]);
        }
        var kvp = new List<int>(batch.Kvp.Count * 6);
        foreach (var k in batch.Kvp)
        {
            var situations = 0;
            foreach (var code in k.SituationAfter)
            {
                var index = KvpSituation.IndexOf(code);
                if (index >= 0) situations |= 1 << index;
            }
            kvp.AddRange([Person(k.PersonKey), k.RegisteredDate?.DayNumber ?? NoDay, k.DecisionDate?.DayNumber ?? NoDay,
                k.StartDate.DayNumber, k.EndDate?.DayNumber ?? OpenEnd, situations]);
        }
        var jobseekers = new List<int>();
        foreach (var j in batch.Jobseekers)
        {
            if (j.Group != JobseekerGroup.Ordinaer) continue;
            jobseekers.AddRange([Person(j.PersonKey), j.RegisteredFrom.DayNumber, j.RegisteredTo?.DayNumber ?? OpenEnd]);
        }
        var followups = new List<int>(batch.Followups.Count * 2);
        foreach (var f in batch.Followups) followups.AddRange([Person(f.PersonKey), f.Date.DayNumber]);
        // Every code is kept: which ones count as activity is a rule of today (IndicatorRules), not a fact of the batch.
        var conditions = new List<int>(batch.Conditions.Count * 5);
        foreach (var c in batch.Conditions)
            conditions.AddRange([Person(c.PersonKey), c.DecidedDate.DayNumber, c.ValidFrom.DayNumber, c.ValidTo.DayNumber,
                ConditionCodes.Bits(ConditionCodes.Conditions, c.Codes)]);
        var exemptions = new List<int>(batch.Exemptions.Count * 3);
        foreach (var e in batch.Exemptions)
            exemptions.AddRange([Person(e.PersonKey), e.DecidedDate.DayNumber, ConditionCodes.Bits(ConditionCodes.ExemptionGrounds, e.Grounds)]);
        var sanctions = new List<int>(batch.Sanctions.Count * 4);
        foreach (var s in batch.Sanctions)
            sanctions.AddRange([Person(s.PersonKey), s.Date?.DayNumber ?? NoDay, s.Year, ConditionCodes.IndexOf(ConditionCodes.SanctionKinds, s.Kind)]);

        return new BatchRows([.. people], [.. births], [.. payments], [.. livelihood], [.. children], [.. cases], [.. kvp], [.. jobseekers],
            [.. followups], [.. conditions], [.. exemptions], [.. sanctions], approximate);
    }

    /// <summary>The rows as bytes for storage (little-endian, versioned).</summary>
    public byte[] Encode()
    {
        EnsureLittleEndian();
        int[] header =
        [
            FormatVersion, ApproximateFamily ? 1 : 0, People.Count, Payments.Length, Livelihood.Length, Children.Length, Cases.Length,
            Kvp.Length, Jobseekers.Length, Followups.Length, Conditions.Length, Exemptions.Length, Sanctions.Length, 0,
        ];
        var size = (HeaderInts + Births.Length + Payments.Length + Livelihood.Length + Children.Length + Cases.Length + Kvp.Length
            + Jobseekers.Length + Followups.Length + Conditions.Length + Exemptions.Length + Sanctions.Length) * sizeof(int)
            + People.Count * sizeof(long);
        var bytes = new byte[size];
        var offset = 0;
        void Put<T>(ReadOnlySpan<T> values) where T : struct
        {
            var source = MemoryMarshal.AsBytes(values);
            source.CopyTo(bytes.AsSpan(offset));
            offset += source.Length;
        }
        Put<int>(header);
        Put<long>(((long[])People).AsSpan());
        Put<int>(Births);
        Put<int>(Payments);
        Put<int>(Livelihood);
        Put<int>(Children);
        Put<int>(Cases);
        Put<int>(Kvp);
        Put<int>(Jobseekers);
        Put<int>(Followups);
        Put<int>(Conditions);
        Put<int>(Exemptions);
        Put<int>(Sanctions);
        return bytes;
    }

    /// <summary>Rows from <see cref="Encode"/>, of this format version or the one before.</summary>
    /// <exception cref="InvalidDataException">The bytes are not rows of a known format version.</exception>
    public static BatchRows Decode(ReadOnlySpan<byte> data)
    {
        EnsureLittleEndian();
        if (data.Length < Version1HeaderInts * sizeof(int)) throw new InvalidDataException("Motorradene er for korte.");
        var version = MemoryMarshal.Read<int>(data);
        var headerInts = version switch
        {
            FormatVersion => HeaderInts,
            1 => Version1HeaderInts,
            _ => throw new InvalidDataException($"Motorradene har formatversjon {version}, forventet {FormatVersion}."),
        };
        if (data.Length < headerInts * sizeof(int)) throw new InvalidDataException("Motorradene er for korte.");
        var header = MemoryMarshal.Cast<byte, int>(data[..(headerInts * sizeof(int))]);
        var offset = headerInts * sizeof(int);
        var people = Take<long>(data, ref offset, header[2]);
        var births = Take<int>(data, ref offset, header[2]);
        var parts = new int[version == 1 ? 7 : 10][];
        for (var i = 0; i < parts.Length; i++) parts[i] = Take<int>(data, ref offset, header[3 + i]);
        if (offset != data.Length) throw new InvalidDataException("Motorradene har bytes til overs.");
        return new BatchRows(people, births, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6],
            version == 1 ? [] : parts[7], version == 1 ? [] : parts[8], version == 1 ? [] : parts[9], header[1] != 0);
    }

    private static T[] Take<T>(ReadOnlySpan<byte> data, ref int offset, int count) where T : struct
    {
        if (count < 0) throw new InvalidDataException("Motorradene har et negativt antall.");
        var length = checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        if (offset + length > data.Length) throw new InvalidDataException("Motorradene er avkuttet.");
        var values = MemoryMarshal.Cast<byte, T>(data.Slice(offset, length)).ToArray();
        offset += length;
        return values;
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Motorradene lagres little-endian.");
    }
}
