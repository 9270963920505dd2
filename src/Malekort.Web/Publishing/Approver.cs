namespace Malekort.Web.Publishing;

/// <summary>
/// Who approves a month, as the form's «Godkjent av» and the API's <c>godkjentAv</c> give it: required, one line, and short
/// enough for the run log and every revision's header. The page and the API check it here, the same way.
/// </summary>
internal static class Approver
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name, or null with the reason in Norwegian.</summary>
    public static string? Check(string? given, out string error)
    {
        var name = (given ?? "").Trim();
        error = name.Length == 0 ? "Skriv hvem som godkjenner tallene. Ingenting er publisert."
            : name.Length > MaxLength ? $"Navnet på den som godkjenner er lengre enn {MaxLength} tegn. Ingenting er publisert."
            : name.Any(char.IsControl) ? "Navnet på den som godkjenner kan ikke ha linjeskift eller kontrolltegn. Ingenting er publisert."
            : "";
        return error.Length == 0 ? name : null;
    }
}
