using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;

namespace Malekort.Import.Kostra;

/// <summary>
/// The key a record's person gets: the pseudonymised fødselsnummer, else <c>duf:</c> and the pseudonymised DUF number (11F only),
/// else <c>journal:</c> and the journal number. The prefixes keep the kinds apart, so a journal number can never meet
/// a pseudonym. An "adapted" fødselsnummer (birth date and 00100/00200/99999) is shared by many people and is never a key.
/// </summary>
internal static class PersonKeys
{
    public const string DufPrefix = "duf:";
    public const string JournalPrefix = "journal:";

    /// <summary>The key, or null (and an error) when the record names the person by none of the three.</summary>
    public static string? Of(in KostraRecord r, Pseudonymizer pseudonyms, RuleReport report)
    {
        var fnr = r[CommonField.PersonFodselsnr];
        if (Fodselsnummer.IsValid(fnr)) return pseudonyms.Of(fnr);
        if (r.Layout.Skjema == KostraSkjema.OkonomiskSosialhjelp && PersonNumbers.IsValidDuf(r[SosialhjelpField.PersonDuf]))
            // A DUF number identifies a person as surely as a fødselsnummer: it is pseudonymised with the same key.
            return string.Concat(DufPrefix, pseudonyms.Of(r[SosialhjelpField.PersonDuf]));
        var journal = r[CommonField.PersonJournalnr].Trim(' ');
        if (journal.IsEmpty)
        {
            report.Own(Severity.Error, r.LineNumber, "PERSON_JOURNALNR", "Personen kan ikke identifiseres: posten har verken gyldig "
                + "fødselsnummer, gyldig DUF-nummer eller journalnummer, så månedene kan ikke knyttes til en person.");
            return null;
        }
        foreach (var c in journal)
        {
            if (char.IsControl(c))
            {
                report.Own(Severity.Error, r.LineNumber, "PERSON_JOURNALNR", "Journalnummeret inneholder kontrolltegn og kan ikke brukes "
                    + "til å identifisere personen (posten har verken gyldig fødselsnummer eller DUF-nummer).");
                return null;
            }
        }
        return string.Concat(JournalPrefix, journal);
    }

    /// <summary>The person's sex by KJONN (1 mann, 2 kvinne), or null.</summary>
    public static Sex? SexOf(in KostraRecord r) =>
        r.Is((int)CommonField.Kjonn, "1") ? Sex.Man : r.Is((int)CommonField.Kjonn, "2") ? Sex.Woman : null;
}
