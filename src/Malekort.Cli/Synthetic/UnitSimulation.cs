using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Simulates one unit's clients month by month: social assistance careers, qualification programme participations,
/// Arena job seeker registrations and follow-ups, and everything a case system records around them. The levels are
/// approximate national ones; README.md in this folder states them.
/// </summary>
internal sealed class UnitSimulation
{
    // Approximate national levels (README.md explains the choice between the monthly and the yearly level).
    private const double MonthlyRecipientShare = 0.0195;
    private const double KvpShare = 0.0019;
    private const double JobseekerShare = 0.025;
    private const double NationalYoungShare = 0.125; // persons 18–24 among 18–66, Norway 2024 (SSB 07459)

    // Months simulated before the first one, so the first month already has a steady stock of long-term recipients.
    private const int BurnInMonths = 60;

    private readonly SeededRandom rng;
    private readonly UnitHistory history;
    private readonly SimulationContext context;
    private readonly CareerSimulation careers;
    private readonly KvpSimulation kvp;
    private readonly ArenaSimulation arena;
    private readonly Month first;
    private readonly double population;
    private readonly double levelFactor;
    private readonly double jobseekerFactor;

    private UnitSimulation(SyntheticUnit unit, SyntheticOptions options)
    {
        rng = SeededRandom.For(options.Seed, unit.Unit.Value);
        string[] systems = ["Socio 7.3", "Visma Flyt Sosial 24.4", "Oskar 3.2", "Akos 2.9"];
        history = new UnitHistory(unit.Unit, systems[rng.Next(systems.Length)]);
        first = options.Months.First.Plus(-BurnInMonths);
        population = unit.Aged18To66 * options.Scale;
        var youngShare = unit.Aged18To66 > 0 ? (double)unit.Aged18To24 / unit.Aged18To66 : NationalYoungShare;
        context = new SimulationContext(rng, history, options.Months.Last, Math.Clamp(youngShare / NationalYoungShare, 0.6, 1.5),
            unit.Unit.Kind == Units.UnitKind.District);
        arena = new ArenaSimulation(rng, history, context.LastDay);
        careers = new CareerSimulation(context, arena);
        kvp = new KvpSimulation(context, careers);
        // Units differ: some have more recipients than the national level, some fewer. Both draws are made even when the
        // level is given, so a unit's random stream — and the national data set — stays the same.
        var drawnLevel = 0.8 + 0.4 * rng.NextDouble();
        levelFactor = unit.Level ?? drawnLevel;
        // Where more people need assistance, more are registered job seekers too, though less than in proportion.
        jobseekerFactor = (0.8 + 0.4 * rng.NextDouble()) * Math.Sqrt(unit.Level ?? 1.0);
    }

    public static UnitHistory Run(SyntheticUnit unit, SyntheticOptions options)
    {
        var simulation = new UnitSimulation(unit, options);
        simulation.Simulate();
        // Conditions are drawn from a stream of their own: adding them changed no other row of the simulation.
        new ConditionSimulation(SeededRandom.For(options.Seed, unit.Unit.Value + "/vilkår"), simulation.history).Run();
        return simulation.history;
    }

    private void Simulate()
    {
        var recipients = MonthlyRecipientShare * population * levelFactor;
        var kvpStarts = KvpShare * population * levelFactor / KvpSimulation.MeanKvpMonths;
        var careerStarts = Math.Max(0, recipients - kvpStarts * KvpSimulation.SocialAssistanceMonthsPerStart) / CareerSimulation.MeanCareerMonths;
        var linkedStock = careerStarts * CareerSimulation.JobseekerLink * ArenaSimulation.MeanRegistrationMonths;
        var jobseekers = Math.Max(0, JobseekerShare * population * jobseekerFactor - linkedStock) / (ArenaSimulation.MeanRegistrationMonths * 1.15);
        for (var month = first; month <= context.Last; month = month.Plus(1))
        {
            var season = Season(month);
            for (var n = rng.Poisson(careerStarts * season); n > 0; n--) careers.StartCareer(month);
            for (var n = rng.Poisson(careerStarts * season * 0.08); n > 0; n--) careers.RefusedApplicant(month);
            for (var n = rng.Poisson(kvpStarts); n > 0; n--) kvp.Start(month);
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

    private void StartJobseeker(Month month)
    {
        var from = context.DayIn(month);
        var person = context.AddPerson(context.BirthFor(from, context.DrawAge(SimulationContext.JobseekerAgeBands)),
            rng.Chance(0.55) ? Capture.Sex.Man : Capture.Sex.Woman);
        arena.Jobseeker(person, from);
    }
}
