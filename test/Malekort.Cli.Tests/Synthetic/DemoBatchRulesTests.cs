using Malekort.Units;

namespace Malekort.Cli.Synthetic;

public sealed class DemoBatchRulesTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public void The_demo_has_two_yearly_extracts_for_every_municipality_of_Ostfold_and_every_district_of_Oslo()
    {
        var units = UnitRegister.Default.Municipalities.Where(m => m.Code.Value.StartsWith("31", StringComparison.Ordinal))
            .Concat(UnitRegister.Default.DistrictsOf(UnitCode.Parse("0301")))
            .Select(u => u.Code.Value)
            .Where(code => code is not ("030116" or "030117")) // Sentrum and Marka: SSB has them, but almost nobody lives there
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            units.SelectMany(u => new[] { $"{u}-2023-01-01_2024-03-31", $"{u}-2024-01-01_2024-12-31" }),
            demo.FolderPaths.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_demo_batch_keeps_the_capture_format_rules()
    {
        var errors = demo.Folders.SelectMany(CaptureRules.Check).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
    }

    [Fact]
    public void No_fodselsnummer_is_shared_by_two_units()
    {
        var owners = demo.Folders
            .SelectMany(b => b["persons.csv"].Rows.Select(r => (Fnr: r["fnr"], b.Unit)))
            .Distinct()
            .GroupBy(p => p.Fnr, StringComparer.Ordinal);

        Assert.All(owners, o => Assert.Single(o));
    }

    [Fact]
    public void A_batch_holds_only_what_its_source_system_knew_when_it_was_extracted()
    {
        foreach (var batch in demo.Folders)
        {
            var known = DateOnly.FromDateTime(batch.ExtractedAt.UtcDateTime);
            IEnumerable<DateOnly?> Dates(string file, params string[] columns) =>
                batch[file].Rows.SelectMany(r => columns.Select(r.OptionalDate));

            var all = Dates("cases.csv", "received_date", "approved_date")
                .Concat(Dates("kvp.csv", "registered_date", "decision_date", "start_date", "end_date"))
                .Concat(Dates("jobseekers.csv", "registered_from", "registered_to"))
                .Concat(Dates("livelihood.csv", "valid_from"))
                .Concat(Dates("family.csv", "member_birth_date", "valid_from", "valid_to"))
                .Where(d => d is not null);
            Assert.All(all, d => Assert.True(d < known, $"{batch.Path}: {d} is not before the extraction on {known}"));
        }
    }

    [Fact]
    public void Overlapping_extracts_tell_the_same_story_apart_from_rare_late_corrections()
    {
        var total = 0;
        foreach (var unit in demo.Folders.GroupBy(b => b.Unit, StringComparer.Ordinal))
        {
            var (older, newer) = (unit.First(), unit.Last());
            Assert.True(older.ExtractedAt < newer.ExtractedAt);
            var (from, to) = (newer.From, older.To);
            Dictionary<string, CsvRecord> Overlap(CaptureFolder batch) => batch["payments.csv"].Rows
                .Where(r => (r.OptionalDate("payment_date") ?? r.Date("period_from")) is var d && d >= from && d <= to)
                .ToDictionary(r => r["payment_id"], StringComparer.Ordinal);

            var (before, after) = (Overlap(older), Overlap(newer));
            var corrections = 0;
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, old) in before)
            {
                var now = after[id];
                foreach (var column in new[] { "fnr", "benefit_type", "amount", "payment_date", "period_from", "period_to", "case_id" })
                    Assert.Equal(old[column], now[column]);
                if (old["status"] == now["status"]) continue;
                Assert.Equal(("UTBETALT", "ANNULLERT"), (old["status"], now["status"]));
                corrections++;
            }
            Assert.True(corrections * 100 <= before.Count, $"{unit.Key}: {corrections} corrections of {before.Count} payments");
            total += corrections;

            var people = older["persons.csv"].Rows.ToDictionary(r => r["fnr"], r => (r["birth_date"], r["sex"]), StringComparer.Ordinal);
            Assert.All(newer["persons.csv"].Rows.Where(r => people.ContainsKey(r["fnr"])),
                r => Assert.Equal(people[r["fnr"]], (r["birth_date"], r["sex"])));
        }
        Assert.True(total > 0, "the demo should show at least one late cancellation");
    }

    [Fact]
    public void The_demo_has_every_kind_of_row_the_indicators_and_findings_need()
    {
        var newest = demo.Folders.Where(b => b.To.Year == 2024 && b.From.Month == 1 && b.From.Year == 2024).ToList();
        var rows = (string file) => newest.SelectMany(b => b[file].Rows).ToList();
        var payments = rows("payments.csv");
        var family = rows("family.csv");
        var kvp = rows("kvp.csv");

        Assert.All(new[] { "UTBETALT", "PLANLAGT", "STOPPET", "ANNULLERT" }, s => Assert.Contains(payments, p => p["status"] == s));
        Assert.Contains(payments, p => p["benefit_type"] == "180");                     // a loan
        Assert.Contains(payments, p => p["benefit_type"] == "200");                     // kvalifiseringsstønad
        Assert.Contains(payments, p => p["benefit_type"] == "300");                     // ANNET
        Assert.Contains(payments, p => p["period_from"].Length == 0);                   // one-off without period
        Assert.Contains(rows("cases.csv"), c => c["received_date"].Length == 0);
        Assert.Contains(rows("cases.csv"), c => c["approved_date"].Length == 0 || c["case_type"] == "NOD");
        Assert.All(new[] { "100", "50", "0" }, p => Assert.Contains(family, f => f["relation"] == "BARN" && f["calculation_percent"] == p));
        Assert.All(new[] { "EKTEFELLE", "SAMBOER" }, r => Assert.Contains(family, f => f["relation"] == r));
        Assert.All(new[] { "1", "3", "4", "5", "7" }, s => Assert.Contains(kvp, k => k["status"] == s));
        Assert.Contains(kvp, k => k["situation_after"].Contains('|', StringComparison.Ordinal));
        Assert.Contains(rows("jobseekers.csv"), j => j["group"] == "ANNET");
        Assert.Contains(rows("livelihood.csv").GroupBy(l => l["fnr"], StringComparer.Ordinal), g => g.Count() > 1);
        var conditions = rows("conditions.csv");
        Assert.Contains(conditions, c => c["codes"] is "10" or "14" or "18" or "15");              // a condition that is not activity
        Assert.Contains(conditions, c => c["codes"].Contains('|', StringComparison.Ordinal));
        Assert.All(new[] { "01", "02", "03", "04" }, g => Assert.Contains(rows("activity_exemptions.csv"), e => e["grounds"].Contains(g, StringComparison.Ordinal)));
        Assert.All(new[] { "01", "02" }, k => Assert.Contains(rows("sanctions.csv"), s => s["kind"] == k));
    }
}
