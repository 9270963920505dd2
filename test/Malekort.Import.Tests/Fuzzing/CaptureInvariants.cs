using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.Import.Capture;
using Malekort.Units;

namespace Malekort.Import.Fuzzing;

/// <summary>What must hold of every accepted capture batch (capture format v1, "Cross-file rules"), and its canonical text.</summary>
internal static class CaptureInvariants
{
    private static readonly (string File, Func<CaptureBatch, int> Count, CaptureDomains Domain)[] Files =
    [
        ("persons.csv", b => b.Persons.Count, CaptureDomains.Persons),
        ("benefit_types.csv", b => b.BenefitTypes.Count, CaptureDomains.Payments),
        ("payments.csv", b => b.Payments.Count, CaptureDomains.Payments),
        ("livelihood.csv", b => b.Livelihood.Count, CaptureDomains.Livelihood),
        ("family.csv", b => b.Family.Count, CaptureDomains.Family),
        ("case_types.csv", b => b.CaseTypes.Count, CaptureDomains.Cases),
        ("cases.csv", b => b.Cases.Count, CaptureDomains.Cases),
        ("kvp.csv", b => b.Kvp.Count, CaptureDomains.Kvp),
        ("jobseekers.csv", b => b.Jobseekers.Count, CaptureDomains.Jobseekers),
        ("followups.csv", b => b.Followups.Count, CaptureDomains.Followups),
        ("conditions.csv", b => b.Conditions.Count, CaptureDomains.Conditions),
        ("activity_exemptions.csv", b => b.Exemptions.Count, CaptureDomains.Exemptions),
        ("sanctions.csv", b => b.Sanctions.Count, CaptureDomains.Sanctions),
    ];

