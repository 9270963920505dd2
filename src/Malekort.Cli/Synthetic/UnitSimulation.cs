using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Simulates one unit's clients month by month: social assistance careers (spells of paid months with gaps),
/// qualification programme participations, Arena job seeker registrations and follow-ups, and everything a case
/// system records around them. The levels are approximate national ones; README.md in this folder states them.
/// </summary>
internal sealed class UnitSimulation
{
    // Approximate national levels (README.md explains the choice between the monthly and the yearly level).
    private const double MonthlyRecipientShare = 0.0195;
    private const double KvpShare = 0.0019;
    private const double JobseekerShare = 0.025;
    private const double NationalYoungShare = 0.125; // persons 18–24 among 18–66, Norway 2024 (SSB 07459)

    // Spell shape (months with payments): many short spells, a middle group and a long tail; careers repeat.
    private const double ShortSpell = 0.50;
    private const double MiddleSpell = 0.35;
    private const double LongSpellContinue = 7.0 / 8.0;
    private const double AnotherSpell = 0.45;
    private const double MeanSpellMonths = 0.50 * 1.78 + 0.35 * 7.5 + 0.15 * 19.0;
    private const double MeanCareerMonths = MeanSpellMonths / (1 - AnotherSpell);

    // Social assistance months that come with one KVP start (before, during and after the programme).
    private const double SocialAssistanceMonthsPerKvpStart = 0.75 * 7.5 + 0.15 * 12 + 0.35 * 7;
    private const double MeanKvpMonths = 12.0;
    private const double MeanRegistrationMonths = 7.0;
    private const double JobseekerLink = 0.30;

    private const int BurnInMonths = 60;

    private static readonly double[] SpellShortWeights = [0.45, 0.32, 0.23];
    private static readonly (int From, int To, double Weight)[] AgeBands =
    [
        (17, 17, 0.004), (18, 19, 0.045), (20, 24, 0.12), (25, 29, 0.14), (30, 34, 0.14), (35, 39, 0.13),
        (40, 44, 0.11), (45, 49, 0.09), (50, 54, 0.08), (55, 59, 0.065), (60, 66, 0.055), (67, 80, 0.02),
    ];
    private static readonly (int From, int To, double Weight)[] JobseekerAgeBands =
    [
        (18, 24, 0.17), (25, 34, 0.28), (35, 44, 0.23), (45, 54, 0.18), (55, 66, 0.14),
    ];
    private static readonly (int From, int To, double Weight)[] ProcessingDays =
    [
        (0, 2, 0.10), (3, 7, 0.20), (8, 14, 0.30), (15, 21, 0.20), (22, 35, 0.13), (36, 60, 0.05), (61, 120, 0.02),
    ];
    private static readonly (int From, int To, double Weight)[] RegistrationMonths =
    [
        (1, 2, 0.25), (3, 5, 0.30), (6, 11, 0.28), (12, 24, 0.17),
    ];
    private static readonly double[] ProcessingWeights = Weights(ProcessingDays);
    private static readonly double[] RegistrationWeights = Weights(RegistrationMonths);

    // VKLO 1–9 other than 5, for recipients whose main livelihood is not social assistance.
    private static readonly byte[] OtherLivelihood = [1, 2, 3, 4, 6, 7, 9];
    private static readonly double[] OtherLivelihoodWeights = [0.22, 0.04, 0.34, 0.08, 0.07, 0.08, 0.17];

    // KOSTRA 11CF AVSL codes in the form's field order, with how often each follows a completed programme.
    private static readonly string[] SituationCodes = ["01", "11", "03", "04", "13", "14", "15", "16", "10", "17"];
    private static readonly double[] SituationWeights = [0.25, 0.08, 0.12, 0.08, 0.07, 0.15, 0.08, 0.10, 0.05, 0.02];

    private readonly SeededRandom rng;
    private readonly UnitHistory history;
    private readonly Month first;
    private readonly Month last;
    private readonly int lastDay;
    private readonly double population;
    private readonly double youngWeight;
    private readonly bool district;
    private readonly double levelFactor;
    private readonly double jobseekerFactor;
    private int nextPaymentId = 1;
    private int nextCaseId = 1;
    private int nextMemberId = 1;

