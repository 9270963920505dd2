using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Pages;

/// <summary>An error page: the status, what went wrong in Norwegian, and the footer of the data the server holds, if any.</summary>
public sealed record ErrorView(int Status, string Message, PageFooter Footer)
{
    public string Title => Status switch
    {
        StatusCodes.Status404NotFound => "Fant ikke siden",
        StatusCodes.Status400BadRequest => "Ugyldig adresse",
        StatusCodes.Status503ServiceUnavailable => "Databasen er ikke tilgjengelig",
        _ => "Noe gikk galt",
    };

    /// <summary>How the message is shown: an error on the server is danger, a wrong address or key a warning.</summary>
    public string Color => Status >= 500 ? "danger" : "warning";
}