    /// <summary>
    /// What is wrong with an accepted batch. The rules of "Cross-file rules" hold of every reader's batch (KOSTRA and Digisos
    /// map to the same records); row counts are checked where <see cref="FuzzCase.Files"/> are capture files.
    /// </summary>
    public static IEnumerable<string> Check(CaptureBatch batch, FuzzCase input, params string[] formats)
    {
        var header = batch.Header;
        if (!formats.Contains(header.Format, StringComparer.Ordinal)) yield return $"format {header.Format}";
        if (!UnitRegister.Default.IsKnownCaptureUnit(header.Unit)) yield return $"unit {header.Unit} is not a capture unit";
        if (header.PeriodTo < header.PeriodFrom) yield return "period_to before period_from";
        if (batch.ContentHash.Length != 64) yield return "content hash is not SHA-256 hex";

        if (input.FilesKnown && formats.Contains(CaptureReader.FormatName, StringComparer.Ordinal))
        {
            var domains = CaptureDomains.None;
            foreach (var (file, count, domain) in Files)
            {
                var present = input.Files.TryGetValue(file, out var bytes);
                if (present) domains |= domain;
                var rows = present ? CsvRecords.DataRows(CsvRecords.Utf8(bytes!), ',', CsvRecords.EmptyLine) : 0;
                if (rows != count(batch)) yield return $"{file} has {rows} non-blank rows but {count(batch)} records";
            }
            if (domains != header.Domains) yield return $"domains {header.Domains}, but the files present say {domains}";
        }

        bool InPeriod(DateOnly day) => day >= header.PeriodFrom && day <= header.PeriodTo;
        // A keyed Digisos batch lists no persons and no code lists (its records carry the key and the one type DIGISOS);
        // where a batch has them, every reference must resolve.
        var listed = batch.Persons.Select(p => p.PersonKey).ToHashSet(StringComparer.Ordinal);
        // The capture format's own rules (spec "Cross-file rules", "payments.csv"); KOSTRA and Digisos map sources that lack
        // them (an 11F 2024 record without fødselsnummer has no birth date, so no person; a Digisos case may have no dates).
        var capture = header.Format == CaptureReader.FormatName;
        var persons = capture ? listed : null;
        if (listed.Count != batch.Persons.Count) yield return "two persons with the same key";
        var benefits = batch.BenefitTypes.ToDictionary(c => c.Code, c => c.Category, StringComparer.Ordinal);
        var caseTypes = batch.CaseTypes.ToDictionary(c => c.Code, c => c.Category, StringComparer.Ordinal);
        if (batch.Payments.Select(p => p.PaymentId).Distinct(StringComparer.Ordinal).Count() != batch.Payments.Count)
            yield return "two payments with the same payment_id";
        if (batch.Cases.Select(c => c.CaseId).Distinct(StringComparer.Ordinal).Count() != batch.Cases.Count)
            yield return "two cases with the same case_id";

        foreach (var p in batch.Payments)
        {
            if (persons?.Contains(p.PersonKey) == false) yield return $"payment {p.PaymentId} refers to an unlisted person";
            if (benefits.Count > 0 && (!benefits.TryGetValue(p.BenefitType, out var category) || category != p.Category))
                yield return $"payment {p.PaymentId} has benefit type {p.BenefitType} not in the list with its category";
            if (capture && p.Amount <= 0m) yield return $"payment {p.PaymentId} amount {p.Amount.ToString(CultureInfo.InvariantCulture)}";
            if (p.Status == PaymentStatus.Utbetalt && p.PaymentDate is null) yield return $"paid payment {p.PaymentId} has no date";
            if ((p.PeriodFrom is null) != (p.PeriodTo is null)) yield return $"payment {p.PaymentId} has half a period";
            if (p.PeriodFrom > p.PeriodTo) yield return $"payment {p.PaymentId} period ends before it starts";
            if ((p.PaymentDate ?? p.PeriodFrom) is not { } dated)
            {
                if (capture) yield return $"payment {p.PaymentId} has no date at all";
            }
            else if (!InPeriod(dated)) yield return $"payment {p.PaymentId} dated {dated:yyyy-MM-dd} outside the batch period";
        }
        foreach (var c in batch.Cases)
        {
            if (persons?.Contains(c.PersonKey) == false) yield return $"case {c.CaseId} refers to an unlisted person";
            if (caseTypes.Count > 0 && (!caseTypes.TryGetValue(c.CaseType, out var category) || category != c.Category))
                yield return $"case {c.CaseId} has case type {c.CaseType} not in the list with its category";
            if (c.ReceivedDate > c.ApprovedDate) yield return $"case {c.CaseId} approved before received";
            if ((c.ReceivedDate ?? c.ApprovedDate) is not { } dated)
            {
                if (capture) yield return $"case {c.CaseId} has no date";
            }
            else if (!InPeriod(dated)) yield return $"case {c.CaseId} dated {dated:yyyy-MM-dd} outside the batch period";
        }
        foreach (var f in batch.Followups)
        {
            if (persons?.Contains(f.PersonKey) == false) yield return "a follow-up refers to an unlisted person";
            if (!InPeriod(f.Date)) yield return $"follow-up dated {f.Date:yyyy-MM-dd} outside the batch period";
        }
        foreach (var l in batch.Livelihood)
        {
            if (persons?.Contains(l.PersonKey) == false) yield return "a livelihood row refers to an unlisted person";
            if (l.Source is < 1 or > 9) yield return $"livelihood source {l.Source}";
        }
        foreach (var f in batch.Family)
        {
            if (persons?.Contains(f.PersonKey) == false) yield return "a family row refers to an unlisted person";
            if (f.ValidFrom > f.ValidTo) yield return "family valid_to before valid_from";
            if (f.Relation == FamilyRelation.Barn && f.MemberBirthDate is null) yield return "a child without a birth date";
            if (f.CalculationPercent is < 0 or > 100) yield return $"calculation_percent {f.CalculationPercent}";
        }
        foreach (var k in batch.Kvp)
        {
            if (persons?.Contains(k.PersonKey) == false) yield return "a KVP row refers to an unlisted person";
            DateOnly?[] dates = [k.RegisteredDate, k.DecisionDate, k.StartDate, k.EndDate];
            var given = dates.Where(d => d is not null).ToList();
            if (capture && !given.SequenceEqual(given.Order())) yield return "KVP dates out of order";
            if (k.Status is < 1 or > 7) yield return $"KVP status {k.Status}";
        }
        foreach (var j in batch.Jobseekers)
        {
            if (persons?.Contains(j.PersonKey) == false) yield return "a job seeker row refers to an unlisted person";
            if (j.RegisteredTo < j.RegisteredFrom) yield return "job seeker registered_to before registered_from";
        }
        foreach (var c in batch.Conditions)
        {
            if (persons?.Contains(c.PersonKey) == false) yield return "a condition refers to an unlisted person";
            if (c.ValidTo < c.ValidFrom) yield return "condition valid_to before valid_from";
            if (c.Codes.Any(code => ConditionCodes.IndexOf(ConditionCodes.Conditions, code) < 0)) yield return "a condition code not in KOSTRA's list";
            if (capture && (c.Codes.Count == 0 || !InPeriod(c.DecidedDate))) yield return "a condition without codes or decided outside the period";
        }
        foreach (var e in batch.Exemptions)
        {
            if (persons?.Contains(e.PersonKey) == false) yield return "an exemption refers to an unlisted person";
            if (e.Grounds.Any(code => ConditionCodes.IndexOf(ConditionCodes.ExemptionGrounds, code) < 0)) yield return "an exemption ground not in KOSTRA's list";
            if (capture && (e.Grounds.Count == 0 || !InPeriod(e.DecidedDate))) yield return "an exemption without grounds or decided outside the period";
        }
        foreach (var x in batch.Sanctions)
        {
            if (persons?.Contains(x.PersonKey) == false) yield return "a sanction refers to an unlisted person";
            if (ConditionCodes.IndexOf(ConditionCodes.SanctionKinds, x.Kind) < 0) yield return $"sanction kind {x.Kind}";
            if (x.Date is { } day && (day.Year != x.Year || !InPeriod(day))) yield return "a sanction dated outside its year or the period";
            if (capture && x.Date is null) yield return "a capture sanction without a date";
        }
        foreach (var text in PersonTexts(batch))
        {
            // The fields that name a person: one that is a fødselsnummer must have become a pseudonym. (A number inside
            // other text, such as quotes around it, is not one the reader could tell; see docs/robustness.md.)
            if (text is not null && FodselsnummerText.Find(text) is { } number && number.Length == text.Trim().Length)
                yield return "a person key or member id is a fødselsnummer";
        }
    }

