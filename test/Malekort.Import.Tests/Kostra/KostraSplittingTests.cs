using System.Globalization;
using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>
/// Splitting never changes a number, for KOSTRA: two years of 11F and 11CF files (each listing only that year's recipients and
/// participants) give the same numerator, denominator and value for every unit, month and indicator as the same persons'
/// data delivered as one capture extract. Only the note that BU18 is an approximation differs: capture cannot say it. The
/// conditions and exemptions (VILKAR*, VEDTAK*) give the same V.101–V.103 as conditions.csv and activity_exemptions.csv; V.104
/// is left out, since KOSTRA knows sanctions only by year and a capture extract by day.
/// </summary>
/// <remarks>
/// A KVP programme is registered, decided and started in one year here: 11CF reports participations, so an application
/// registered in December for a January start is in no file of December's year.
/// </remarks>
public sealed class KostraSplittingTests
{
    private const string Unit = "3107";
    private static readonly int[] Years = [2024, 2025];
    private static readonly DateTimeOffset[] Delivered = [new(2025, 1, 14, 8, 0, 0, TimeSpan.Zero), new(2026, 1, 13, 8, 0, 0, TimeSpan.Zero)];
    private static readonly MonthRange TwoYears = new(new Month(2024, 1), new Month(2025, 12));
    private static readonly string[] MonthFields = ["JAN", "FEB", "MARS", "APRIL", "MAI", "JUNI", "JULI", "AUG", "SEPT", "OKT", "NOV", "DES"];

    public static TheoryData<int> Seeds() => Indicators.Splitting.SplitSeeds.Get(everyday: 3);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Two_years_of_kostra_files_give_the_numbers_of_the_same_data_as_one_capture_extract(int seed)
    {
        var persons = RandomPersons(new Random(seed), 30);

        var kostra = Compute(KostraBatches(persons));
        var capture = Compute([CaptureBatch(persons)]);

        var differences = new List<string>();
        foreach (var unit in capture.Units)
        {
            foreach (var month in TwoYears.Months())
            {
                foreach (var definition in IndicatorCatalog.All.Where(d => d.Code != "V.104"))
                {
                    var (c, k) = (capture.Get(unit, month, definition.Code), kostra.Get(unit, month, definition.Code));
                    if ((c.Numerator, c.Denominator, c.Value, c.Reason) != (k.Numerator, k.Denominator, k.Value, k.Reason))
                        differences.Add($"{unit} {month} {definition.Code}: fangstformat {c}, KOSTRA {k}");
                }
            }
        }
        Assert.Equal(capture.Units, kostra.Units);
        Assert.True(differences.Count == 0, $"seed {seed}: {differences.Count} verdier skiller seg, f.eks.\n{string.Join('\n', differences.Take(20))}");
        Assert.Contains(capture.Units, u => TwoYears.Months().Any(m => capture.Get(u, m, "V.101").Numerator > 0));
        // The case the rule is about: someone long-term with VKLO 5 in January 2025 who is in no 2025 file.
        Assert.Contains(persons, p => p.Years[0] is { Vklo: 5 } y && y.Months.Count(m => m >= 7) >= 6 && p.Years[1] is null);
    }

    /// <summary>What one person's files say in a year: the ticked months, VKLO, BU18, the condition and the first exemption.</summary>
    private sealed record Year11F(int[] Months, int Vklo, bool Bu18, Condition? Condition = null, Exemption? Exemption = null);

    /// <summary>A condition of the year's payment decision (VILKARSOSLOV = 1): UTBETDATO–UTBETTOMDATO and its VILKAR codes.</summary>
    private sealed record Condition(DateOnly From, DateOnly To, string[] Codes);

    /// <summary>The first exemption from the activity duty: VEDTAKDATO and its grounds.</summary>
    private sealed record Exemption(DateOnly Decided, string[] Grounds);

    private static readonly string[] VilkarFields =
    [
        "VILKARARBEID", "VILKARKURS", "VILKARUTD", "VILKARJOBBLOG", "VILKARJOBBTILB", "VILKARSAMT", "VILKAROKRETT", "VILKARLIVSH",
        "VILKARHELSE", "VILKARANNET", "VILKARDIGPLAN", "VILKARNORSKSAMISKOPPL",
    ];

    private static readonly string[] VedtakFields = ["VEDTAKARB", "VEDTAKAKT", "VEDTAKHELSE", "VEDTAKGRUNN"];

    /// <summary>A KVP participation: start, optional end, registered and decided shortly before the start in the same year.</summary>
    private sealed record Participation(DateOnly Registered, DateOnly Decided, DateOnly Start, DateOnly? End);

    private sealed record Person(int Index, DateOnly Birth, Year11F?[] Years, Participation? Kvp)
    {
        public string Key => $"p{Index}";

