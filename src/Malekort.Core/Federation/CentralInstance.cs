namespace Malekort.Federation;

/// <summary>
/// A central instance (<c>serve --central</c>, docs/federation.md) holds aggregates only: what it says to every input with
/// person-level data (issue 15: aggregates flow up, person data stays home).
/// </summary>
public static class CentralInstance
{
    /// <summary>The refusal of a person-level input, in Norwegian.</summary>
    public const string Refusal =
        "Dette er en sentral instans (serve --central): den tar bare imot aggregater fra kontorenes egne Målekort, " +
        "SSB-befolkningstall og kontorregisteret. Datafangst-leveranser, KOSTRA-filer og Digisos har opplysninger om personer og " +
        "leses inn i kontorets eget Målekort, som sender tallene hit når en måned publiseres. Ingenting er lagret.";
}