    private UnitSimulation(SyntheticUnit unit, SyntheticOptions options)
    {
        rng = SeededRandom.For(options.Seed, unit.Unit.Value);
        string[] systems = ["Socio 7.3", "Visma Flyt Sosial 24.4", "Oskar 3.2", "Akos 2.9"];
        history = new UnitHistory(unit.Unit, systems[rng.Next(systems.Length)]);
        first = options.Months.First.Plus(-BurnInMonths);
        last = options.Months.Last;
        lastDay = last.End.DayNumber;
        population = unit.Aged18To66 * options.Scale;
        var youngShare = unit.Aged18To66 > 0 ? (double)unit.Aged18To24 / unit.Aged18To66 : NationalYoungShare;
        youngWeight = Math.Clamp(youngShare / NationalYoungShare, 0.6, 1.5);
        district = unit.Unit.Kind == Units.UnitKind.District;
        // Units differ: some have more recipients than the national level, some fewer.
        levelFactor = 0.8 + 0.4 * rng.NextDouble();
        jobseekerFactor = 0.8 + 0.4 * rng.NextDouble();
    }

    public static UnitHistory Run(SyntheticUnit unit, SyntheticOptions options)
    {
        var simulation = new UnitSimulation(unit, options);
        simulation.Simulate();
        return simulation.history;
    }

    private void Simulate()
    {
        var recipients = MonthlyRecipientShare * population * levelFactor;
        var kvpStarts = KvpShare * population * levelFactor / MeanKvpMonths;
        var careers = Math.Max(0, recipients - kvpStarts * SocialAssistanceMonthsPerKvpStart) / MeanCareerMonths;
        var linkedStock = careers * JobseekerLink * MeanRegistrationMonths;
        var jobseekers = Math.Max(0, JobseekerShare * population * jobseekerFactor - linkedStock) / (MeanRegistrationMonths * 1.15);
        for (var month = first; month <= last; month = month.Plus(1))
        {
            var season = Season(month);
            for (var n = rng.Poisson(careers * season); n > 0; n--) StartCareer(month);
            for (var n = rng.Poisson(careers * season * 0.08); n > 0; n--) RefusedApplicant(month);
            for (var n = rng.Poisson(kvpStarts); n > 0; n--) StartKvp(month);
            for (var n = rng.Poisson(jobseekers); n > 0; n--) StartJobseeker(month);
        }
    }

    // Applications peak after New Year and after the summer.
    private static double Season(Month month) => month.Number switch
    {
        1 => 1.12,
        8 => 1.10,
        9 => 1.05,
        7 => 0.88,
        4 or 5 or 11 or 12 => 0.96,
        _ => 1.0,
    };

    private sealed class Client
    {
        public int Person;
        public int Birth;
        public bool Couple;
        public List<(int Birth, sbyte Percent)> Children { get; } = [];
        public byte Livelihood;
        public int LivelihoodRow = -1;
        public long RentOre;
        public double NormFactor;
    }

    private void StartCareer(Month month)
    {
        var start = DayIn(month);
        var client = NewClient(start, DrawAge(AgeBands, youngWeight));
        var spellStart = month;
        var firstSpell = true;
        while (true)
        {
            var length = DrawSpellLength();
            SocialAssistanceSpell(client, spellStart, length, firstSpell);
            if (firstSpell && rng.Chance(JobseekerLink))
            {
                var from = start + rng.Between(-90, 30);
                Registration(client.Person, rng.Chance(0.8) ? JobseekerGroup.Ordinaer : JobseekerGroup.Annet, from);
            }
            firstSpell = false;
            if (!rng.Chance(AnotherSpell)) break;
            spellStart = spellStart.Plus(length + DrawGap());
            if (spellStart > last) break;
        }
    }

    private Client NewClient(int day, int age)
    {
        var birth = BirthFor(day, age);
        var client = new Client
        {
            Person = AddPerson(birth, rng.Chance(0.55) ? Sex.Man : Sex.Woman),
            Birth = birth,
            RentOre = rng.Chance(0.4) ? rng.Between(5_000, 12_500) * 100L : 0,
            // Many recipients have some income of their own: they get part of the guideline amount.
            NormFactor = rng.Chance(0.4) ? 1.0 : 0.3 + 0.65 * rng.NextDouble(),
        };
        Household(client, day, age);
        return client;
    }

