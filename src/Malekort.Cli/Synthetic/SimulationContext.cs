using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// What the parts of a unit's simulation share: its random stream, the history they record into (with the ids),
/// the last simulated month, and the calendar and age draws they all use.
/// </summary>
internal sealed class SimulationContext(SeededRandom rng, UnitHistory history, Month last, double youngWeight, bool district)
{
    public static readonly (int From, int To, double Weight)[] AgeBands =
    [
        (17, 17, 0.004), (18, 19, 0.045), (20, 24, 0.12), (25, 29, 0.14), (30, 34, 0.14), (35, 39, 0.13),
        (40, 44, 0.11), (45, 49, 0.09), (50, 54, 0.08), (55, 59, 0.065), (60, 66, 0.055), (67, 80, 0.02),
    ];
    public static readonly (int From, int To, double Weight)[] JobseekerAgeBands =
    [
        (18, 24, 0.17), (25, 34, 0.28), (35, 44, 0.23), (45, 54, 0.18), (55, 66, 0.14),
    ];
    private static readonly (int From, int To, double Weight)[] ProcessingDays =
    [
        (0, 2, 0.10), (3, 7, 0.20), (8, 14, 0.30), (15, 21, 0.20), (22, 35, 0.13), (36, 60, 0.05), (61, 120, 0.02),
    ];
    private static readonly double[] ProcessingWeights = Weights(ProcessingDays);

    private int nextPaymentId = 1;
    private int nextCaseId = 1;
    private int nextMemberId = 1;

    public SeededRandom Rng { get; } = rng;
    public UnitHistory History { get; } = history;
    public Month Last { get; } = last;
    public int LastDay { get; } = last.End.DayNumber;
    /// <summary>How much more (or less) often than nationally persons 18–24 live in the unit.</summary>
    public double YoungWeight { get; } = youngWeight;
    /// <summary>Whether the unit is an Oslo district (KVP status 6 exists only there).</summary>
    public bool District { get; } = district;

    public int DrawAge((int From, int To, double Weight)[] bands)
    {
        Span<double> weights = stackalloc double[bands.Length];
        for (var i = 0; i < bands.Length; i++) weights[i] = bands[i].To <= 24 ? bands[i].Weight * YoungWeight : bands[i].Weight;
        var (from, to, _) = bands[Rng.Pick(weights)];
        return Rng.Between(from, to);
    }

    public int DrawProcessingDays()
    {
        var (low, high, _) = ProcessingDays[Rng.Pick(ProcessingWeights)];
        return Rng.Between(low, high);
    }

    public int BirthFor(int day, int age) => DateOnly.FromDayNumber(day).AddYears(-age).DayNumber - Rng.Between(0, 364);

    public int DayIn(Month month) => month.Start.DayNumber + Rng.Next(DateTime.DaysInMonth(month.Year, month.Number));

    // A day in the month on or after the given day.
    public int DayFrom(int day, Month month) => Math.Min(month.End.DayNumber, day + Rng.Between(0, 20));

    // Monthly assistance is paid in the first working days of the month it covers.
    public int PayDay(Month month)
    {
        var day = month.Start.AddDays(Rng.Between(0, 2));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day.DayNumber;
    }

    public int AddPerson(int birth, Sex sex)
    {
        History.Persons.Add(new PersonRow { Birth = birth, Sex = sex });
        return History.Persons.Count - 1;
    }

    public int AddPayment(int person, byte type, PaymentStatus status, long ore, int paymentDay, int periodFrom, int periodTo, int caseId)
    {
        History.Payments.Add(new PaymentRow
        {
            Id = nextPaymentId++,
            Person = person,
            BenefitType = type,
            Status = status,
            Ore = Math.Max(100, ore),
            PaymentDay = paymentDay,
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            CaseId = caseId,
            CancelDay = SimDay.None,
        });
        return History.Payments.Count - 1;
    }

    public int AddCase(int person, byte type, int received, int approved)
    {
        var id = nextCaseId++;
        // A few cases lack their received date (registered on paper and never completed in the system).
        if (Rng.Chance(0.015)) received = SimDay.None;
        History.Cases.Add(new CaseRow { Id = id, Person = person, CaseType = type, Received = received, Approved = approved });
        return id;
    }

    public void AddFamily(int person, FamilyRelation relation, int memberBirth, sbyte percent, sbyte duty, sbyte inHousehold,
        int validFrom, int validTo)
    {
        History.Family.Add(new FamilyRow
        {
            Person = person,
            Member = nextMemberId++,
            Relation = relation,
            MemberBirth = memberBirth,
            CalculationPercent = percent,
            ProviderDuty = duty,
            InHousehold = inHousehold,
            ValidFrom = validFrom,
            ValidTo = validTo,
        });
    }

    public void SetLivelihood(Client client, byte source, int validFrom)
    {
        if (client.Livelihood == source) return;
        client.Livelihood = source;
        var row = new LivelihoodRow { Person = client.Person, ValidFrom = validFrom, Source = source };
        // One value per day: a change on the day of the previous one replaces it.
        if (client.LivelihoodRow >= 0 && History.Livelihood[client.LivelihoodRow].ValidFrom == validFrom)
        {
            History.Livelihood[client.LivelihoodRow] = row;
            return;
        }
        History.Livelihood.Add(row);
        client.LivelihoodRow = History.Livelihood.Count - 1;
    }

    private static double[] Weights((int From, int To, double Weight)[] bands)
    {
        var weights = new double[bands.Length];
        for (var i = 0; i < bands.Length; i++) weights[i] = bands[i].Weight;
        return weights;
    }
}