    /// <summary>
    /// The person keys and member ids, except pseudonyms (whose hex may by chance hold 11 digits in a row). Ids of payments
    /// and cases and the code lists' texts are not persons; a fødselsnummer put there is kept as written (see
    /// docs/robustness.md, "Noticed and left").
    /// </summary>
    private static IEnumerable<string?> PersonTexts(CaptureBatch batch)
    {
        static string? Key(string key) => FodselsnummerText.IsPseudonym(key) ? null : key;
        foreach (var p in batch.Persons) yield return Key(p.PersonKey);
        foreach (var p in batch.Payments) yield return Key(p.PersonKey);
        foreach (var l in batch.Livelihood) yield return Key(l.PersonKey);
        foreach (var f in batch.Family)
        {
            yield return Key(f.PersonKey);
            yield return Key(f.MemberId);
        }
        foreach (var c in batch.Cases) yield return Key(c.PersonKey);
        foreach (var k in batch.Kvp) yield return Key(k.PersonKey);
        foreach (var j in batch.Jobseekers) yield return Key(j.PersonKey);
        foreach (var f in batch.Followups) yield return Key(f.PersonKey);
        foreach (var c in batch.Conditions) yield return Key(c.PersonKey);
        foreach (var e in batch.Exemptions) yield return Key(e.PersonKey);
        foreach (var x in batch.Sanctions) yield return Key(x.PersonKey);
    }

    /// <summary>The batch as text: equal batches give equal text (records hold lists, compared by reference).</summary>
    public static string Canonical(CaptureBatch batch)
    {
        var text = new StringBuilder();
        text.Append(batch.Header with { }).Append('|').Append(batch.Header.Domains).Append('|').AppendLine(batch.ContentHash);
        foreach (var records in new IEnumerable<object>[]
                 {
                     batch.Persons, batch.BenefitTypes, batch.Payments, batch.Livelihood, batch.Family, batch.CaseTypes, batch.Cases,
                     batch.Jobseekers, batch.Followups, batch.Sanctions,
                 })
        {
            foreach (var record in records) text.AppendLine(record.ToString());
        }
        foreach (var k in batch.Kvp) text.Append(k with { SituationAfter = [] }).AppendLine(string.Join('|', k.SituationAfter));
        foreach (var c in batch.Conditions) text.Append(c with { Codes = [] }).AppendLine(string.Join('|', c.Codes));
        foreach (var e in batch.Exemptions) text.Append(e with { Grounds = [] }).AppendLine(string.Join('|', e.Grounds));
        return text.ToString();
    }
}