    private void Household(Client client, int day, int age)
    {
        var old = age > 55;
        double[] weights = age < 20
            ? [0.80, 0.04, 0.16, 0.0]
            : [0.47, old ? 0.05 : 0.19, 0.18, old ? 0.05 : 0.16];
        // 0 single, 1 single with children, 2 couple, 3 couple with children.
        var kind = rng.Pick(weights);
        if (kind >= 2)
        {
            client.Couple = true;
            var relation = rng.Chance(0.4) ? FamilyRelation.Ektefelle : FamilyRelation.Samboer;
            var memberBirth = client.Birth + rng.Between(-2000, 2000);
            var adult = DateOnly.FromDayNumber(Math.Max(client.Birth, memberBirth)).AddYears(18).DayNumber;
            var validFrom = rng.Chance(0.3) ? SimDay.None : Math.Max(adult, day - rng.Between(30, 3650));
            var validTo = rng.Chance(0.06) ? day + rng.Between(60, 900) : SimDay.None;
            if (validTo <= validFrom) validTo = SimDay.None;
            AddFamily(client.Person, relation, memberBirth, -1, -1, 1, validFrom, validTo);
        }
        if (kind is 1 or 3)
        {
            var count = 1 + rng.Pick([0.45, 0.33, 0.15, 0.07]);
            for (var i = 0; i < count; i++)
            {
                var oldest = Math.Min(19, age - 18);
                var youngest = Math.Max(0, age - 45);
                if (oldest < youngest) break;
                var childBirth = BirthFor(day, rng.Between(youngest, oldest));
                Child(client, childBirth, rng.Chance(0.5) ? SimDay.None : childBirth);
            }
        }
        else if (rng.Chance(0.02))
        {
            // An adult relative sharing the home.
            AddFamily(client.Person, FamilyRelation.Annet, client.Birth + rng.Between(-9000, 9000), -1, -1, 1, SimDay.None, SimDay.None);
        }
        if (age is >= 20 and <= 40 && rng.Chance(0.04))
        {
            var newborn = day + rng.Between(30, 700);
            Child(client, newborn, newborn);
        }
    }

    private void Child(Client client, int birth, int validFrom)
    {
        sbyte percent = rng.Pick([0.78, 0.14, 0.08]) switch { 0 => 100, 1 => 50, _ => 0 };
        var duty = rng.Chance(0.95);
        var inHousehold = percent >= 50 ? rng.Chance(0.97) : rng.Chance(0.2);
        AddFamily(client.Person, FamilyRelation.Barn, birth, percent, duty ? (sbyte)1 : (sbyte)0, inHousehold ? (sbyte)1 : (sbyte)0,
            validFrom, SimDay.None);
        client.Children.Add((birth, percent));
    }

    private void SocialAssistanceSpell(Client client, Month start, int length, bool firstSpell)
    {
        var person = client.Person;
        var approved = DayIn(start);
        var emergency = rng.Chance(0.06);
        var received = approved - (emergency ? rng.Between(0, 1) : DrawProcessingDays());
        if (rng.Chance(0.10))
        {
            // An earlier application that was refused.
            var refusedReceived = received - rng.Between(20, 150);
            var refusedApproved = Math.Min(refusedReceived + DrawProcessingDays(), received - 1);
            AddCase(person, CodeLists.SoknadOkonomiskStonad, refusedReceived, refusedApproved);
        }
        var caseId = AddCase(person, emergency ? CodeLists.SoknadNodhjelp : CodeLists.SoknadOkonomiskStonad, received, approved);

        var livelihood = client.Livelihood == 0 || rng.Chance(0.5) ? DrawLivelihood(length, client) : client.Livelihood;
        SetLivelihood(client, livelihood, approved);
        var change = length >= 8 && rng.Chance(0.2) ? rng.Between(3, 7) : -1;
        if (firstSpell && rng.Chance(0.03)) AddCase(person, CodeLists.SoknadBotilbud, received, received + rng.Between(0, 3));

        for (var k = 0; k < length; k++)
        {
            var month = start.Plus(k);
            if (month > last) return;
            var payDay = k == 0 ? approved : PayDay(month);
            if (k > 0 && k % 6 == 0)
            {
                var renewal = payDay - rng.Between(8, 25);
                caseId = AddCase(person, CodeLists.Fornyelse, renewal, renewal + DrawProcessingDays());
            }
            if (k == change) SetLivelihood(client, client.Livelihood == 5 ? (byte)3 : (byte)5, payDay);
            if (k > 0 && rng.Chance(0.03)) AddCase(person, CodeLists.OkonomiskRadgivning, payDay, payDay + rng.Between(5, 40));
            AssistanceMonth(client, month, payDay, caseId);
        }
        var after = start.Plus(length);
        if (after <= last && rng.Chance(0.25))
        {
            // The next month's payment was stopped: the spell ends because a condition was not met.
            AddPayment(person, CodeLists.Livsopphold, PaymentStatus.Stoppet, Norm(client, after), SimDay.None,
                after.Start.DayNumber, after.End.DayNumber, caseId);
        }
    }

