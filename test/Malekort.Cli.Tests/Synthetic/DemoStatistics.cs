using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Indicator-like numbers computed straight from the generated rows (not through the engine), for the demo's
/// units together: for each month the newest extract that covers it is used, as supersession would.
/// </summary>
internal sealed class DemoStatistics
{
    // Persons 18–66 on 1 January 2024 (SSB 07459 and 10826), as the demo sized its units.
    public static readonly IReadOnlyDictionary<string, long> Population =
        DemoData.Units(Commands.DemoCommand.DataDirectory()).ToDictionary(u => u.Unit.Value, u => u.Aged18To66, StringComparer.Ordinal);

    public DemoStatistics(IReadOnlyList<CaptureFolder> folders)
    {
        foreach (var unit in folders.GroupBy(f => f.Unit, StringComparer.Ordinal))
            Add(unit.Key, [.. unit.OrderBy(b => b.ExtractedAt)]);
    }

    /// <summary>Recipients per unit and month, for 2024.</summary>
    public Dictionary<(string Unit, Month Month), int> Recipients { get; } = [];
    public long RecipientMonths { get; private set; }
    public long LongTerm { get; private set; }
    public long Under25 { get; private set; }
    public long MainLivelihoodAssistance { get; private set; }
    public long ProviderDuty { get; private set; }
    public long PaymentsInRecipientMonths { get; private set; }
    public long YearRecipients { get; private set; }
    public long YearRecipientsSixMonths { get; private set; }
    public long KvpParticipantMonths { get; private set; }
    public long JobseekerMonths { get; private set; }
    public long OrdinaryJobseekerMonths { get; private set; }
    public long FollowedUp { get; private set; }
    public long Cases { get; private set; }
    public long ProcessingDays { get; private set; }
    public long PopulationMonths { get; private set; }
    /// <summary>Recipient-months of persons aged 18–29, those with an activity condition valid in the month, and those exempted.</summary>
    public long YoungRecipientMonths { get; private set; }
    public long YoungWithActivityCondition { get; private set; }
    public long YoungExempted { get; private set; }
    /// <summary>Recipient-months with any condition valid in the month, and persons with a sanction dated in a month.</summary>
    public long WithAnyCondition { get; private set; }
    public long SanctionedMonths { get; private set; }

    // The spec's Choice (docs/indicators.md, "Conditions and the activity duty"), written out again for an independent count.
    private static readonly string[] ActivityCodes = ["16", "17", "04", "06", "07", "08", "19", "20"];

