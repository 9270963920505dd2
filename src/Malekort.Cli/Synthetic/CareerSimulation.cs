using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Social assistance careers: a client's household, spells of paid months with gaps between them, the applications,
/// renewals and refusals around them, main livelihood, and every kind of payment. Levels in README.md.
/// </summary>
internal sealed class CareerSimulation(SimulationContext context, ArenaSimulation arena)
{
    // Spell shape (months with payments): many short spells, a middle group and a long tail; careers repeat.
    private const double ShortSpell = 0.50;
    private const double MiddleSpell = 0.35;
    private const double LongSpellContinue = 7.0 / 8.0;
    private const double AnotherSpell = 0.45;
    private const double MeanSpellMonths = 0.50 * 1.78 + 0.35 * 7.5 + 0.15 * 19.0;

    /// <summary>Paid months per career on average: the spell mean times the expected number of spells.</summary>
    public const double MeanCareerMonths = MeanSpellMonths / (1 - AnotherSpell);

    /// <summary>The share of careers that register with Arena in their first spell.</summary>
    public const double JobseekerLink = 0.30;

    private static readonly double[] SpellShortWeights = [0.45, 0.32, 0.23];

    // VKLO 1–9 other than 5, for recipients whose main livelihood is not social assistance.
    private static readonly byte[] OtherLivelihood = [1, 2, 3, 4, 6, 7, 9];
    private static readonly double[] OtherLivelihoodWeights = [0.22, 0.04, 0.34, 0.08, 0.07, 0.08, 0.17];

    private readonly SeededRandom rng = context.Rng;

    public void StartCareer(Month month)
    {
        var start = context.DayIn(month);
        var client = NewClient(start, context.DrawAge(SimulationContext.AgeBands));
        var spellStart = month;
        var firstSpell = true;
        while (true)
        {
            var length = DrawSpellLength();
            SocialAssistanceSpell(client, spellStart, length, firstSpell);
            if (firstSpell && rng.Chance(JobseekerLink))
            {
                var from = start + rng.Between(-90, 30);
                arena.Registration(client.Person, rng.Chance(0.8) ? JobseekerGroup.Ordinaer : JobseekerGroup.Annet, from);
            }
            firstSpell = false;
            if (!rng.Chance(AnotherSpell)) break;
            spellStart = spellStart.Plus(length + DrawGap());
            if (spellStart > context.Last) break;
        }
    }

