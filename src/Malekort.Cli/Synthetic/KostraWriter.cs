using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Malekort.Capture;
using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Writes a unit's year as SSB's KOSTRA skjema 11F (økonomisk sosialhjelp) in the 2024 layout (324 characters, positions
/// from SSB's file description as <c>src/Malekort.Import/Kostra/SosialhjelpLayouts.cs</c> has them): one record per person
/// paid social assistance in the year, with the months ticked and the amounts per month, as the finally known truth. For
/// the import benchmark; docs/formats/kostra.md describes the format and its rules. The conditions are those of the person's
/// latest payment decision with conditions in the year (the form has room for one), the exemption is the first one, and the
/// sanctions are ticked by kind for the year.
/// </summary>
internal sealed class KostraWriter(UnitHistory history, PersonNumbers numbers)
{
    public const int LayoutYear = 2024;
    private const int RecordLength = 324;

    // 1-based, inclusive positions of the 2024 layout.
    private static readonly (int Start, int End) KommuneNr = (1, 4), Version = (5, 6), Bydelsnr = (7, 8), Journalnr = (9, 16),
        Fodselsnr = (17, 27), Kjonn = (40, 40), Ektstat = (41, 41), Bu18 = (42, 42), Vklo = (45, 45), Trygdesit = (46, 47),
        Arbsit = (48, 49), Bidrag = (74, 80), Laan = (81, 87), GittOkonomirad = (256, 256), IndividuellPlan = (257, 257),
        Saksbehandler = (258, 267), Bosit = (268, 268), Vilkarsoslov = (269, 269), Vilkarsamekt = (270, 270), Utbetdato = (271, 276),
        Utbettomdato = (277, 282), Vedtakdato = (307, 312);

    // The first of the two-character check boxes of each group, in the order of ConditionCodes' lists.
    private const int FirstVilkar = 283, FirstVedtak = 313, FirstSanksjon = 321;

    /// <summary>Writes <c>11F_&lt;unit&gt;_&lt;year&gt;.dat</c> in <paramref name="directory"/> and returns its path, or null when nobody was paid.</summary>
    public string? Write(string directory, int year)
    {
        if (year != LayoutYear) throw new ArgumentOutOfRangeException(nameof(year), year, "Bare 2024-oppsettet skrives.");
        var first = new Month(year, 1).Start.DayNumber;
        var last = new Month(year, 12).End.DayNumber;
        var byPerson = new SortedDictionary<int, long[]>();
        foreach (ref readonly var p in CollectionsMarshal.AsSpan(history.Payments))
        {
            if (p.Status != PaymentStatus.Utbetalt || p.CancelDay != SimDay.None) continue;
            if (CodeLists.BenefitTypes[p.BenefitType].Category != BenefitCategory.OkonomiskSosialhjelp) continue;
            int from = p.PeriodFrom != SimDay.None ? p.PeriodFrom : p.PaymentDay, to = p.PeriodTo != SimDay.None ? p.PeriodTo : from;
            if (to < first || from > last) continue;
            if (!byPerson.TryGetValue(p.Person, out var ore)) byPerson[p.Person] = ore = new long[12];
            // The amount goes to the month the payment starts in; every month its period touches is ticked.
            var months = MonthsOf(Math.Max(from, first), Math.Min(to, last));
            ore[months.First.Number - 1] += p.Ore;
            for (var m = months.First; m <= months.Last; m = m.Plus(1)) ore[m.Number - 1] = Math.Max(ore[m.Number - 1], 1);
        }
        if (byPerson.Count == 0) return null;
        var livelihood = LatestLivelihood(last);
        var conditions = LatestConditions(first, last);
        var exemptions = FirstExemptions(last);
        var sanctions = SanctionKinds(first, last);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"11F_{history.Unit.Value}_{year}.dat"));
        var text = new StringBuilder(byPerson.Count * (RecordLength + 1));
        var record = new char[RecordLength];
        foreach (var (person, ore) in byPerson)
        {
            Array.Fill(record, ' ');
            var unit = history.Unit.Value;
            Put(record, KommuneNr, unit[..4]);
            Put(record, Version, (year % 100).ToString("D2", CultureInfo.InvariantCulture));
            if (unit.Length == 6) Put(record, Bydelsnr, unit[4..]);
            Put(record, Journalnr, string.Create(CultureInfo.InvariantCulture, $"J{person:D7}"));
            Put(record, Fodselsnr, numbers.Of(person));
            Put(record, Kjonn, ((int)history.Persons[person].Sex).ToString(CultureInfo.InvariantCulture));
            Put(record, Ektstat, "1");
            Put(record, Bu18, "2");
            var vklo = livelihood.GetValueOrDefault(person, (byte)9);
            Put(record, Vklo, vklo.ToString(CultureInfo.InvariantCulture));
            // SSB's rules 015–021: the labour situation must fit the main livelihood; only VKLO 3 (trygd) names a trygd.
            Put(record, Trygdesit, vklo == 3 ? "01" : "12");
            Put(record, Arbsit, vklo switch { 1 => "01", 2 or 4 => "03", 6 => "09", 8 => "10", _ => "04" });
            long total = 0;
            for (var m = 0; m < 12; m++)
            {
                if (ore[m] == 0) continue;
                var kroner = ore[m] / 100;
                total += kroner;
                Put(record, (50 + 2 * m, 51 + 2 * m), (m + 1).ToString("D2", CultureInfo.InvariantCulture));
                var at = 88 + 14 * m;
                Put(record, (at, at + 6), kroner.ToString("D7", CultureInfo.InvariantCulture));
                Put(record, (at + 7, at + 13), "0000000");
            }
            // Rule 027: BIDRAG or LAAN above 0; a month ticked with no amount of its own carries a krone.
            Put(record, Bidrag, Math.Max(total, 1).ToString("D7", CultureInfo.InvariantCulture));
            Put(record, Laan, "0000000");
            Put(record, GittOkonomirad, "2");
            Put(record, IndividuellPlan, "2");
            Put(record, Saksbehandler, "syntetisk");
            Put(record, Bosit, "1");
            Put(record, Vilkarsamekt, "2");
            if (conditions.TryGetValue(person, out var condition))
            {
                Put(record, Vilkarsoslov, "1");
                Put(record, Utbetdato, Date(condition.From));
                Put(record, Utbettomdato, Date(condition.To));
                Tick(record, FirstVilkar, ConditionCodes.Conditions, condition.Codes);
            }
            else Put(record, Vilkarsoslov, "2");
            if (exemptions.TryGetValue(person, out var exemption))
            {
                Put(record, Vedtakdato, Date(exemption.Decided));
                Tick(record, FirstVedtak, ConditionCodes.ExemptionGrounds, exemption.Grounds);
            }
            if (sanctions.TryGetValue(person, out var kinds)) Tick(record, FirstSanksjon, ConditionCodes.SanctionKinds, kinds);
            text.Append(record).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), Encoding.Latin1);
        return path;
    }

    private static MonthRange MonthsOf(int from, int to) =>
        new(Month.Of(DateOnly.FromDayNumber(from)), Month.Of(DateOnly.FromDayNumber(to)));

    // VKLO "ved siste kontakt": each person's latest livelihood on or before the year's last day.
    private Dictionary<int, byte> LatestLivelihood(int lastDay)
    {
        var latest = new Dictionary<int, (int From, byte Source)>();
        foreach (ref readonly var l in CollectionsMarshal.AsSpan(history.Livelihood))
        {
            if (l.ValidFrom > lastDay) continue;
            if (!latest.TryGetValue(l.Person, out var known) || l.ValidFrom >= known.From) latest[l.Person] = (l.ValidFrom, l.Source);
        }
        return latest.ToDictionary(l => l.Key, l => l.Value.Source);
    }

    // The latest condition (by valid_from) that applies to some day of the year.
    private Dictionary<int, ConditionRow> LatestConditions(int firstDay, int lastDay)
    {
        var latest = new Dictionary<int, ConditionRow>();
        foreach (ref readonly var c in CollectionsMarshal.AsSpan(history.Conditions))
        {
            if (c.To < firstDay || c.From > lastDay) continue;
            if (!latest.TryGetValue(c.Person, out var known) || c.From >= known.From) latest[c.Person] = c;
        }
        return latest;
    }

    // "Første unntak": the person's first exemption, if it was decided by the year's end.
    private Dictionary<int, ExemptionRow> FirstExemptions(int lastDay)
    {
        var first = new Dictionary<int, ExemptionRow>();
        foreach (ref readonly var e in CollectionsMarshal.AsSpan(history.Exemptions))
        {
            if (e.Decided > lastDay) continue;
            if (!first.TryGetValue(e.Person, out var known) || e.Decided < known.Decided) first[e.Person] = e;
        }
        return first;
    }

    // The kinds of sanction each person had in the year, joined with '|'.
    private Dictionary<int, string> SanctionKinds(int firstDay, int lastDay)
    {
        var kinds = new Dictionary<int, string>();
        foreach (ref readonly var s in CollectionsMarshal.AsSpan(history.Sanctions))
        {
            if (s.Day < firstDay || s.Day > lastDay) continue;
            kinds[s.Person] = kinds.TryGetValue(s.Person, out var known) ? known + "|" + s.Kind : s.Kind;
        }
        return kinds;
    }

    /// <summary>Ticks the check box of each code: a box holds its own code; the boxes follow the list's order.</summary>
    private static void Tick(char[] record, int first, IReadOnlyList<KostraCode> list, string codes)
    {
        foreach (var code in codes.Split('|'))
        {
            var at = first + 2 * ConditionCodes.IndexOf(list, code);
            Put(record, (at, at + 1), code);
        }
    }

    private static string Date(int day) => DateOnly.FromDayNumber(day).ToString("ddMMyy", CultureInfo.InvariantCulture);

    private static void Put(char[] record, (int Start, int End) field, string value)
    {
        var width = field.End - field.Start + 1;
        if (value.Length > width) throw new ArgumentException($"{value} er for langt for feltet ({width} tegn).", nameof(value));
        value.CopyTo(0, record, field.Start - 1, value.Length);
    }
}
