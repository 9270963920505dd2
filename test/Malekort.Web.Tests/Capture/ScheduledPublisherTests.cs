using Malekort.Import.Pipeline;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Testing;
using Malekort.Web.Publishing;
using Malekort.Web.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Malekort.Web.Capture;

/// <summary>The schedule with a fake clock over a real store: Fredrikstad has data for November and December 2024.</summary>
public sealed class ScheduledPublisherTests
{
    private static readonly DateTimeOffset Start = new(2024, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private sealed class Installation : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("malekort-plan-").FullName;

        public Installation(string kind)
        {
            Clock = new FakeTimeProvider(Start);
            Database = TestDatabases.Create(kind, Clock);
            ServerModeHost.Seed(Database.Store);
            var batch = Path.Combine(folder, "uttrekk");
            Directory.CreateDirectory(batch);
            foreach (var (name, text) in new TestExtract("3107", Start).Files()) File.WriteAllText(Path.Combine(batch, name), text);
            var key = PseudonymKey.FromBytes(new byte[PseudonymKey.Length]);
            // The extract holds December's payments, so it is imported once December is over (by another program, on its own
            // clock); the schedule's clock starts in November and reaches each month's numbers as it goes.
            var importedAt = new FakeTimeProvider(new DateTimeOffset(2025, 1, 3, 8, 0, 0, TimeSpan.Zero));
            Assert.Equal(ImportOutcome.Imported, new ImportPipeline(Database.Store, new Pseudonymizer(key), importedAt).ImportOne(batch).Outcome);

            var options = new MalekortWebOptions();
            var state = new ScorecardState(Database.Store, Clock, NullLogger<ScorecardState>.Instance);
            var runLog = new RunLog(Database.Store, NullLogger<RunLog>.Instance);
            var publisher = new MonthPublisher(Database.Store, state, new PublicationBook(Database.Store), runLog, Clock);
            Scheduler = new ScheduledPublisher(MonthlySchedule.Parse("0 6 5 * *"), publisher, state, runLog, Clock,
                NullLogger<ScheduledPublisher>.Instance);
        }

        public FakeTimeProvider Clock { get; }

        public TestDatabase Database { get; }

        public ScheduledPublisher Scheduler { get; }

        public IReadOnlyList<RunLogEntry> ScheduleRuns() =>
            Database.Store.RunLog(1000).Where(e => e.Channel == RunChannel.Schedule && e.Unit is null).Reverse().ToList();

        public void Dispose()
        {
            Scheduler.Dispose();
            Database.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Hour_by_hour_through_a_year_and_both_clock_changes_it_runs_once_a_month_and_publishes_the_month_before(string kind)
    {
        using var installation = new Installation(kind);

        var runs = 0;
        for (var hour = 0; hour < 365 * 24; hour++)
        {
            installation.Clock.Advance(TimeSpan.FromHours(1));
            runs += installation.Scheduler.RunDue(installation.Clock.GetUtcNow());
        }

        Assert.Equal(12, runs);
        var logged = installation.ScheduleRuns();
        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => new Month(2024, 11).Plus(i)).ToList(),
            logged.Select(e => e.Month!.Value).ToList());
        // Each month is published for NAV Fredrikstad once, and only the months with data.
        var publications = installation.Database.Store.Publications();
        Assert.Equal(
            [(ServerModeHost.NavFredrikstad, new Month(2024, 11), 1), (ServerModeHost.NavFredrikstad, new Month(2024, 12), 1)],
            publications.Select(p => (p.Office, p.Month, p.Revision)).ToList());
        Assert.All(publications, p => Assert.Equal("tidsplanen «0 6 5 * *»", p.PublishedBy));
        // 06:00 in Oslo: 05:00 UTC on 5 December (CET), 04:00 UTC on 5 April (CEST).
        Assert.Equal(new DateTimeOffset(2024, 12, 5, 5, 0, 0, TimeSpan.Zero), logged[0].StartedAt);
        Assert.Equal(new DateTimeOffset(2025, 4, 5, 4, 0, 0, TimeSpan.Zero), logged[4].StartedAt);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Started_as_a_service_it_runs_by_itself_when_the_clock_reaches_the_time(string kind)
    {
        using var installation = new Installation(kind);
        await installation.Scheduler.StartAsync(TestContext.Current.CancellationToken);

        installation.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Empty(installation.ScheduleRuns());
        installation.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6));

        // The clock goes on as a real one would, a minute a poll: a wait the service sets up just after the jump (an hour at
        // most, ScheduledPublisher.LongestWait) then ends too, whichever side of the jump a busy machine let it run on.
        await ServerModeHost.Eventually(installation.Clock, TimeSpan.FromMinutes(1), () => installation.ScheduleRuns().Count == 1, "tidsplanen har kjørt");
        var run = installation.ScheduleRuns().Single();
        Assert.Equal(new Month(2024, 11), run.Month);
        Assert.Equal(RunOutcome.Published, run.Outcome);
        await installation.Scheduler.StopAsync(TestContext.Current.CancellationToken);
    }
}
