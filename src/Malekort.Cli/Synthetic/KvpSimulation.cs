using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Qualification programme participations (KOSTRA 11CF): application, decision and start, the end with its status and
/// situation after, leave, kvalifiseringsstønad, and the social assistance before and after. Levels in README.md.
/// </summary>
internal sealed class KvpSimulation(SimulationContext context, CareerSimulation careers)
{
    /// <summary>Programme months per participation on average.</summary>
    public const double MeanKvpMonths = 12.0;

    /// <summary>Social assistance months that come with one start (before, during and after the programme).</summary>
    public const double SocialAssistanceMonthsPerStart = 0.75 * 7.5 + 0.15 * 12 + 0.35 * 7;

    // KOSTRA 11CF AVSL codes in the form's field order, with how often each follows a completed programme.
    private static readonly string[] SituationCodes = ["01", "11", "03", "04", "13", "14", "15", "16", "10", "17"];
    private static readonly double[] SituationWeights = [0.25, 0.08, 0.12, 0.08, 0.07, 0.15, 0.08, 0.10, 0.05, 0.02];

    private readonly SeededRandom rng = context.Rng;

    public void Start(Month month)
    {
        var start = context.DayIn(month);
        var client = careers.NewClient(start, context.DrawAge(SimulationContext.JobseekerAgeBands));
        var person = client.Person;
        var decision = start - rng.Between(7, 30);
        var registered = decision - rng.Between(14, 45);
        if (rng.Chance(0.75))
        {
            // Most participants received social assistance while they applied.
            var before = rng.Between(3, 12);
            careers.SocialAssistanceSpell(client, Month.Of(DateOnly.FromDayNumber(registered)).Plus(1 - before), before, true);
        }
        context.AddCase(person, CodeLists.SoknadKvp, registered, decision);

        byte status = rng.Pick([0.60, 0.12, 0.12, 0.11, 0.05]) switch
        {
            0 => 3,
            1 => 7,
            2 => 4,
            3 => 5,
            _ => context.District ? (byte)6 : (byte)5,
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
        context.History.Kvp.Add(row);
        context.SetLivelihood(client, 8, start);

        var stonad = (Age.CompletedYears(DateOnly.FromDayNumber(client.Birth), DateOnly.FromDayNumber(start)) < 25 ? 2.0 / 3.0 : 1.0)
            * 2 * 124_028 / 12; // 2 G a year (G = 124 028 kr from 1 May 2024), two thirds under 25.
        var endMonth = Month.Of(DateOnly.FromDayNumber(end));
        for (var m = month; m <= endMonth && m <= context.Last; m = m.Plus(1))
        {
            var from = Math.Max(m.Start.DayNumber, start);
            var to = Math.Min(m.End.DayNumber, end);
            if (row.LeaveFrom != SimDay.None && from >= row.LeaveFrom && to <= row.LeaveTo) continue;
            var payDay = m == month ? start : Math.Min(context.PayDay(m), end);
            var fraction = (to - from + 1) / (double)DateTime.DaysInMonth(m.Year, m.Number);
            context.AddPayment(person, CodeLists.Kvalifiseringsstonad, PaymentStatus.Utbetalt, (long)Math.Round(stonad * fraction) * 100,
                payDay, from, to, SimDay.None);
            var children = client.ChildrenUnder18(m);
            if (children > 0)
            {
                context.AddPayment(person, CodeLists.KvalifiseringsstonadBarnetillegg, PaymentStatus.Utbetalt,
                    (long)Math.Round(children * 1_060 * fraction) * 100, payDay, from, to, SimDay.None);
            }
            if (rng.Chance(0.15)) context.AddPayment(person, CodeLists.Husleie, PaymentStatus.Utbetalt, rng.Between(2_000, 8_000) * 100L, payDay, from, to, SimDay.None);
        }

        var situation = row.SituationAfter ?? "";
        context.SetLivelihood(client, AfterProgramme(situation), end + 1);
        var backToAssistance = situation.Contains("15", StringComparison.Ordinal) || situation.Contains("16", StringComparison.Ordinal)
            || (status is 4 or 7 && rng.Chance(0.6));
        if (backToAssistance && status is not (5 or 6))
        {
            var next = endMonth.Plus(1);
            if (next <= context.Last) careers.SocialAssistanceSpell(client, next, rng.Between(2, 12), false);
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
}