    private void AssistanceMonth(Client client, Month month, int payDay, int caseId)
    {
        var person = client.Person;
        var (from, to) = (month.Start.DayNumber, month.End.DayNumber);
        var main = AddPayment(person, CodeLists.Livsopphold, PaymentStatus.Utbetalt, Norm(client, month), payDay, from, to, caseId);
        Corrections(main);
        if (client.RentOre > 0) AddPayment(person, CodeLists.Husleie, PaymentStatus.Utbetalt, client.RentOre, payDay, from, to, caseId);
        if (rng.Chance(0.12))
        {
            AddPayment(person, CodeLists.Strom, PaymentStatus.Utbetalt, rng.Between(800, 4_000) * 100L, DayFrom(payDay, month),
                SimDay.None, SimDay.None, caseId);
        }
        if (rng.Chance(0.06))
        {
            byte type = rng.Pick([0.35, 0.3, 0.2, 0.15]) switch
            {
                0 => CodeLists.Tannbehandling,
                1 => CodeLists.Helseutgifter,
                2 => CodeLists.Nodhjelp,
                _ => CodeLists.Etablering,
            };
            AddPayment(person, type, PaymentStatus.Utbetalt, rng.Between(300, 9_000) * 100L + (rng.Chance(0.2) ? 50 : 0),
                DayFrom(payDay, month), SimDay.None, SimDay.None, caseId);
        }
        if (rng.Chance(0.02))
        {
            var deposit = rng.Chance(0.6);
            AddPayment(person, deposit ? CodeLists.LanDepositum : CodeLists.LanLivsopphold, PaymentStatus.Utbetalt,
                (deposit ? rng.Between(15_000, 35_000) : rng.Between(2_000, 8_000)) * 100L, DayFrom(payDay, month),
                SimDay.None, SimDay.None, caseId);
        }
        if (rng.Chance(0.02))
        {
            var support = rng.Chance(0.6);
            AddPayment(person, support ? CodeLists.Stottekontakt : CodeLists.MidlertidigBotilbud, PaymentStatus.Utbetalt,
                rng.Between(1_000, 9_000) * 100L, DayFrom(payDay, month), from, to, SimDay.None);
        }
        if (rng.Chance(0.01))
        {
            AddPayment(person, CodeLists.LivsoppholdSupplerende, PaymentStatus.Stoppet, rng.Between(500, 3_000) * 100L,
                SimDay.None, from, to, caseId);
        }
        if (rng.Chance(0.005))
        {
            AddPayment(person, CodeLists.LivsoppholdSupplerende, PaymentStatus.Planlagt, rng.Between(500, 3_000) * 100L,
                SimDay.None, from, to, caseId);
        }
    }

    // A wrong payment is cancelled and paid again with the right amount; rarely, one is cancelled weeks later with
    // nothing in its place (a late correction: an older extract still shows it paid).
    private void Corrections(int index)
    {
        var payments = history.Payments;
        var payment = payments[index];
        if (rng.Chance(0.004))
        {
            payment.CancelDay = payment.PaymentDay + rng.Between(1, 10);
            payments[index] = payment;
            AddPayment(payment.Person, payment.BenefitType, PaymentStatus.Utbetalt, payment.Ore + rng.Between(-1_500, 1_500) * 100L,
                payment.CancelDay, payment.PeriodFrom, payment.PeriodTo, payment.CaseId);
        }
        else if (rng.Chance(0.002))
        {
            payment.CancelDay = payment.PaymentDay + rng.Between(15, 90);
            payments[index] = payment;
        }
    }

