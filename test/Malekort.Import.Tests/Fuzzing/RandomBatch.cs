using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.Indicators;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// A seeded random valid capture batch (the records a reader should give back) and a tiny writer of it in capture format
/// v1, independent of the reader: each file's columns and rows can be written in any order.
/// </summary>
internal sealed class RandomBatch
{
    public static readonly DateOnly PeriodFrom = new(2023, 1, 1);
    public static readonly DateOnly PeriodTo = new(2024, 3, 31);

    private static readonly string[] Names = ["Livsopphold", "Lån, depositum", "Strøm \"akutt\"", "Husleie; bolig", "Ære og å"];

    public List<PersonRecord> Persons { get; } = [];
    public List<CodeListEntry> BenefitTypes { get; } = [];
    public List<PaymentRecord> Payments { get; } = [];
    public List<LivelihoodRecord> Livelihood { get; } = [];
    public List<FamilyRecord> Family { get; } = [];
    public List<CodeListEntry> CaseTypes { get; } = [];
    public List<CaseRecord> Cases { get; } = [];
    public List<KvpRecord> Kvp { get; } = [];
    public List<JobseekerRecord> Jobseekers { get; } = [];
    public List<FollowupRecord> Followups { get; } = [];
    public List<ConditionRecord> Conditions { get; } = [];
    public List<ExemptionRecord> Exemptions { get; } = [];
    public List<SanctionRecord> Sanctions { get; } = [];

