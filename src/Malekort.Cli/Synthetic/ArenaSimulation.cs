using Malekort.Capture;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Arena's part of a unit's simulation: job seeker registrations and the follow-up contacts during them. Levels in
/// README.md ("job seekers", "follow-ups").
/// </summary>
internal sealed class ArenaSimulation(SeededRandom rng, UnitHistory history, int lastDay)
{
    public const double MeanRegistrationMonths = 7.0;

    private static readonly (int From, int To)[] RegistrationMonths = [(1, 2), (3, 5), (6, 11), (12, 24)];
    private static readonly double[] RegistrationWeights = [0.25, 0.30, 0.28, 0.17];

    /// <summary>A person who registers on <paramref name="from"/> and, now and then, once more later.</summary>
    public void Jobseeker(int person, int from)
    {
        var group = rng.Chance(0.85) ? JobseekerGroup.Ordinaer : JobseekerGroup.Annet;
        var to = Registration(person, group, from);
        if (rng.Chance(0.15)) Registration(person, group, to + rng.Between(60, 365));
    }

    /// <summary>One registration with its follow-ups; returns its last day.</summary>
    public int Registration(int person, JobseekerGroup group, int from)
    {
        if (from > lastDay) return from;
        var (low, high) = RegistrationMonths[rng.Pick(RegistrationWeights)];
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
}