        public string Fnr => KostraRecordBuilder.Synthetic(Birth, Index);
    }

    private static List<Person> RandomPersons(Random random, int count)
    {
        var persons = new List<Person>();
        // A few persons are built to be the long-term recipient of 2024 who has no payment in 2025.
        for (var i = 0; i < count; i++)
        {
            // Every third person is 18–29 (the activity duty's ages, V.101 and V.103).
            var birth = new DateOnly(i % 3 == 1 ? 1996 + random.Next(8) : 1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28));
            Year11F? Year(int year, int[] months) => months.Length == 0 ? null
                : new(months, random.Next(3) switch { 0 => 1, 1 => 9, _ => 5 }, random.Next(3) == 0, SomeCondition(random, year),
                    random.Next(6) == 0 ? new Exemption(new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)), Some(random, 4, "01", "02", "03", "04")) : null);
            int[] SomeMonths() => [.. Enumerable.Range(1, 12).Where(_ => random.Next(3) > 0).Skip(random.Next(8))];
            Year11F?[] years = i % 5 == 0
                ? [new Year11F([7, 8, 9, 10, 11, 12], 5, random.Next(2) == 0), null]
                : [Year(Years[0], random.Next(4) == 0 ? [] : SomeMonths()), Year(Years[1], random.Next(4) == 0 ? [] : SomeMonths())];
            Participation? kvp = null;
            if (random.Next(4) == 0)
            {
                var start = new DateOnly(Years[random.Next(2)], 2 + random.Next(10), 1 + random.Next(28));
                DateOnly? end = random.Next(3) switch
                {
                    0 => null,
                    1 => start.AddMonths(1 + random.Next(6)),
                    _ => start.AddMonths(4 + random.Next(14)),
                };
                if (end > new DateOnly(2025, 12, 31)) end = null;
                kvp = new Participation(start.AddDays(-10 - random.Next(5)), start.AddDays(-3), start, end);
            }
            if (years.All(y => y is null) && kvp is null) years[0] = new Year11F([3], 1, false);
            // One recipient aged 18–29 with an activity condition in paid months, so V.101 is above zero in every seed.
            if (i == 1) years[0] = new Year11F([3, 4, 5], 5, false, new Condition(new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 31), ["16"]));
            persons.Add(new Person(i, birth, years, kvp));
        }
        return persons;
    }

    /// <summary>Half the years have a condition: decided on its first day in the year, valid up to nine months, with 1–3 codes.</summary>
    private static Condition? SomeCondition(Random random, int year)
    {
        if (random.Next(2) == 0) return null;
        var from = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
        return new Condition(from, from.AddDays(random.Next(270)),
            Some(random, 3, "16", "17", "04", "06", "07", "08", "10", "18", "14", "15", "19", "20"));
    }

    /// <summary>One to <paramref name="most"/> of the codes, in their list's order.</summary>
    private static string[] Some(Random random, int most, params string[] codes)
    {
        var chosen = new SortedSet<int>();
        for (var n = 1 + random.Next(most); n > 0; n--) chosen.Add(random.Next(codes.Length));
        return [.. chosen.Select(i => codes[i])];
    }

    private static IEnumerable<CaptureBatch> KostraBatches(List<Person> persons)
    {
        for (var y = 0; y < Years.Length; y++)
        {
            var year = Years[y];
            var recipients = persons.Where(p => p.Years[y] is not null).Select(p => Record11F(p, year, p.Years[y]!)).ToArray();
            if (recipients.Length > 0) yield return Read(Delivered[y], recipients);
            var participants = persons.Where(p => p.Kvp is { } k && k.Start.Year <= year && (k.End is null || k.End.Value.Year >= year))
                .Select(p => Record11CF(p, year)).ToArray();
            if (participants.Length > 0) yield return Read(Delivered[y], participants);
        }
    }

    private static CaptureBatch Read(DateTimeOffset at, KostraRecordBuilder[] records)
    {
        var result = KostraFixture.Reader(at).Read("a.dat", KostraFixture.File(records));
        Assert.True(result.Accepted, KostraFixture.Describe(result));
        return result.Value!;
    }

    private static KostraRecordBuilder Record11F(Person p, int year, Year11F y)
    {
        var record = KostraRecordBuilder.Sosialhjelp(year, Unit).Born(p.Birth, p.Index)
            .Apply(string.Create(CultureInfo.InvariantCulture, $"PERSON_JOURNALNR=J{p.Index:D7};BIDRAG={1000 * y.Months.Length};VKLO={y.Vklo};ARBSIT={(y.Vklo == 1 ? "01" : "04")}"));
        for (var m = 1; m <= 12; m++) record.Apply($"STMND_{m}=;BIDRAG_{MonthFields[m - 1]}=");
        foreach (var m in y.Months) record.Months(m).Apply($"BIDRAG_{MonthFields[m - 1]}=1000");
        if (y.Bu18) record.Apply("BU18=1;ANTBU18=1");
        if (y.Condition is { } c)
        {
            record.Apply("VILKARSOSLOV=1").Date("UTBETDATO", c.From).Date("UTBETTOMDATO", c.To);
            foreach (var code in c.Codes) record.Apply($"{VilkarFields[Array.IndexOf(ConditionCodes.Conditions.Select(k => k.Code).ToArray(), code)]}={code}");
        }
        if (y.Exemption is { } e)
        {
            record.Date("VEDTAKDATO", e.Decided);
            foreach (var ground in e.Grounds) record.Apply($"{VedtakFields[int.Parse(ground, CultureInfo.InvariantCulture) - 1]}={ground}");
        }
        return record;
    }

    private static KostraRecordBuilder Record11CF(Person p, int year)
    {
        var k = p.Kvp!;
        var record = KostraRecordBuilder.Kvalifisering(year, Unit).Born(p.Birth, p.Index)
            .Apply(string.Create(CultureInfo.InvariantCulture, $"PERSON_JOURNALNR=K{p.Index:D7}"))
            .Date("REG_DATO", k.Registered).Date("VEDTAK_DATO", k.Decided).Date("BEGYNT_DATO", k.Start);
        for (var m = 1; m <= 12; m++) record.Apply($"STMND_{m}=");
        var first = k.Start.Year == year ? k.Start.Month : 1;
        var last = k.End is { } e && e.Year == year ? e.Month : 12;
        for (var m = first; m <= last; m++) record.Months(m);
        if (k.End is { } end && end.Year == year)
            record.Apply("STATUS=3;AVSL_ORDINAERTARB=01;AVSL_VIKTIGSTE_INNTEKT=01").Date("AVSL_DATO", end);
        return record;
    }

    /// <summary>The same persons as one capture extract over both years, in the records the capture reader produces.</summary>
    private static CaptureBatch CaptureBatch(List<Person> persons)
    {
        var payments = new List<PaymentRecord>();
        var livelihood = new List<LivelihoodRecord>();
        var family = new List<FamilyRecord>();
        var conditions = new List<ConditionRecord>();
        var exemptions = new List<ExemptionRecord>();
        for (var y = 0; y < Years.Length; y++)
        {
            foreach (var p in persons.Where(p => p.Years[y] is not null))
            {
                var year = p.Years[y]!;
                var (start, end) = (new DateOnly(Years[y], 1, 1), new DateOnly(Years[y], 12, 31));
                foreach (var m in year.Months.Select(m => new Month(Years[y], m)))
                    payments.Add(new PaymentRecord($"{p.Key}-{m}", p.Key, "SH", BenefitCategory.OkonomiskSosialhjelp, 1000m, PaymentStatus.Utbetalt,
                        m.End, m.Start, m.End, null));
                livelihood.Add(new LivelihoodRecord(p.Key, start, null, year.Vklo));
                if (year.Bu18) family.Add(new FamilyRecord(p.Key, $"{p.Key}-{Years[y]}", FamilyRelation.Barn, start.AddYears(-1), 100, true, true, start, end));
                if (year.Condition is { } c) conditions.Add(new ConditionRecord(p.Key, c.From, c.From, c.To, c.Codes));
                if (year.Exemption is { } e) exemptions.Add(new ExemptionRecord(p.Key, e.Decided, e.Grounds));
            }
        }
        var kvp = persons.Where(p => p.Kvp is not null)
            .Select(p => new KvpRecord(p.Key, p.Kvp!.Registered, p.Kvp.Decided, p.Kvp.Start, p.Kvp.End, p.Kvp.End is null ? 1 : 3,
                p.Kvp.End is null ? [] : ["01"]))
            .ToList();
        var header = new BatchHeader("malekort-capture/1", "test", UnitCode.Parse(Unit), new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31),
            Delivered[1], CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood | CaptureDomains.Family | CaptureDomains.Kvp
            | CaptureDomains.Conditions | CaptureDomains.Exemptions);
        return new CaptureBatch(header, "capture", [.. persons.Select(p => new PersonRecord(p.Key, p.Birth, null))],
            [new CodeListEntry("SH", "Økonomisk sosialhjelp", BenefitCategory.OkonomiskSosialhjelp)], payments, livelihood, family, [], [], kvp, [], [])
        {
            Conditions = conditions,
            Exemptions = exemptions,
        };
    }

    private static IndicatorResults Compute(IEnumerable<CaptureBatch> batches)
    {
        var builder = new WorkingSetBuilder();
        foreach (var batch in batches) builder.Add(batch);
        return new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty).Compute(builder.Build(), PopulationTable.Empty, TwoYears);
    }
}
