using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using static System.FormattableString;
using F = Malekort.Import.Kostra.KvalifiseringField;

namespace Malekort.Import.Kostra;

/// <summary>Skjema 11CF records as KVP participations (<c>docs/formats/kostra.md</c> "Mapping").</summary>
internal sealed class KvalifiseringMapping(Pseudonymizer pseudonyms, RuleReport report)
{
    private readonly Dictionary<string, PersonRecord> persons = new(StringComparer.Ordinal);

    public List<KvpRecord> Kvp { get; } = [];

    public IReadOnlyList<PersonRecord> Persons => [.. persons.Values];

    public void Add(in KostraRecord r)
    {
        if (PersonKeys.Of(r, pseudonyms, report) is not { } key) return;
        if (CommonRules.BirthDate(r) is { } birth) persons.TryAdd(key, new PersonRecord(key, birth, PersonKeys.SexOf(r)));
        else
            report.Own(Severity.Warning, r.LineNumber, "PERSON_FODSELSNR", "Deltakeren har ingen fødselsdato (ikke gyldig fødselsnummer "
                + "eller d-nummer, og årgangen har ikke FODSELSDATO); deltakelsen telles, men personen har ingen alder.");

        // SSB does not check BEGYNT_DATO for Oslo's districts (rule 016), but a participation cannot be placed in time without it.
        if (r.Date((int)F.BegyntDato) is not { } start)
        {
            report.Own(Severity.Error, r.LineNumber, "BEGYNT_DATO", $"Startdatoen (BEGYNT_DATO) er {PersonNumbers.Shown(r[F.BegyntDato])}; "
                + "uten en gyldig dato kan deltakelsen ikke telles.");
            return;
        }
        var registered = OptionalDate(r, F.RegDato);
        var decided = OptionalDate(r, F.VedtakDato);
        var end = OptionalDate(r, F.AvslDato);
        if (end is { } e && e < start)
            report.Own(Severity.Warning, r.LineNumber, "AVSL_DATO", Invariant($"Avslutningsdatoen {e:dd.MM.yyyy} er før startdatoen ")
                + Invariant($"{start:dd.MM.yyyy}; deltakelsen telles ikke i noen måned."));
        int? status = r[F.Status] is [>= '1' and <= '7'] s ? s[0] - '0' : null;
        var situations = new List<string>(2);
        foreach (var field in KvalifiseringRules.Situations)
        {
            if (r.IsTicked((int)field)) situations.Add(r.Layout[(int)field].Codes[0]);
        }
        Kvp.Add(new KvpRecord(key, registered, decided, start, end, status, situations));
    }

    /// <summary>
    /// A date the rules let through blank or broken (Oslo, or AVSL_DATO while still in the programme): null, and a warning if broken.
    /// </summary>
    private DateOnly? OptionalDate(in KostraRecord r, F field)
    {
        if (r.Date((int)field) is { } date) return date;
        if (!r.IsBlank((int)field))
            report.Own(Severity.Warning, r.LineNumber, r.Name((int)field),
                $"{r.Name((int)field)} {PersonNumbers.Shown(r[field])} er ikke en gyldig dato og blir utelatt.");
        return null;
    }
}