    public static RandomBatch Create(Random random)
    {
        var batch = new RandomBatch();
        var people = random.Next(1, 12);
        for (var i = 0; i < people; i++)
            batch.Persons.Add(new PersonRecord($"P{i:000}", Day(random, new DateOnly(1940, 1, 1), new DateOnly(2006, 12, 31)),
                random.Next(3) switch { 0 => null, 1 => Sex.Man, _ => Sex.Woman }));
        BenefitCategory[] categories = [BenefitCategory.OkonomiskSosialhjelp, BenefitCategory.Kvalifiseringsstonad, BenefitCategory.Annet];
        for (var i = 0; i < random.Next(1, 5); i++)
            batch.BenefitTypes.Add(new CodeListEntry($"B{i}", Names[random.Next(Names.Length)], categories[random.Next(3)]));
        for (var i = 0; i < random.Next(1, 4); i++)
            batch.CaseTypes.Add(new CodeListEntry($"S{i}", Names[random.Next(Names.Length)], categories[random.Next(2) * 2]));
        string Person() => batch.Persons[random.Next(batch.Persons.Count)].PersonKey;

        for (var i = 0; i < random.Next(0, 25); i++)
        {
            var type = batch.BenefitTypes[random.Next(batch.BenefitTypes.Count)];
            var status = (PaymentStatus)random.Next(4);
            DateOnly? from = null, to = null;
            if (random.Next(2) == 0)
            {
                from = Day(random, PeriodFrom, PeriodTo);
                to = from.Value.AddDays(random.Next(0, 60));
            }
            DateOnly? paid = status == PaymentStatus.Utbetalt || from is null || random.Next(2) == 0 ? Day(random, PeriodFrom, PeriodTo) : null;
            var amount = random.Next(1, 5_000_000) / 100m;
            batch.Payments.Add(new PaymentRecord($"U{i}", Person(), type.Code, type.Category, amount, status, paid, from, to,
                random.Next(3) == 0 ? null : $"C{random.Next(5)}"));
        }
        var livelihoodDays = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < random.Next(0, 10); i++)
        {
            var key = Person();
            var from = Day(random, new DateOnly(2020, 1, 1), PeriodTo);
            if (livelihoodDays.Add((key, from))) batch.Livelihood.Add(new LivelihoodRecord(key, from, null, random.Next(1, 10)));
        }
        for (var i = 0; i < random.Next(0, 6); i++)
        {
            var relation = (FamilyRelation)random.Next(4);
            DateOnly? born = relation == FamilyRelation.Barn || random.Next(2) == 0 ? Day(random, new DateOnly(1950, 1, 1), PeriodTo) : null;
            DateOnly? from = random.Next(2) == 0 ? Day(random, new DateOnly(2015, 1, 1), PeriodTo) : null;
            DateOnly? to = from is { } start && random.Next(2) == 0 ? start.AddDays(random.Next(0, 900)) : null;
            batch.Family.Add(new FamilyRecord(Person(), $"M{i}", relation, born, random.Next(3) == 0 ? null : random.Next(0, 101),
                Maybe(random), Maybe(random), from, to));
        }
        for (var i = 0; i < random.Next(0, 8); i++)
        {
            var type = batch.CaseTypes[random.Next(batch.CaseTypes.Count)];
            DateOnly? received = random.Next(4) == 0 ? null : Day(random, PeriodFrom, PeriodTo);
            DateOnly? approved = received is { } r
                ? random.Next(2) == 0 ? r.AddDays(random.Next(0, 30)) : null
                : Day(random, PeriodFrom, PeriodTo);
            batch.Cases.Add(new CaseRecord($"C{i}", Person(), type.Code, type.Category, received, approved));
        }
        for (var i = 0; i < random.Next(0, 5); i++)
        {
            var registered = Day(random, new DateOnly(2021, 1, 1), PeriodTo);
            var decided = registered.AddDays(random.Next(0, 60));
            var started = decided.AddDays(random.Next(0, 30));
            DateOnly? ended = random.Next(2) == 0 ? started.AddDays(random.Next(0, 700)) : null;
            var situations = KvpSituation.All.Where(_ => random.Next(6) == 0).Select(s => s.Code).ToArray();
            batch.Kvp.Add(new KvpRecord(Person(), random.Next(4) == 0 ? null : registered, random.Next(4) == 0 ? null : decided, started,
                ended, random.Next(3) == 0 ? null : random.Next(1, 8), situations));
        }
        for (var i = 0; i < random.Next(0, 5); i++)
        {
            var from = Day(random, new DateOnly(2021, 1, 1), PeriodTo);
            batch.Jobseekers.Add(new JobseekerRecord(Person(), (JobseekerGroup)random.Next(2), from,
                random.Next(2) == 0 ? null : from.AddDays(random.Next(0, 400))));
        }
        for (var i = 0; i < random.Next(0, 8); i++) batch.Followups.Add(new FollowupRecord(Person(), Day(random, PeriodFrom, PeriodTo)));
        for (var i = 0; i < random.Next(0, 6); i++)
        {
            // A condition may apply before its decision and past the period; only the decision is an event of the batch.
            var from = Day(random, new DateOnly(2022, 6, 1), PeriodTo);
            batch.Conditions.Add(new ConditionRecord(Person(), Day(random, PeriodFrom, PeriodTo), from, from.AddDays(random.Next(0, 400)),
                Some(random, ConditionCodes.Conditions)));
        }
        for (var i = 0; i < random.Next(0, 3); i++)
            batch.Exemptions.Add(new ExemptionRecord(Person(), Day(random, PeriodFrom, PeriodTo), Some(random, ConditionCodes.ExemptionGrounds)));
        for (var i = 0; i < random.Next(0, 3); i++)
        {
            var day = Day(random, PeriodFrom, PeriodTo);
            batch.Sanctions.Add(new SanctionRecord(Person(), day.Year, day, ConditionCodes.SanctionKinds[random.Next(2)].Code));
        }
        return batch;
    }

    /// <summary>
    /// Writes the batch to <paramref name="folder"/>; with a <paramref name="shuffle"/> source, every file's columns and rows
    /// come in a random order.
    /// </summary>
    public void Write(string folder, Random? shuffle = null)
    {
        File.WriteAllText(Path.Combine(folder, "batch.json"), $$"""
            {"format": "malekort-capture", "version": 1, "source_system": "Tilfeldig 1.0", "unit": "3107",
             "period_from": "{{Text(PeriodFrom)}}", "period_to": "{{Text(PeriodTo)}}", "extracted_at": "2024-04-02T05:00:00Z"}
            """);
        Csv(folder, "persons.csv", shuffle, ["person_id", "birth_date", "sex"],
            Persons.Select(p => new[] { p.PersonKey, Text(p.BirthDate), p.Sex is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "" }));
        CodeList(folder, "benefit_types.csv", BenefitTypes, shuffle);
        Csv(folder, "payments.csv", shuffle,
            ["payment_id", "person_id", "benefit_type", "amount", "status", "payment_date", "period_from", "period_to", "case_id"],
            Payments.Select(p => new[]
            {
                p.PaymentId, p.PersonKey, p.BenefitType, p.Amount.ToString(CultureInfo.InvariantCulture), p.Status.ToString().ToUpperInvariant(),
                Text(p.PaymentDate), Text(p.PeriodFrom), Text(p.PeriodTo), p.CaseId ?? "",
            }));
        Csv(folder, "livelihood.csv", shuffle, ["person_id", "valid_from", "source"],
            Livelihood.Select(l => new[] { l.PersonKey, Text(l.ValidFrom), l.Source.ToString(CultureInfo.InvariantCulture) }));
        Csv(folder, "family.csv", shuffle,
            ["person_id", "member_id", "relation", "member_birth_date", "calculation_percent", "provider_duty", "in_household", "valid_from",
                "valid_to"],
            Family.Select(f => new[]
            {
                f.PersonKey, f.MemberId, f.Relation.ToString().ToUpperInvariant(), Text(f.MemberBirthDate),
                f.CalculationPercent?.ToString(CultureInfo.InvariantCulture) ?? "", Bool(f.ProviderDuty), Bool(f.InHousehold),
                Text(f.ValidFrom), Text(f.ValidTo),
            }));
        CodeList(folder, "case_types.csv", CaseTypes, shuffle);
        Csv(folder, "cases.csv", shuffle, ["case_id", "person_id", "case_type", "received_date", "approved_date"],
            Cases.Select(c => new[] { c.CaseId, c.PersonKey, c.CaseType, Text(c.ReceivedDate), Text(c.ApprovedDate) }));
        Csv(folder, "kvp.csv", shuffle,
            ["person_id", "registered_date", "decision_date", "start_date", "end_date", "status", "situation_after"],
            Kvp.Select(k => new[]
            {
                k.PersonKey, Text(k.RegisteredDate), Text(k.DecisionDate), Text(k.StartDate), Text(k.EndDate),
                k.Status?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join('|', k.SituationAfter),
            }));
        Csv(folder, "jobseekers.csv", shuffle, ["person_id", "group", "registered_from", "registered_to"],
            Jobseekers.Select(j => new[] { j.PersonKey, j.Group.ToString().ToUpperInvariant(), Text(j.RegisteredFrom), Text(j.RegisteredTo) }));
        Csv(folder, "followups.csv", shuffle, ["person_id", "date"], Followups.Select(f => new[] { f.PersonKey, Text(f.Date) }));
        Csv(folder, "conditions.csv", shuffle, ["person_id", "decided_date", "valid_from", "valid_to", "codes"],
            Conditions.Select(c => new[] { c.PersonKey, Text(c.DecidedDate), Text(c.ValidFrom), Text(c.ValidTo), string.Join('|', c.Codes) }));
        Csv(folder, "activity_exemptions.csv", shuffle, ["person_id", "decided_date", "grounds"],
            Exemptions.Select(e => new[] { e.PersonKey, Text(e.DecidedDate), string.Join('|', e.Grounds) }));
        Csv(folder, "sanctions.csv", shuffle, ["person_id", "date", "kind"], Sanctions.Select(s => new[] { s.PersonKey, Text(s.Date), s.Kind }));
    }

    /// <summary>The records as canonical lines, one per record; sorted, they compare batches whose files came in another order.</summary>
    public static List<string> Lines(CaptureBatch batch) =>
        CaptureInvariants.Canonical(batch).Split('\n').Skip(1).Where(l => l.Length > 0).ToList();

    /// <summary>The batch as the reader should give it back, in the written order.</summary>
    public CaptureBatch Expected(CaptureBatch read) => read with
    {
        Persons = Persons, BenefitTypes = BenefitTypes, Payments = Payments, Livelihood = Livelihood, Family = Family,
        CaseTypes = CaseTypes, Cases = Cases, Kvp = Kvp, Jobseekers = Jobseekers, Followups = Followups, Conditions = Conditions,
        Exemptions = Exemptions, Sanctions = Sanctions,
    };

    private static void CodeList(string folder, string name, List<CodeListEntry> entries, Random? shuffle) =>
        Csv(folder, name, shuffle, ["code", "name", "category"], entries.Select(e => new[]
        {
            e.Code, e.Name, e.Category switch
            {
                BenefitCategory.OkonomiskSosialhjelp => "OKONOMISK_SOSIALHJELP",
                BenefitCategory.Kvalifiseringsstonad => "KVALIFISERINGSSTONAD",
                _ => "ANNET",
            },
        }));

    private static void Csv(string folder, string name, Random? shuffle, string[] header, IEnumerable<string[]> rows)
    {
        var order = Enumerable.Range(0, header.Length).ToArray();
        var lines = rows.ToList();
        if (shuffle is not null)
        {
            shuffle.Shuffle(order);
            var shuffled = lines.ToArray();
            shuffle.Shuffle(shuffled);
            lines = [.. shuffled];
        }
        var text = new StringBuilder();
        text.AppendJoin(',', order.Select(i => header[i])).Append('\n');
        foreach (var row in lines) text.AppendJoin(',', order.Select(i => Quoted(row[i]))).Append('\n');
        File.WriteAllText(Path.Combine(folder, name), text.ToString(), new UTF8Encoding(false));
    }

    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "" };

    /// <summary>One or more codes of the list, in the list's order.</summary>
    private static string[] Some(Random random, IReadOnlyList<KostraCode> list)
    {
        var chosen = list.Where(_ => random.Next(4) == 0).Select(c => c.Code).ToArray();
        return chosen.Length > 0 ? chosen : [list[random.Next(list.Count)].Code];
    }

    private static bool? Maybe(Random random) => random.Next(3) switch { 0 => null, 1 => true, _ => false };

    private static DateOnly Day(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}
