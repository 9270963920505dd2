using Malekort.Import.Pseudonyms;

namespace Malekort.Web.Explain;

/// <summary>What the office types into the look-up form, checked before anything is hashed: 11 digits with right control digits.</summary>
internal static class FodselsnummerInput
{
    /// <summary>Why the text is not a fødselsnummer, in Norwegian and without repeating it; null when it is one.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "Skriv inn et fødselsnummer eller D-nummer (11 siffer).";
        var number = text.Trim();
        if (!number.All(char.IsAsciiDigit)) return "Fødselsnummeret kan bare inneholde siffer (11 siffer, uten mellomrom).";
        if (number.Length != Fodselsnummer.Length)
            return $"Fødselsnummeret må ha 11 siffer; det du skrev har {number.Length}.";
        if (!Fodselsnummer.IsValid(number)) return "Fødselsnummeret har feil kontrollsiffer. Sjekk at det er skrevet riktig.";
        return null;
    }
}