    private void RefusedApplicant(Month month)
    {
        var day = DayIn(month);
        var person = AddPerson(BirthFor(day, DrawAge(AgeBands, youngWeight)), rng.Chance(0.55) ? Sex.Man : Sex.Woman);
        var received = day - DrawProcessingDays();
        AddCase(person, rng.Chance(0.1) ? CodeLists.SoknadNodhjelp : CodeLists.SoknadOkonomiskStonad, received, day);
    }

    private void StartKvp(Month month)
    {
        var start = DayIn(month);
        var client = NewClient(start, DrawAge(JobseekerAgeBands, youngWeight));
        var person = client.Person;
        var decision = start - rng.Between(7, 30);
        var registered = decision - rng.Between(14, 45);
        if (rng.Chance(0.75))
        {
            // Most participants received social assistance while they applied.
            var before = rng.Between(3, 12);
            SocialAssistanceSpell(client, Month.Of(DateOnly.FromDayNumber(registered)).Plus(1 - before), before, true);
        }
        AddCase(person, CodeLists.SoknadKvp, registered, decision);

        byte status = rng.Pick([0.60, 0.12, 0.12, 0.11, 0.05]) switch
        {
            0 => 3,
            1 => 7,
            2 => 4,
            3 => 5,
            _ => district ? (byte)6 : (byte)5,
        };
        var months = status switch
        {
            3 => (rng.Between(6, 24) + rng.Between(6, 24)) / 2,
            7 => rng.Between(4, 18),
            _ => rng.Between(2, 10),
        };
        var end = Math.Max(start + 14, DateOnly.FromDayNumber(start).AddMonths(months).DayNumber - rng.Between(0, 20));
        var row = new KvpRow
        {
            Person = person,
            Registered = registered,
            Decision = decision,
            Start = start,
            End = end,
            EndStatus = status,
            LeaveFrom = SimDay.None,
            LeaveTo = SimDay.None,
            SituationAfter = Situation(status),
        };
        if (end - start > 120 && rng.Chance(0.10))
        {
            row.LeaveFrom = start + rng.Between(30, (end - start) / 2);
            row.LeaveTo = Math.Min(end - 1, row.LeaveFrom + rng.Between(30, 90));
        }
        history.Kvp.Add(row);
        SetLivelihood(client, 8, start);

        var stonad = (Age.CompletedYears(DateOnly.FromDayNumber(client.Birth), DateOnly.FromDayNumber(start)) < 25 ? 2.0 / 3.0 : 1.0)
            * 2 * 124_028 / 12; // 2 G a year (G = 124 028 kr from 1 May 2024), two thirds under 25.
        var endMonth = Month.Of(DateOnly.FromDayNumber(end));
        for (var m = month; m <= endMonth && m <= last; m = m.Plus(1))
        {
            var from = Math.Max(m.Start.DayNumber, start);
            var to = Math.Min(m.End.DayNumber, end);
            if (row.LeaveFrom != SimDay.None && from >= row.LeaveFrom && to <= row.LeaveTo) continue;
            var payDay = m == month ? start : Math.Min(PayDay(m), end);
            var fraction = (to - from + 1) / (double)DateTime.DaysInMonth(m.Year, m.Number);
            AddPayment(person, CodeLists.Kvalifiseringsstonad, PaymentStatus.Utbetalt, (long)Math.Round(stonad * fraction) * 100,
                payDay, from, to, SimDay.None);
            var children = ChildrenUnder18(client, m);
            if (children > 0)
            {
                AddPayment(person, CodeLists.KvalifiseringsstonadBarnetillegg, PaymentStatus.Utbetalt,
                    (long)Math.Round(children * 1_060 * fraction) * 100, payDay, from, to, SimDay.None);
            }
            if (rng.Chance(0.15)) AddPayment(person, CodeLists.Husleie, PaymentStatus.Utbetalt, rng.Between(2_000, 8_000) * 100L, payDay, from, to, SimDay.None);
        }

        var situation = row.SituationAfter ?? "";
        SetLivelihood(client, AfterProgramme(situation), end + 1);
        var backToAssistance = situation.Contains("15", StringComparison.Ordinal) || situation.Contains("16", StringComparison.Ordinal)
            || (status is 4 or 7 && rng.Chance(0.6));
        if (backToAssistance && status is not (5 or 6))
        {
            var next = endMonth.Plus(1);
            if (next <= last) SocialAssistanceSpell(client, next, rng.Between(2, 12), false);
        }
    }

