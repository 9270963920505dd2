using Malekort.Explanation;

namespace Malekort.Web.Explain;

/// <summary>The explanation page's Norwegian words for sides and record kinds.</summary>
internal static class ExplainTexts
{
    /// <summary>The query value of each side (<c>del=teller</c>, <c>del=nevner</c>).</summary>
    public static string SideParameter(CountedSide side) => side == CountedSide.Numerator ? "teller" : "nevner";

    public static string SideName(CountedSide side) => side == CountedSide.Numerator ? "telleren" : "nevneren";

    public static string RecordKindName(RecordKind kind) => kind switch
    {
        RecordKind.Payment => "Utbetaling av økonomisk sosialhjelp",
        RecordKind.Livelihood => "Sosialhjelp som viktigste kilde til livsopphold",
        RecordKind.Person => "Fødselsdato (alder ved utgangen av måneden)",
        RecordKind.Family => "Barn i familien",
        RecordKind.Kvp => "Kvalifiseringsprogram",
        RecordKind.Jobseeker => "Registrert som ordinær arbeidssøker",
        RecordKind.Followup => "Oppfølging",
        RecordKind.Condition => "Vilkår",
        RecordKind.Exemption => "Unntak fra aktivitetsplikten",
        _ => "Sanksjon",
    };
}
