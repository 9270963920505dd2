using Malekort.DataQuality;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Testing;
using Malekort.Thresholds;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>Population, offices, thresholds, targets and the import log: stored, replaced and read back.</summary>
public sealed class ReferenceDataTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 3, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly UnitCode Moss = UnitCode.Parse("3103");

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Population_replaces_the_same_unit_and_year_and_keeps_the_rest(string kind)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.SavePopulation(
            [new(Fredrikstad, 2023, 54_000, 7_100, 83_000, "07459"), new(Fredrikstad, 2024, 54_500, 7_200, 84_000, "07459")],
            Log("befolkning-2023.csv"));

        db.Store.SavePopulation(
            [new(Fredrikstad, 2024, 54_600, 7_150, 84_100, "10826"), new(Moss, 2024, 32_000, 4_000, 51_000, "10826")],
            Log("befolkning-2024.csv"));

        var figures = db.Store.Load().Population.Figures.OrderBy(f => f.Unit.Value, StringComparer.Ordinal).ThenBy(f => f.Year).ToList();
        Assert.Equal<PopulationFigure>(
            [new(Moss, 2024, 32_000, 4_000, 51_000, "10826"), new(Fredrikstad, 2023, 54_000, 7_100, 83_000, "07459"),
             new(Fredrikstad, 2024, 54_600, 7_150, 84_100, "10826")],
            figures);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void An_office_register_replaces_the_one_before_it_whole(string kind)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.SaveOffices(
            [new("0106", "NAV Fredrikstad", [Fredrikstad]), new("0104", "NAV Moss", [Moss, UnitCode.Parse("3112")])],
            Log("kontorer-1.csv"));

        db.Store.SaveOffices([new("0104", "NAV Moss og Råde", [UnitCode.Parse("3112"), Moss])], Log("kontorer-2.csv"));

        var office = Assert.Single(db.Store.Load().Offices.Offices);
        Assert.Equal("0104", office.Number);
        Assert.Equal("NAV Moss og Råde", office.Name);
        Assert.Equal([Moss, UnitCode.Parse("3112")], office.Units);
        Assert.Equal(1, db.Count("offices"));
        Assert.Equal(2, db.Count("office_units"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Thresholds_are_set_replaced_and_removed_and_read_back_in_unit_order(string kind)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.SaveThreshold(new Threshold(Fredrikstad, "BL151", Direction.LowerIsBetter, 2.5m, 4m, "Fredrikstad kommune"));
        db.Store.SaveThreshold(new Threshold(Fredrikstad, "BL151", Direction.LowerIsBetter, 2.25m, 3.75m, "Fredrikstad kommune, revidert"));
        db.Store.SaveThreshold(new Threshold(Moss, "KVP.ETTER.01", Direction.HigherIsBetter, 40.125m, 20m, "Moss kommune"));
        db.Store.SaveThreshold(new Threshold(Moss, "BL153", Direction.LowerIsBetter, 1m, 2m, "Moss kommune"));

        db.Store.DeleteThreshold(Moss, "BL153", "Moss kommune");

        var own = db.Store.Load().Thresholds.Own.ToList();
        Assert.Equal<Threshold>(
            [new(Moss, "KVP.ETTER.01", Direction.HigherIsBetter, 40.125m, 20m, "Moss kommune"),
             new(Fredrikstad, "BL151", Direction.LowerIsBetter, 2.25m, 3.75m, "Fredrikstad kommune, revidert")],
            own);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Targets_are_set_and_replaced_per_unit_indicator_and_month_and_read_back_in_that_order(string kind)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 1), 900m));
        db.Store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 2), 880.5m));
        db.Store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 1), 910m));
        db.Store.SaveTarget(new Target(Moss, "BL151", new Month(2024, 1), 0m));

        var targets = db.Store.Load().Targets;

        Assert.Equal<Target>(
            [new(Moss, "BL151", new Month(2024, 1), 0m), new(Fredrikstad, "BL151", new Month(2024, 1), 910m),
             new(Fredrikstad, "BL151", new Month(2024, 2), 880.5m)],
            targets);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_reference_data_alone_reads_back_what_was_saved_as_the_whole_load_does(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 13, people: 5);
        db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
        db.Store.SavePopulation([new(Fredrikstad, 2024, 54_500, 7_200, 84_000, "07459")], Log("befolkning.csv"));
        db.Store.SaveOffices([new("0106", "NAV Fredrikstad", [Fredrikstad]), new("0104", "NAV Moss", [Moss])], Log("kontorer.csv"));
        db.Store.SaveThreshold(new Threshold(Moss, "BL151", Direction.LowerIsBetter, 2.25m, 3.75m, "Moss kommune"));
        db.Store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 2), 880.5m));

        var reference = db.Store.LoadReference();

        Assert.Equal<PopulationFigure>([new(Fredrikstad, 2024, 54_500, 7_200, 84_000, "07459")], reference.Population.Figures);
        Assert.Equal(["0104 NAV Moss 3103", "0106 NAV Fredrikstad 3107"],
            reference.Offices.Offices.Select(o => $"{o.Number} {o.Name} {string.Join(",", o.Units)}").Order(StringComparer.Ordinal));
        Assert.Equal<Threshold>([new(Moss, "BL151", Direction.LowerIsBetter, 2.25m, 3.75m, "Moss kommune")], reference.Thresholds.Own);
        Assert.Equal<Target>([new(Fredrikstad, "BL151", new Month(2024, 2), 880.5m)], reference.Targets);
        var whole = db.Store.Load();
        Assert.Equal(whole.Population.Figures, reference.Population.Figures);
        Assert.Equal(whole.Thresholds.Own, reference.Thresholds.Own);
        Assert.Equal(whole.Targets, reference.Targets);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Several_targets_are_saved_together_with_one_data_version_step(string kind)
    {
        using var db = TestDatabases.Create(kind);
        db.Store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 1), 900m));
        var before = db.Store.DataVersion();

        db.Store.SaveTargets(
            [new(Fredrikstad, "BL151", new Month(2024, 1), 910m), new(Fredrikstad, "BL151", new Month(2024, 2), 880.5m),
             new(Moss, "BL151", new Month(2024, 1), 0m)]);

        Assert.Equal(before + 1, db.Store.DataVersion());
        Assert.Equal<Target>(
            [new(Moss, "BL151", new Month(2024, 1), 0m), new(Fredrikstad, "BL151", new Month(2024, 1), 910m),
             new(Fredrikstad, "BL151", new Month(2024, 2), 880.5m)],
            db.Store.LoadReference().Targets);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_import_log_keeps_every_entry_with_its_findings_newest_first(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var batch = SeededBatches.Make("3107", seed: 11, people: 5);
        // In line order, and where lines tie in the order the reader found them (which is not alphabetical).
        var warnings = new[]
        {
            new Finding(Severity.Warning, "persons.csv", 0, "", "Ingen personer er født etter 2006."),
            new Finding(Severity.Info, "batch.json", 0, "source_system", "Kildesystemet er ukjent."),
            new Finding(Severity.Warning, "payments.csv", 3, "amount", "Beløpet er uvanlig høyt: 250 000,00 kr.", "S12"),
            new Finding(Severity.Warning, "payments.csv", 3, "period_to", "Perioden er lengre enn ett år.", "S14"),
            new Finding(Severity.Warning, "payments.csv", 3, "case_id", "Saken finnes ikke i cases.csv."),
            new Finding(Severity.Info, "family.csv", 7, "member_birth_date", "Fødselsdato mangler; barnet teller ikke i BL161."),
        };
        var stored = SeededBatches.LogEntry(batch, Now, warnings);
        var rejected = new ImportLogEntry("befolkning.csv", "ssb-07459-csv", Now.AddMinutes(5), ImportOutcome.Rejected, null, null, null,
            new string('a', 64), new Dictionary<string, int>(), [new Finding(Severity.Fatal, "befolkning.csv", 0, "", "Filen er tom.")]);

        db.Store.SaveBatch(batch, stored);
        db.Store.LogRejected(rejected);
        var log = db.Store.ImportLog();

        Assert.Equal(2, log.Count);
        AssertSameEntry(rejected, log[0]);
        AssertSameEntry(stored, log[1]);
        Assert.True(log[0].Id > log[1].Id);
        Assert.Equal(1, db.Count("batches"));
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Every_write_of_data_the_scorecard_reads_raises_the_data_version_and_a_rejected_import_does_not(string kind)
    {
        using var db = TestDatabases.Create(kind);
        var store = db.Store;
        var batch = SeededBatches.Make("3107", seed: 12, people: 5);
        var versions = new List<long> { store.DataVersion() };
        void After(Action write)
        {
            write();
            versions.Add(store.DataVersion());
        }

        After(() => store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now)));
        After(() => store.SavePopulation([new(Fredrikstad, 2024, 1, 1, 1, "07459")], Log("befolkning.csv")));
        After(() => store.SaveOffices([new("0106", "NAV Fredrikstad", [Fredrikstad])], Log("kontorer.csv")));
        After(() => store.SaveThreshold(new Threshold(Fredrikstad, "BL151", Direction.LowerIsBetter, 1m, 2m, "Fredrikstad kommune")));
        After(() => store.DeleteThreshold(Fredrikstad, "BL151", "Fredrikstad kommune"));
        After(() => store.SaveTarget(new Target(Fredrikstad, "BL151", new Month(2024, 1), 5m)));

        Assert.Equal(Enumerable.Range(0, versions.Count).Select(i => (long)i), versions);
        store.LogRejected(Log("tom.csv") with { Outcome = ImportOutcome.Rejected });
        Assert.Equal(versions[^1], store.DataVersion());
        Assert.Equal(ImportOutcome.Rejected, store.ImportLog()[0].Outcome);
    }

    private static void AssertSameEntry(ImportLogEntry expected, ImportLogEntry actual)
    {
        Assert.Equal(expected with { Counts = actual.Counts, Findings = actual.Findings, Id = actual.Id }, actual);
        Assert.Equal(expected.ImportedAt.Offset, actual.ImportedAt.Offset);
        Assert.Equal(expected.Counts.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Counts.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Findings, actual.Findings);
    }

    private static ImportLogEntry Log(string source) =>
        new(source, "test", Now, ImportOutcome.Imported, null, null, null, new string('0', 64), new Dictionary<string, int>(), []);
}