    private string? Situation(byte status)
    {
        if (status is 3 or 7)
        {
            var count = 1 + rng.Pick([0.65, 0.27, 0.08]);
            Span<bool> chosen = stackalloc bool[SituationCodes.Length];
            for (var i = 0; i < count; i++) chosen[rng.Pick(SituationWeights)] = true;
            var codes = new List<string>(count);
            for (var i = 0; i < chosen.Length; i++) if (chosen[i]) codes.Add(SituationCodes[i]);
            return string.Join('|', codes);
        }
        return status == 4 && rng.Chance(0.4) ? "17" : null;
    }

    // VKLO after the programme, from the first situation code (work → 1, school → 4, benefits → 3, assistance → 5).
    private static byte AfterProgramme(string situation) => situation.Length < 2 ? (byte)9 : (byte)(situation[..2] switch
    {
        "01" or "11" => 1,
        "03" => 2,
        "04" => 4,
        "13" or "14" => 3,
        "15" or "16" => 5,
        _ => 9,
    });

    private void StartJobseeker(Month month)
    {
        var from = DayIn(month);
        var person = AddPerson(BirthFor(from, DrawAge(JobseekerAgeBands, youngWeight)), rng.Chance(0.55) ? Sex.Man : Sex.Woman);
        var group = rng.Chance(0.85) ? JobseekerGroup.Ordinaer : JobseekerGroup.Annet;
        var to = Registration(person, group, from);
        if (rng.Chance(0.15)) Registration(person, group, to + rng.Between(60, 365));
    }

    private int Registration(int person, JobseekerGroup group, int from)
    {
        if (from > lastDay) return from;
        var (low, high, _) = RegistrationMonths[rng.Pick(RegistrationWeights)];
        var to = from + rng.Between(low * 30, high * 30 + 29);
        history.Jobseekers.Add(new JobseekerRow { Person = person, Group = group, From = from, To = to });
        // Most job seekers are followed up every month or two; some are hardly followed up at all.
        var regular = rng.Chance(0.78);
        var day = rng.Chance(0.85) ? from + rng.Between(3, 21) : from + FollowupGap(regular);
        var until = Math.Min(to, lastDay);
        while (day <= until)
        {
            history.Followups.Add(new FollowupRow { Person = person, Day = day });
            day += FollowupGap(regular);
        }
        return to;
    }

    private int FollowupGap(bool regular) => regular ? rng.Between(25, 150) : rng.Between(60, 300);

    private int DrawSpellLength()
    {
        var u = rng.NextDouble();
        if (u < ShortSpell) return 1 + rng.Pick(SpellShortWeights);
        if (u < ShortSpell + MiddleSpell) return rng.Between(4, 11);
        var length = 12;
        while (length < 96 && rng.Chance(LongSpellContinue)) length++;
        return length;
    }

    private int DrawGap()
    {
        var u = rng.NextDouble();
        if (u < 0.4) return rng.Between(1, 2);
        return u < 0.8 ? rng.Between(3, 8) : rng.Between(9, 30);
    }

    private int DrawProcessingDays()
    {
        var (low, high, _) = ProcessingDays[rng.Pick(ProcessingWeights)];
        return rng.Between(low, high);
    }

    private byte DrawLivelihood(int spellLength, Client client)
    {
        var social = spellLength >= 6 ? 0.68 : spellLength >= 3 ? 0.45 : 0.30;
        if (rng.Chance(social)) return 5;
        Span<double> weights = stackalloc double[OtherLivelihoodWeights.Length];
        OtherLivelihoodWeights.CopyTo(weights);
        if (client.Couple) weights[5] += 0.15; // 7 Ektefelle/samboers inntekt
        return OtherLivelihood[rng.Pick(weights)];
    }

