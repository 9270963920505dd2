using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Api;

/// <summary>Errors as ProblemDetails (RFC 9457) in Norwegian.</summary>
internal static class ApiProblems
{
    public static IResult BadParameter(string parameter, string detail) => Results.Problem(
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        title: "Ugyldig parameter",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameter"] = parameter });

    public static IResult NotFound(string detail) => Results.Problem(
        detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Finnes ikke");

    public static IResult NoData() => Results.Problem(
        detail: "Ingen uttrekk er importert ennå.", statusCode: StatusCodes.Status404NotFound, title: "Ingen data");

    /// <summary>Norwegian titles for the statuses the framework itself produces.</summary>
    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Ugyldig forespørsel",
        StatusCodes.Status404NotFound => "Finnes ikke",
        StatusCodes.Status405MethodNotAllowed => "Metoden er ikke tillatt",
        StatusCodes.Status413PayloadTooLarge => "For stor",
        StatusCodes.Status500InternalServerError => "Intern feil",
        StatusCodes.Status503ServiceUnavailable => "Databasen er ikke tilgjengelig",
        _ => "Feil",
    };
}
