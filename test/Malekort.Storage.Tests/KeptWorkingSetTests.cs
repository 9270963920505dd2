using System.Globalization;
using Malekort.Capture;
using Malekort.Explanation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Storage.Backup;
using Malekort.Testing;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// A working set kept between data versions (issues 13 and 14, <see cref="IMalekortStore.Load(WorkingSetBuilder, KeptBatches?)"/>):
/// adding only the batches stored since gives exactly what a whole load gives, a set built earlier never changes while the
/// builder goes on, and whatever could make the kept set wrong makes the caller load whole.
/// </summary>
public sealed class KeptWorkingSetTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 3, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Older = new(2024, 7, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Yearly = new(2024, 7, 2, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2024, 8, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monthly = new(2024, 8, 2, 5, 0, 0, TimeSpan.Zero);
    // Nothing is clamped: every month a batch covers is computed.
    private static readonly Month Current = new(2030, 1);

    private static readonly CaptureBatch Fredrikstad = SeededBatches.Make("3107", seed: 31, extractedAt: Yearly);
    private static readonly CaptureBatch FredrikstadNewer = SeededBatches.Make("3107", seed: 32, extractedAt: Newer);
    private static readonly CaptureBatch FredrikstadOlder = SeededBatches.Make("3107", seed: 33, extractedAt: Older);
    private static readonly CaptureBatch FredrikstadJuly = SeededBatches.Make("3107", seed: 34, extractedAt: Monthly,
        periodStart: new DateOnly(2024, 7, 1), periodEnd: new DateOnly(2024, 7, 31));
    private static readonly CaptureBatch Halden = SeededBatches.Make("3101", seed: 35, extractedAt: Yearly);
    private static readonly CaptureBatch GamleOslo = SeededBatches.Make("030101", seed: 36, extractedAt: Yearly);
    private static readonly CaptureBatch Grunerlokka = SeededBatches.Make("030102", seed: 37, extractedAt: Yearly);
    // One Digisos application, first filed under Gamle Oslo, then (a newer version) under Grünerløkka: the key crosses units.
    private static readonly CaptureBatch Application = SeededBatches.Make("030101", seed: 38, people: 2, extractedAt: Yearly,
        supersessionKey: "digisos-soknad-7");
    private static readonly CaptureBatch ApplicationMoved = SeededBatches.Make("030102", seed: 39, people: 2, extractedAt: Newer,
        supersessionKey: "digisos-soknad-7");

    /// <summary>Each case: the imports, step by step; after each step the kept set adds what the step stored.</summary>
    private static readonly Dictionary<string, CaptureBatch[][]> Sequences = new()
    {
        ["a newer extract supersedes an older one"] = [[Fredrikstad], [FredrikstadNewer]],
        ["an older extract delivered after a newer one"] = [[Fredrikstad, FredrikstadNewer], [FredrikstadOlder]],
        ["a Digisos application moved to another Oslo district"] = [[GamleOslo, Grunerlokka, Application], [ApplicationMoved]],
        ["a new unit"] = [[Fredrikstad], [Halden]],
        ["a new month"] = [[Fredrikstad], [FredrikstadJuly]],
        ["all of them, one after another"] =
            [[Fredrikstad, GamleOslo, Grunerlokka, Application], [FredrikstadNewer], [FredrikstadOlder], [ApplicationMoved], [Halden], [FredrikstadJuly]],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in TestDatabases.Kinds)
        {
            foreach (var name in Sequences.Keys) data.Add(kind, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adding_what_was_stored_since_gives_exactly_what_a_whole_load_gives_and_the_set_built_before_stays_as_it_was(string kind, string sequence)
    {
        using var db = TestDatabases.Create(kind);
        var builder = new WorkingSetBuilder();
        KeptBatches? kept = null;
        (WorkingSet Set, MonthRange Months, List<string> Answers)? before = null;
        foreach (var step in Sequences[sequence])
        {
            Save(db, step);

            var load = db.Store.Load(builder, kept);

            Assert.NotNull(load);
            Assert.Equal(kept?.Count + step.Length ?? step.Length, load.Kept.Count);
            kept = load.Kept;
            var whole = db.Store.Load().WorkingSet;
            var months = whole.MonthsCaptured(Current) ?? throw new InvalidOperationException("Nothing captured.");
            Assert.Equal(months, load.State.WorkingSet.MonthsCaptured(Current));
            Assert.Equal(whole.CaptureUnits, load.State.WorkingSet.CaptureUnits);
            foreach (var unit in whole.CaptureUnits) Assert.Equal(whole.BatchesOf(unit), load.State.WorkingSet.BatchesOf(unit));
            Assert.True(IndicatorComparison.AssertSame(Compute(whole, months), Compute(load.State.WorkingSet, months)) > 100);
            var answers = Answers(load.State.WorkingSet, months);
            Assert.Equal(Answers(whole, months), answers);
            // The set built before this step was read after the builder had added to it and built again: still what it was.
            if (before is { } earlier) Assert.Equal(earlier.Answers, Answers(earlier.Set, earlier.Months));
            before = (load.State.WorkingSet, months, answers);
        }
    }

    /// <summary>What could make a kept set wrong, done to the database after it was read; each must make the caller load whole.</summary>
    public static TheoryData<string, string> Changes()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in TestDatabases.Kinds)
        {
            foreach (var change in new[] { "an earlier backup restored", "an earlier backup restored, then other imports", "engine rows of other rules" })
                data.Add(kind, change);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_database_that_no_longer_holds_what_was_kept_is_refused_so_the_caller_loads_whole(string kind, string change)
    {
        using var db = TestDatabases.Create(kind);
        using var folder = new TemporaryFolder();
        var backup = Path.Combine(folder.Path, "backup");
        Save(db, Fredrikstad);
        Write(db, backup);
        Save(db, GamleOslo);
        var builder = new WorkingSetBuilder();
        var kept = db.Store.Load(builder, null)!.Kept;
        Assert.NotNull(db.Store.Load(builder, kept));

        switch (change)
        {
            case "an earlier backup restored":
                Restore(db, backup);
                break;
            case "an earlier backup restored, then other imports":
                Restore(db, backup);
                // As many batches and data versions as were kept, but not the same batches.
                Save(db, Halden);
                Save(db, Grunerlokka);
                Assert.True(db.Store.DataVersion() >= kept.DataVersion);
                break;
            default:
                using (var connection = db.OpenConnection())
                using (var update = connection.CreateCommand())
                {
                    update.CommandText = "UPDATE batch_rows SET rules_version = 'rows 2, rules 0'";
                    update.ExecuteNonQuery();
                }
                break;
        }

        Assert.Null(db.Store.Load(builder, kept));
        var fresh = db.Store.Load(new WorkingSetBuilder(), null)!;
        Assert.Equal(db.Store.Load().WorkingSet.CaptureUnits, fresh.State.WorkingSet.CaptureUnits);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Nothing_stored_since_adds_nothing_and_keeps_the_same_units(string kind)
    {
        using var db = TestDatabases.Create(kind);
        Save(db, Fredrikstad, GamleOslo);
        var builder = new WorkingSetBuilder();
        var first = db.Store.Load(builder, null)!;

        var again = db.Store.Load(builder, first.Kept)!;

        Assert.Equal(first.Kept with { DataVersion = again.Kept.DataVersion }, again.Kept);
        var months = first.State.WorkingSet.MonthsCaptured(Current) ?? throw new InvalidOperationException("Nothing captured.");
        Assert.Equal(Answers(first.State.WorkingSet, months), Answers(again.State.WorkingSet, months));
    }

    private static void Save(TestDatabase db, params CaptureBatch[] batches)
    {
        foreach (var batch in batches) db.Store.SaveBatch(batch, SeededBatches.LogEntry(batch, Now));
    }

    private static void Write(TestDatabase db, string file)
    {
        if (db.Kind == TestDatabases.Sqlite) SqliteBackup.Write(db.Argument, file);
        else PostgresBackup.Write(db.Argument, file);
    }

    private static void Restore(TestDatabase db, string file)
    {
        if (db.Kind == TestDatabases.Sqlite) SqliteBackup.Restore(file, db.Argument);
        else PostgresBackup.Restore(file, db.Argument);
    }

    private static IndicatorResults Compute(WorkingSet set, MonthRange months) => IndicatorComparison.Compute(set, months);

    /// <summary>
    /// What a server answers from a working set, as text: every value of every unit, month and indicator, the notes, and who was
    /// counted in every side that counts persons, in the first, a middle and the last month, with their records and batches.
    /// </summary>
    private static List<string> Answers(WorkingSet set, MonthRange months)
    {
        var results = Compute(set, months);
        var lines = new List<string>();
        foreach (var unit in results.Units)
        {
            foreach (var month in months.Months())
            {
                foreach (var indicator in IndicatorCatalog.All)
                    lines.Add(Invariant($"{unit} {month} {indicator.Code} {results.Get(unit, month, indicator.Code)}"));
            }
        }
        lines.AddRange(results.Notes.Select(n => Invariant($"note {n.Unit} {n.Month} {n.Indicator} {n.Message} {n.Count}")));
        var explained = new[] { months.First, months.First.Plus(months.Count / 2), months.Last };
        foreach (var unit in set.CaptureUnits)
        {
            foreach (var month in explained)
            {
                foreach (var indicator in IndicatorCatalog.All)
                {
                    foreach (var side in new[] { CountedSide.Numerator, CountedSide.Denominator })
                    {
                        if (IndicatorEngine.Explain(set, PopulationTable.Empty, unit, month, indicator.Code, side) is not { } explanation) continue;
                        lines.Add(Invariant($"explained {unit} {month} {indicator.Code} {side} {explanation.Count}"));
                        lines.AddRange(explanation.Members.Select(m => Invariant(
                            $"  {m.PersonId} [{string.Join(' ', m.AssistanceMonths)}] {string.Join("; ", m.Records.Select(r =>
                                $"{r.Kind} [{string.Join(' ', r.Months)}] {r.Batch.Unit} {r.Batch.ExtractedAt:O} {r.Origin?.BatchId}"))}")));
                    }
                }
            }
        }
        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("malekort-kept-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