    private void SetLivelihood(Client client, byte source, int validFrom)
    {
        if (client.Livelihood == source) return;
        client.Livelihood = source;
        var row = new LivelihoodRow { Person = client.Person, ValidFrom = validFrom, Source = source };
        // One value per day: a change on the day of the previous one replaces it.
        if (client.LivelihoodRow >= 0 && history.Livelihood[client.LivelihoodRow].ValidFrom == validFrom)
        {
            history.Livelihood[client.LivelihoodRow] = row;
            return;
        }
        history.Livelihood.Add(row);
        client.LivelihoodRow = history.Livelihood.Count - 1;
    }

    private int DrawAge((int From, int To, double Weight)[] bands, double young)
    {
        Span<double> weights = stackalloc double[bands.Length];
        for (var i = 0; i < bands.Length; i++) weights[i] = bands[i].To <= 24 ? bands[i].Weight * young : bands[i].Weight;
        var (from, to, _) = bands[rng.Pick(weights)];
        return rng.Between(from, to);
    }

    // Approximate 2024 state guideline rates (statlige veiledende retningslinjer) by household, in øre.
    private long Norm(Client client, Month month)
    {
        var kroner = client.Couple ? 12_000.0 : 7_200.0;
        foreach (var (birth, percent) in client.Children)
        {
            if (percent < 50) continue;
            var age = Age.InMonth(DateOnly.FromDayNumber(birth), month);
            if (age is < 0 or > 17) continue;
            kroner += age <= 5 ? 3_000 : age <= 10 ? 3_700 : 4_700;
        }
        var ore = (long)Math.Round(kroner * client.NormFactor) * 100;
        return client.NormFactor < 1.0 && rng.Chance(0.1) ? ore + 50 : ore;
    }

    private static int ChildrenUnder18(Client client, Month month)
    {
        var count = 0;
        foreach (var (birth, percent) in client.Children)
        {
            var age = Age.InMonth(DateOnly.FromDayNumber(birth), month);
            if (percent >= 50 && age is >= 0 and <= 17) count++;
        }
        return count;
    }

    private int BirthFor(int day, int age) => DateOnly.FromDayNumber(day).AddYears(-age).DayNumber - rng.Between(0, 364);

    private int DayIn(Month month) => month.Start.DayNumber + rng.Next(DateTime.DaysInMonth(month.Year, month.Number));

    // A day in the month on or after the given day.
    private int DayFrom(int day, Month month) => Math.Min(month.End.DayNumber, day + rng.Between(0, 20));

    // Monthly assistance is paid in the first working days of the month it covers.
    private int PayDay(Month month)
    {
        var day = month.Start.AddDays(rng.Between(0, 2));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day.DayNumber;
    }

    private int AddPerson(int birth, Sex sex)
    {
        history.Persons.Add(new PersonRow { Birth = birth, Sex = sex });
        return history.Persons.Count - 1;
    }

    private int AddPayment(int person, byte type, PaymentStatus status, long ore, int paymentDay, int periodFrom, int periodTo, int caseId)
    {
        history.Payments.Add(new PaymentRow
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
        return history.Payments.Count - 1;
    }

    private int AddCase(int person, byte type, int received, int approved)
    {
        var id = nextCaseId++;
        // A few cases lack their received date (registered on paper and never completed in the system).
        if (rng.Chance(0.015)) received = SimDay.None;
        history.Cases.Add(new CaseRow { Id = id, Person = person, CaseType = type, Received = received, Approved = approved });
        return id;
    }

    private void AddFamily(int person, FamilyRelation relation, int memberBirth, sbyte percent, sbyte duty, sbyte inHousehold,
        int validFrom, int validTo)
    {
        history.Family.Add(new FamilyRow
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

    private static double[] Weights((int From, int To, double Weight)[] bands)
    {
        var weights = new double[bands.Length];
        for (var i = 0; i < bands.Length; i++) weights[i] = bands[i].Weight;
        return weights;
    }
}