    private void Add(string unit, CaptureFolder[] batches)
    {
        var newest = batches[^1];
        var recipients = new Dictionary<Month, HashSet<string>>();
        var paymentsIn = new Dictionary<(Month, string), int>();
        var birth = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var livelihood = new Dictionary<string, List<(DateOnly From, string Source)>>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<CsvRecord>>(StringComparer.Ordinal);
        var conditions = new Dictionary<string, List<(DateOnly From, DateOnly To, bool Activity)>>(StringComparer.Ordinal);
        var exempted = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var sanctions = new HashSet<(string, Month)>();
        foreach (var batch in batches)
        {
            // Events: the rows decided inside the batch's period; the overlapping extracts repeat them, so sets.
            foreach (var c in batch["conditions.csv"].Rows)
            {
                if (!conditions.TryGetValue(c["fnr"], out var list)) conditions[c["fnr"]] = list = [];
                list.Add((c.Date("valid_from"), c.Date("valid_to"), c["codes"].Split('|').Any(ActivityCodes.Contains)));
            }
            foreach (var e in batch["activity_exemptions.csv"].Rows)
                if (!exempted.TryGetValue(e["fnr"], out var known) || e.Date("decided_date") < known) exempted[e["fnr"]] = e.Date("decided_date");
            foreach (var x in batch["sanctions.csv"].Rows) sanctions.Add((x["fnr"], Month.Of(x.Date("date"))));
            var covered = new MonthRange(Month.Of(batch.From), Month.Of(batch.To));
            var isNewest = (Month m) => batches.Last(b => Month.Of(b.From) <= m && Month.Of(b.To) >= m) == batch;
            var assistance = batch["benefit_types.csv"].Rows.Where(r => r["category"] == "OKONOMISK_SOSIALHJELP").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
            foreach (var p in batch["payments.csv"].Rows)
            {
                if (p["status"] != "UTBETALT" || !assistance.Contains(p["benefit_type"])) continue;
                var (first, last) = p.OptionalDate("period_from") is { } from
                    ? (Month.Of(from), Month.Of(p.Date("period_to")))
                    : (Month.Of(p.Date("payment_date")), Month.Of(p.Date("payment_date")));
                for (var m = first; m <= last; m = m.Plus(1))
                {
                    if (!covered.Contains(m) || !isNewest(m)) continue;
                    if (!recipients.TryGetValue(m, out var set)) recipients[m] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(p["fnr"]);
                    paymentsIn[(m, p["fnr"])] = paymentsIn.GetValueOrDefault((m, p["fnr"])) + 1;
                }
            }
            foreach (var r in batch["persons.csv"].Rows) birth[r["fnr"]] = r.Date("birth_date");
            foreach (var group in batch["livelihood.csv"].Rows.GroupBy(r => r["fnr"], StringComparer.Ordinal))
                livelihood[group.Key] = [.. group.Select(r => (r.Date("valid_from"), r["source"])).OrderBy(x => x.Item1)];
            foreach (var group in batch["family.csv"].Rows.Where(r => r["relation"] == "BARN").GroupBy(r => r["fnr"], StringComparer.Ordinal))
                children[group.Key] = [.. group];
        }

        var year = new MonthRange(new Month(2024, 1), new Month(2024, 12));
        var yearCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var month in year.Months())
        {
            var set = recipients.GetValueOrDefault(month) ?? [];
            Recipients[(unit, month)] = set.Count;
            PopulationMonths += Population[unit];
            foreach (var fnr in set)
            {
                RecipientMonths++;
                yearCounts[fnr] = yearCounts.GetValueOrDefault(fnr) + 1;
                PaymentsInRecipientMonths += paymentsIn[(month, fnr)];
                var window = MonthRange.Window(month).Months().Count(m => recipients.TryGetValue(m, out var s) && s.Contains(fnr));
                if (window >= 6) LongTerm++;
                if (Age.InMonth(birth[fnr], month) <= 24) Under25++;
                var source = livelihood.GetValueOrDefault(fnr)?.LastOrDefault(l => l.From <= month.End).Source;
                if (source == "5") MainLivelihoodAssistance++;
                if (children.GetValueOrDefault(fnr)?.Any(c => Age.InMonth(c.Date("member_birth_date"), month) <= 17
                        && c["provider_duty"] == "true" && c["in_household"] == "true"
                        && (c.OptionalDate("valid_from") ?? DateOnly.MinValue) <= month.End
                        && (c.OptionalDate("valid_to") ?? DateOnly.MaxValue) >= month.Start) == true)
                    ProviderDuty++;
                var valid = (conditions.GetValueOrDefault(fnr) ?? []).Where(c => c.From <= month.End && c.To >= month.Start).ToList();
                if (valid.Count > 0) WithAnyCondition++;
                if (Age.InMonth(birth[fnr], month) is >= 18 and <= 29)
                {
                    YoungRecipientMonths++;
                    if (valid.Any(c => c.Activity)) YoungWithActivityCondition++;
                    else if (exempted.TryGetValue(fnr, out var decided) && decided <= month.End) YoungExempted++;
                }
            }
            SanctionedMonths += sanctions.Count(x => x.Item2 == month);

            // Stock figures from the newest extract, at the end of the month.
            var end = month.End;
            KvpParticipantMonths += newest["kvp.csv"].Rows.Count(k => k.Date("start_date") <= end && !(k.OptionalDate("end_date") <= end));
            var registered = newest["jobseekers.csv"].Rows
                .Where(j => j.Date("registered_from") <= end && !(j.OptionalDate("registered_to") < end)).ToList();
            JobseekerMonths += registered.Select(j => j["fnr"]).Distinct(StringComparer.Ordinal).Count();
            var ordinary = registered.Where(j => j["group"] == "ORDINAER").Select(j => j["fnr"]).ToHashSet(StringComparer.Ordinal);
            OrdinaryJobseekerMonths += ordinary.Count;
            var since = month.Plus(-2).Start;
            FollowedUp += newest["followups.csv"].Rows
                .Where(f => f.Date("date") >= since && f.Date("date") <= end && ordinary.Contains(f["fnr"]))
                .Select(f => f["fnr"]).Distinct(StringComparer.Ordinal).Count();
        }
        YearRecipients += yearCounts.Count;
        YearRecipientsSixMonths += yearCounts.Values.Count(c => c >= 6);

        var caseTypes = newest["case_types.csv"].Rows.Where(r => r["category"] == "OKONOMISK_SOSIALHJELP").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        foreach (var c in newest["cases.csv"].Rows)
        {
            if (!caseTypes.Contains(c["case_type"]) || c.OptionalDate("received_date") is not { } received || c.OptionalDate("approved_date") is not { } approved) continue;
            Cases++;
            ProcessingDays += approved.DayNumber - received.DayNumber;
        }
    }
}
