using Malekort.Periods;

namespace Malekort.Indicators;

/// <summary>
/// The engine counts on 64-month bit words; these tests compare it, over six years (two words), with the spec's
/// rules written out month by month and person by person for seeded random data.
/// </summary>
public sealed class SeededComparisonTests
{
    private const string First = "2019-01";
    private const string Last = "2024-12";

    private sealed record Person(
        string Id,
        DateOnly Birth,
        List<(DateOnly From, DateOnly To)> Paid,
        List<(DateOnly From, int Source)> Livelihood,
        List<(DateOnly Start, DateOnly? End)> Kvp,
        (DateOnly From, DateOnly? To)? Registered,
        List<DateOnly> Followups);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Engine_agrees_with_the_rules_applied_month_by_month(int seed)
    {
        var persons = Generate(new Random(seed), 40);
        var batch = new TestBatch(from: "2018-01-01", to: "2024-12-31");
        foreach (var p in persons)
        {
            batch.Person(p.Id, p.Birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (from, to) in p.Paid) batch.Paid(p.Id, Text(from), Text(to));
            foreach (var (from, source) in p.Livelihood) batch.Livelihood(p.Id, Text(from), source);
            foreach (var (start, end) in p.Kvp) batch.Kvp(p.Id, Text(start), end is { } e ? Text(e) : null);
            if (p.Registered is var (regFrom, regTo)) batch.Jobseeker(p.Id, Text(regFrom), regTo is { } t ? Text(t) : null);
            foreach (var f in p.Followups) batch.Followup(p.Id, Text(f));
        }

        var r = batch.Compute(First, Last);

        foreach (var month in new MonthRange(Month.Parse(First), Month.Parse(Last)).Months())
        {
            var m = month.ToString();
            bool Recipient(Person p, Month x) => p.Paid.Any(pay => pay.From <= x.End && pay.To >= x.Start);
            bool LongTerm(Person p) => Enumerable.Range(0, 12).Count(back => Recipient(p, month.Plus(-back))) >= 6;
            bool Livelihood5(Person p) => p.Livelihood.Where(l => l.From <= month.End).OrderBy(l => l.From).LastOrDefault().Source == 5;
            bool Young(Person p) => Age.CompletedYears(p.Birth, month.End) <= 24;
            bool Registered(Person p) => p.Registered is var (from, to) && from <= month.End && (to is null || to >= month.End);
            bool FollowedUp(Person p) => p.Followups.Any(f => f >= month.Plus(-2).Start && f <= month.End);

            Assert.Equal(persons.Count(p => Recipient(p, month)), r.Count("BL151", m));
            Assert.Equal(persons.Count(p => LongTerm(p) && Livelihood5(p)), r.Count("BL152", m));
            Assert.Equal(persons.Count(p => Recipient(p, month) && Young(p)), r.Count("BL153", m));
            Assert.Equal(persons.Count(p => LongTerm(p) && Livelihood5(p) && Young(p)), r.Count("BL154", m));
            Assert.Equal(persons.Count(p => Recipient(p, month) && LongTerm(p)), r.Count("BL166", m));
            Assert.Equal(persons.Count(p => p.Kvp.Any(k => k.Start <= month.End && (k.End is null || k.End >= month.Start))), r.Count("B51", m));
            Assert.Equal(persons.Count(p => p.Kvp.Any(k => k.Start <= month.End && (k.End is null || k.End > month.End))), r.Count("B.151", m));
            Assert.Equal(persons.Count(Registered), r["B10", m].Denominator);
            Assert.Equal(persons.Count(p => Registered(p) && FollowedUp(p)), r.Count("B10", m));
            Assert.Equal(persons.Count(p => Recipient(p, month) && !Recipient(p, month.Plus(-1))), r.Count("FLYT.TILGANG", m));
            Assert.Equal(persons.Count(p => !Recipient(p, month) && Recipient(p, month.Plus(-1))), r.Count("FLYT.AVGANG", m));
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<Person> Generate(Random random, int count)
    {
        var start = new DateOnly(2018, 1, 1);
        DateOnly Day(int fromDay, int toDay) => start.AddDays(random.Next(fromDay, toDay));
        const int Days = 7 * 365;
        var persons = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var paid = new List<(DateOnly, DateOnly)>();
            var activity = random.NextDouble();
            for (var month = 0; month < 84; month++)
            {
                if (random.NextDouble() > activity) continue;
                var from = start.AddMonths(month).AddDays(random.Next(0, 28));
                paid.Add((from, from.AddDays(random.Next(0, 45))));
            }
            var livelihood = Enumerable.Range(0, random.Next(0, 4)).Select(_ => (Day(-400, Days), random.Next(4, 7))).ToList();
            var kvp = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            {
                var s = Day(0, Days);
                return (s, random.Next(3) == 0 ? (DateOnly?)null : s.AddDays(random.Next(0, 500)));
            }).ToList();
            (DateOnly, DateOnly?)? registered = random.Next(2) == 0 ? null
                : (Day(-200, Days), random.Next(2) == 0 ? null : Day(0, Days + 200));
            if (registered is var (rf, rt) && rt < rf) registered = (rf, rf.AddDays(random.Next(0, 90)));
            var followups = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Day(0, Days)).ToList();
            persons.Add(new Person($"p{i}", new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 50)), paid, livelihood, kvp,
                registered, followups));
        }
        return persons;
    }
}