    public Client NewClient(int day, int age)
    {
        var birth = context.BirthFor(day, age);
        var client = new Client
        {
            Person = context.AddPerson(birth, rng.Chance(0.55) ? Sex.Man : Sex.Woman),
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
            context.AddFamily(client.Person, relation, memberBirth, -1, -1, 1, validFrom, validTo);
        }
        if (kind is 1 or 3)
        {
            var count = 1 + rng.Pick([0.45, 0.33, 0.15, 0.07]);
            for (var i = 0; i < count; i++)
            {
                var oldest = Math.Min(19, age - 18);
                var youngest = Math.Max(0, age - 45);
                if (oldest < youngest) break;
                var childBirth = context.BirthFor(day, rng.Between(youngest, oldest));
                Child(client, childBirth, rng.Chance(0.5) ? SimDay.None : childBirth);
            }
        }
        else if (rng.Chance(0.02))
        {
            // An adult relative sharing the home.
            context.AddFamily(client.Person, FamilyRelation.Annet, client.Birth + rng.Between(-9000, 9000), -1, -1, 1, SimDay.None, SimDay.None);
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
        context.AddFamily(client.Person, FamilyRelation.Barn, birth, percent, duty ? (sbyte)1 : (sbyte)0, inHousehold ? (sbyte)1 : (sbyte)0,
            validFrom, SimDay.None);
        client.Children.Add((birth, percent));
    }

    public void SocialAssistanceSpell(Client client, Month start, int length, bool firstSpell)
    {
        var person = client.Person;
        var approved = context.DayIn(start);
        var emergency = rng.Chance(0.06);
        var received = approved - (emergency ? rng.Between(0, 1) : context.DrawProcessingDays());
        if (rng.Chance(0.10))
        {
            // An earlier application that was refused.
            var refusedReceived = received - rng.Between(20, 150);
            var refusedApproved = Math.Min(refusedReceived + context.DrawProcessingDays(), received - 1);
            context.AddCase(person, CodeLists.SoknadOkonomiskStonad, refusedReceived, refusedApproved);
        }
        var caseId = context.AddCase(person, emergency ? CodeLists.SoknadNodhjelp : CodeLists.SoknadOkonomiskStonad, received, approved);

        var livelihood = client.Livelihood == 0 || rng.Chance(0.5) ? DrawLivelihood(length, client) : client.Livelihood;
        context.SetLivelihood(client, livelihood, approved);
        var change = length >= 8 && rng.Chance(0.2) ? rng.Between(3, 7) : -1;
        if (firstSpell && rng.Chance(0.03)) context.AddCase(person, CodeLists.SoknadBotilbud, received, received + rng.Between(0, 3));

        for (var k = 0; k < length; k++)
        {
            var month = start.Plus(k);
            if (month > context.Last) return;
            var payDay = k == 0 ? approved : context.PayDay(month);
            if (k > 0 && k % 6 == 0)
            {
                var renewal = payDay - rng.Between(8, 25);
                caseId = context.AddCase(person, CodeLists.Fornyelse, renewal, renewal + context.DrawProcessingDays());
            }
            if (k == change) context.SetLivelihood(client, client.Livelihood == 5 ? (byte)3 : (byte)5, payDay);
            if (k > 0 && rng.Chance(0.03)) context.AddCase(person, CodeLists.OkonomiskRadgivning, payDay, payDay + rng.Between(5, 40));
            AssistanceMonth(client, month, payDay, caseId);
        }
        var after = start.Plus(length);
        if (after <= context.Last && rng.Chance(0.25))
        {
            // The next month's payment was stopped: the spell ends because a condition was not met.
            context.AddPayment(person, CodeLists.Livsopphold, PaymentStatus.Stoppet, Norm(client, after), SimDay.None,
                after.Start.DayNumber, after.End.DayNumber, caseId);
        }
    }

    private void AssistanceMonth(Client client, Month month, int payDay, int caseId)
    {
        var person = client.Person;
        var (from, to) = (month.Start.DayNumber, month.End.DayNumber);
        var main = context.AddPayment(person, CodeLists.Livsopphold, PaymentStatus.Utbetalt, Norm(client, month), payDay, from, to, caseId);
        Corrections(main);
        if (client.RentOre > 0) context.AddPayment(person, CodeLists.Husleie, PaymentStatus.Utbetalt, client.RentOre, payDay, from, to, caseId);
        if (rng.Chance(0.12))
        {
            context.AddPayment(person, CodeLists.Strom, PaymentStatus.Utbetalt, rng.Between(800, 4_000) * 100L, context.DayFrom(payDay, month),
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
            context.AddPayment(person, type, PaymentStatus.Utbetalt, rng.Between(300, 9_000) * 100L + (rng.Chance(0.2) ? 50 : 0),
                context.DayFrom(payDay, month), SimDay.None, SimDay.None, caseId);
        }
        if (rng.Chance(0.02))
        {
            var deposit = rng.Chance(0.6);
            context.AddPayment(person, deposit ? CodeLists.LanDepositum : CodeLists.LanLivsopphold, PaymentStatus.Utbetalt,
                (deposit ? rng.Between(15_000, 35_000) : rng.Between(2_000, 8_000)) * 100L, context.DayFrom(payDay, month),
                SimDay.None, SimDay.None, caseId);
        }
        if (rng.Chance(0.02))
        {
            var support = rng.Chance(0.6);
            context.AddPayment(person, support ? CodeLists.Stottekontakt : CodeLists.MidlertidigBotilbud, PaymentStatus.Utbetalt,
                rng.Between(1_000, 9_000) * 100L, context.DayFrom(payDay, month), from, to, SimDay.None);
        }
        if (rng.Chance(0.01))
        {
            context.AddPayment(person, CodeLists.LivsoppholdSupplerende, PaymentStatus.Stoppet, rng.Between(500, 3_000) * 100L,
                SimDay.None, from, to, caseId);
        }
        if (rng.Chance(0.005))
        {
            context.AddPayment(person, CodeLists.LivsoppholdSupplerende, PaymentStatus.Planlagt, rng.Between(500, 3_000) * 100L,
                SimDay.None, from, to, caseId);
        }
    }

    // A wrong payment is cancelled and paid again with the right amount; rarely, one is cancelled weeks later with
    // nothing in its place (a late correction: an older extract still shows it paid).
    private void Corrections(int index)
    {
        var payments = context.History.Payments;
        var payment = payments[index];
        if (rng.Chance(0.004))
        {
            payment.CancelDay = payment.PaymentDay + rng.Between(1, 10);
            payments[index] = payment;
            context.AddPayment(payment.Person, payment.BenefitType, PaymentStatus.Utbetalt, payment.Ore + rng.Between(-1_500, 1_500) * 100L,
                payment.CancelDay, payment.PeriodFrom, payment.PeriodTo, payment.CaseId);
        }
        else if (rng.Chance(0.002))
        {
            payment.CancelDay = payment.PaymentDay + rng.Between(15, 90);
            payments[index] = payment;
        }
    }

    public void RefusedApplicant(Month month)
    {
        var day = context.DayIn(month);
        var person = context.AddPerson(context.BirthFor(day, context.DrawAge(SimulationContext.AgeBands)), rng.Chance(0.55) ? Sex.Man : Sex.Woman);
        var received = day - context.DrawProcessingDays();
        context.AddCase(person, rng.Chance(0.1) ? CodeLists.SoknadNodhjelp : CodeLists.SoknadOkonomiskStonad, received, day);
    }

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

    private byte DrawLivelihood(int spellLength, Client client)
    {
        var social = spellLength >= 6 ? 0.68 : spellLength >= 3 ? 0.45 : 0.30;
        if (rng.Chance(social)) return 5;
        Span<double> weights = stackalloc double[OtherLivelihoodWeights.Length];
        OtherLivelihoodWeights.CopyTo(weights);
        if (client.Couple) weights[5] += 0.15; // 7 Ektefelle/samboers inntekt
        return OtherLivelihood[rng.Pick(weights)];
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
}
