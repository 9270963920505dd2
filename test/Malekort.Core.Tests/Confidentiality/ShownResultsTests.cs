using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Confidentiality;

public sealed class ShownResultsTests
{
    private static readonly Month December = new(2024, 12);
    private static readonly UnitCode Halden = UnitCode.Parse("3101");
    private static readonly UnitCode Moss = UnitCode.Parse("3103");
    private static readonly UnitCode Sarpsborg = UnitCode.Parse("3105");
    private static readonly UnitCode Ostfold = UnitCode.Parse("31");
    private static readonly UnitCode East = UnitCode.Office("0001");
    private static readonly UnitCode West = UnitCode.Office("0002");

    // NAV East serves Halden and Moss; NAV West serves Sarpsborg.
    private static readonly OfficeRegister Offices = new([new Office("0001", "NAV Øst", [Halden, Moss]), new Office("0002", "NAV Vest", [Sarpsborg])]);

    private static IndicatorResults Compute(params DecemberBatch[] batches)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch.Build());
        var population = new PopulationTable(batches.Select(b => new PopulationFigure(b.Unit, 2024, 10_000, 1_000, 20_000, "test")));
        return new IndicatorEngine(UnitRegister.Default, Offices).Compute(builder.Build(), population, new MonthRange(December, December));
    }

    private static ShownResults SeenFrom(UnitCode office, IndicatorResults results) =>
        ShownResults.For(results, Viewer.Office(office), UnitRegister.Default, Offices);

    [Fact]
    public void Full_rights_show_every_count_however_small()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Sarpsborg).Recipients(5));
        var shown = ShownResults.Unrestricted(results).Get(Halden, December, "BL151");
        Assert.Equal(2, shown.Numerator);
        Assert.False(shown.Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void Outside_the_own_office_a_count_of_two_is_suppressed()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Sarpsborg).Recipients(5));
        var shown = SeenFrom(West, results).Get(Halden, December, "BL151");
        Assert.Null(shown.Numerator);
        Assert.Null(shown.Value);
        Assert.True(shown.Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void A_municipality_sees_its_own_small_count_and_a_county_sees_it_suppressed()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Sarpsborg).Recipients(5));
        var halden = ShownResults.For(results, Viewer.Municipality(Halden), UnitRegister.Default, Offices);
        Assert.Equal(2, halden.Get(Halden, December, "BL151").Numerator);
        Assert.Equal(ViewerRole.Kommune, halden.Viewer.Role);
        var county = ShownResults.For(results, Viewer.County(Ostfold), UnitRegister.Default, Offices);
        Assert.True(county.Get(Halden, December, "BL151").Notes.HasFlag(ValueNotes.Suppressed));
        Assert.True(county.IsRestricted(Sarpsborg));
    }

    [Fact]
    public void The_operator_is_unrestricted()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Sarpsborg).Recipients(5));
        var shown = ShownResults.For(results, Viewer.Operator, UnitRegister.Default, Offices);
        Assert.Equal(2, shown.Get(Halden, December, "BL151").Numerator);
        Assert.False(shown.IsRestricted(Ostfold));
    }

    [Fact]
    public void A_count_of_one_is_suppressed_and_three_is_shown()
    {
        // Halden: 3 recipients, 1 of them under 25.
        var results = Compute(new DecemberBatch(Halden).Recipients(2).Recipients(1, age: 20), new DecemberBatch(Sarpsborg).Recipients(5));
        var seen = SeenFrom(West, results);
        Assert.Equal(3, seen.Get(Halden, December, "BL151").Numerator);
        Assert.True(seen.Get(Halden, December, "BL153").Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void Zero_stays_visible_outside_the_own_office()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(4), new DecemberBatch(Sarpsborg).Recipients(5));
        var shown = SeenFrom(West, results).Get(Halden, December, "BL153");
        Assert.Equal(0, shown.Numerator);
        Assert.Equal(0, shown.Value);
        Assert.False(shown.Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void The_own_offices_units_are_shown_in_full()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Moss).Recipients(5), new DecemberBatch(Sarpsborg).Recipients(4));
        var seen = SeenFrom(East, results);
        Assert.Equal(2, seen.Get(Halden, December, "BL151").Numerator);
        Assert.Equal(7, seen.Get(East, December, "BL151").Numerator);
        Assert.False(seen.IsRestricted(Halden));
        Assert.True(seen.IsRestricted(Sarpsborg));
        Assert.True(seen.IsRestricted(Ostfold));
    }

    [Fact]
    public void A_share_whose_numerator_is_suppressed_is_suppressed_but_the_population_is_shown()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Moss).Recipients(5), new DecemberBatch(Sarpsborg).Recipients(4));
        var shown = SeenFrom(West, results).Get(Halden, December, "B.101");
        Assert.Null(shown.Numerator);
        Assert.Null(shown.Value);
        Assert.Equal(10_000, shown.Denominator);
        Assert.True(shown.Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void The_other_unit_of_an_office_is_suppressed_so_the_first_cannot_be_worked_out()
    {
        // NAV East = Halden (2) + Moss (5) = 7: with the total and Moss shown, Halden would be 7 − 5.
        var results = Compute(new DecemberBatch(Halden).Recipients(2), new DecemberBatch(Moss).Recipients(5), new DecemberBatch(Sarpsborg).Recipients(4));
        var seen = SeenFrom(West, results);
        Assert.True(seen.Get(Halden, December, "BL151").Notes.HasFlag(ValueNotes.Suppressed));
        Assert.True(seen.Get(Moss, December, "BL151").Notes.HasFlag(ValueNotes.Suppressed));
        Assert.Equal(7, seen.Get(East, December, "BL151").Numerator);
        Assert.True(seen.Get(Moss, December, "B.101").Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void Without_a_small_count_nothing_is_suppressed_complementarily()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(3), new DecemberBatch(Moss).Recipients(5), new DecemberBatch(Sarpsborg).Recipients(4));
        var seen = SeenFrom(West, results);
        Assert.Equal(3, seen.Get(Halden, December, "BL151").Numerator);
        Assert.Equal(5, seen.Get(Moss, December, "BL151").Numerator);
    }

    [Fact]
    public void An_aggregate_whose_small_count_is_all_the_viewers_own_is_shown()
    {
        // One person under 25 in the county, in Halden: NAV East's own. Østfold's 1 tells East nothing it does not know.
        var results = Compute(new DecemberBatch(Halden).Recipients(3).Recipients(1, age: 20), new DecemberBatch(Moss).Recipients(4),
            new DecemberBatch(Sarpsborg).Recipients(4));
        Assert.Equal(1, SeenFrom(East, results).Get(Ostfold, December, "BL153").Numerator);
        Assert.Equal(0, SeenFrom(East, results).Get(Sarpsborg, December, "BL153").Numerator);
        Assert.True(SeenFrom(West, results).Get(Ostfold, December, "BL153").Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void Processing_time_with_two_cases_is_suppressed_days_and_cases_alike()
    {
        var results = Compute(new DecemberBatch(Halden).Recipients(3).Cases(2, days: 10), new DecemberBatch(Sarpsborg).Recipients(4).Cases(3, days: 12));
        var seen = SeenFrom(East, results);
        var halden = seen.Get(Halden, December, "PL151");
        Assert.Equal(20, halden.Numerator);
        Assert.Equal(2, halden.Denominator);
        var sarpsborg = seen.Get(Sarpsborg, December, "PL151");
        Assert.Equal(36, sarpsborg.Numerator);
        Assert.Equal(3, sarpsborg.Denominator);
        Assert.Equal(12, sarpsborg.Value);

        var fromWest = SeenFrom(West, results).Get(Halden, December, "PL151");
        Assert.Null(fromWest.Numerator);
        Assert.Null(fromWest.Denominator);
        Assert.Null(fromWest.Value);
        Assert.True(fromWest.Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void A_kvp_situation_of_one_hides_a_second_situation_and_both_shares()
    {
        // Four ended in December: three to work (01), one to education (04). Ended is shown; with 01 shown, 04 = 4 − 3.
        var results = Compute(new DecemberBatch(Halden).Recipients(3).KvpEnded(3, "01").KvpEnded(1, "04"), new DecemberBatch(Sarpsborg).Recipients(4));
        var seen = SeenFrom(West, results);
        Assert.Equal(4, seen.Get(Halden, December, "KVP.AVSLUTTET").Numerator);
        var education = seen.Get(Halden, December, "KVP.ETTER.04");
        var work = seen.Get(Halden, December, "KVP.ETTER.01");
        Assert.True(education.Notes.HasFlag(ValueNotes.Suppressed));
        Assert.True(work.Notes.HasFlag(ValueNotes.Suppressed));
        Assert.Null(work.Value);
        Assert.Equal(0, seen.Get(Halden, December, "KVP.ETTER.13").Numerator);
    }

    [Fact]
    public void A_kvp_sum_that_adds_up_only_through_the_viewers_own_person_gives_nothing_away_and_hides_no_zero()
    {
        // Østfold's 2 ended are Halden's one person with two situations (East's own) and Sarpsborg's one with none: 2 = 1 + 1
        // by chance. East sees its own 1 ended with 2 situations, so ended = Σ situations is no rule it can use for the county.
        var results = Compute(new DecemberBatch(Halden).Recipients(3).KvpEnded(1, "01", "04"), new DecemberBatch(Moss).Recipients(4),
            new DecemberBatch(Sarpsborg).Recipients(4).KvpEnded(1));
        var seen = SeenFrom(East, results);
        Assert.True(seen.Get(Ostfold, December, "KVP.AVSLUTTET").Notes.HasFlag(ValueNotes.Suppressed));
        Assert.Equal(1, seen.Get(Ostfold, December, "KVP.ETTER.01").Numerator);
        Assert.Equal(0, seen.Get(Sarpsborg, December, "KVP.ETTER.01").Numerator);
        Assert.Equal(0, seen.Get(Sarpsborg, December, "KVP.ETTER.13").Numerator);
        Assert.Equal(0, seen.Unprotected);
        // West has no part in it: for West the county's sum holds as it is, and its situations are the others' small counts.
        Assert.True(SeenFrom(West, results).Get(Ostfold, December, "KVP.ETTER.01").Notes.HasFlag(ValueNotes.Suppressed));
    }

    [Fact]
    public void Computation_notes_outside_the_own_office_are_not_shown()
    {
        // Halden has a case without a received date; the engine notes it.
        var results = Compute(new DecemberBatch(Halden).Recipients(3).CaseWithoutReceivedDate(), new DecemberBatch(Sarpsborg).Recipients(4));
        Assert.Contains(results.Notes, n => n.Unit == Halden);
        Assert.Contains(SeenFrom(East, results).Notes, n => n.Unit == Halden);
        Assert.DoesNotContain(SeenFrom(West, results).Notes, n => n.Unit == Halden);
    }

    /// <summary>A batch for December 2024 built person by person; persons get synthetic keys.</summary>
    private sealed class DecemberBatch(UnitCode unit)
    {
        private readonly List<PersonRecord> persons = [];
        private readonly List<PaymentRecord> payments = [];
        private readonly List<CaseRecord> cases = [];
        private readonly List<KvpRecord> kvp = [];

        public UnitCode Unit => unit;

        public DecemberBatch Recipients(int count, int age = 40)
        {
            for (var i = 0; i < count; i++)
            {
                var key = NewPerson(age);
                payments.Add(new PaymentRecord($"u{payments.Count}", key, "SOS", BenefitCategory.OkonomiskSosialhjelp, 5000m,
                    PaymentStatus.Utbetalt, new DateOnly(2024, 12, 5), new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31), null));
            }
            return this;
        }

        public DecemberBatch Cases(int count, int days)
        {
            for (var i = 0; i < count; i++)
            {
                var approved = new DateOnly(2024, 12, 20);
                cases.Add(new CaseRecord($"s{cases.Count}", NewPerson(40), "SOS", BenefitCategory.OkonomiskSosialhjelp, approved.AddDays(-days), approved));
            }
            return this;
        }

        public DecemberBatch CaseWithoutReceivedDate()
        {
            cases.Add(new CaseRecord($"s{cases.Count}", NewPerson(40), "SOS", BenefitCategory.OkonomiskSosialhjelp, null, new DateOnly(2024, 12, 20)));
            return this;
        }

        public DecemberBatch KvpEnded(int count, params string[] situations)
        {
            for (var i = 0; i < count; i++)
                kvp.Add(new KvpRecord(NewPerson(30), new DateOnly(2023, 10, 1), new DateOnly(2023, 11, 1), new DateOnly(2024, 1, 1),
                    new DateOnly(2024, 12, 15), null, situations));
            return this;
        }

        private string NewPerson(int age)
        {
            var key = $"{unit}-p{persons.Count}";
            persons.Add(new PersonRecord(key, new DateOnly(2024 - age, 6, 1), null));
            return key;
        }

        public CaptureBatch Build() => new(
            new BatchHeader("malekort-capture/1", "test", unit, new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31),
                new DateTimeOffset(2025, 1, 5, 8, 0, 0, TimeSpan.Zero),
                CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Cases | CaptureDomains.Kvp),
            $"hash-{unit}", persons, [], payments, [], [], [], cases, kvp, [], []);
    }
}
