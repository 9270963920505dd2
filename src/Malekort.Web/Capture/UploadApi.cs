using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Web.Access;
using Malekort.Web.Api;
using Malekort.Web.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Capture;

internal sealed record ImportJson(
    long RunLogId, string Source, string Format, string Outcome, string OutcomeText, string Message, DateTimeOffset ImportedAt, string? Unit,
    string? PeriodFrom, string? PeriodTo, string ContentHash, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FindingJson> Findings);

/// <summary>
/// <c>POST /api/leveranser</c>: one input, as the raw body (name in <c>?filnavn=</c>) or as the one file of a
/// <c>multipart/form-data</c> form: a capture batch zip, a KOSTRA file, a Digisos file, SSB population or the office register,
/// recognised from its content and imported by the same pipeline as the drop folder. A signed-in user (usually a bearer token
/// from <c>malekort users token</c>): 401 without one, 403 when the user may not deliver that unit's data (nothing stored). 201 with the import, 200 when the same
/// content was imported before, 422 with every finding when rejected, 413 over the size limit.
/// </summary>
internal static class UploadApi
{
    private const string DefaultName = "leveranse";

    // RFC 2046 §5.1.1: a boundary is 1–70 characters.
    private const int MaxBoundaryLength = 70;

    /// <summary>A request that is not one input as this endpoint takes it; the message says why, in Norwegian.</summary>
    private sealed class UploadRefusedException(string message) : Exception(message);

    public static async Task<IResult> Post(HttpContext context, CaptureImporter importer, MalekortWebOptions options)
    {
        if (context.User.Role() is not (ViewerRole.Admin or ViewerRole.Kontor or ViewerRole.Kommune))
            return Refusals.Forbidden(context, "Bare administratorer og kontorets og kommunens egne brukere kan levere data.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.UploadLimitBytes;
        if (context.Request.ContentLength > options.UploadLimitBytes) return TooLarge(options);

        var folder = Directory.CreateTempSubdirectory("malekort-opplasting-");
        try
        {
            string? path;
            try
            {
                path = await Receive(context, folder.FullName, options.UploadLimitBytes);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(options);
            }
            catch (UploadRefusedException e)
            {
                return BadRequest(e.Message);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested
                && e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // MultipartReader's own complaints (a missing end boundary, a part header too long, a cut body) are English
                // and say nothing a sender can act on: one Norwegian answer for a form that cannot be read.
                return BadRequest("Skjemaet er ikke gyldig multipart/form-data: delene eller grensene (boundary) henger ikke sammen. "
                    + "Send filen som én fil i skjemaet, eller som selve innholdet med ?filnavn=.");
            }
            if (path is null) return TooLarge(options);
            if (new FileInfo(path).Length == 0) return BadRequest("Forespørselen har ingen fil: innholdet er tomt.");

            var result = await importer.ImportAsync(path, Path.GetFileName(path), RunChannel.Upload, context.User, context.RequestAborted);
            if (result.Entry is not { } entry) return Refusals.Forbidden(context, result.Message);
            var json = Json(result, entry);
            return entry.Outcome switch
            {
                ImportOutcome.Imported => Results.Created($"/api/driftslogg/{result.RunLogId}", json),
                ImportOutcome.AlreadyImported => Results.Ok(json),
                _ => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Leveransen er avvist",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["findings"] = json.Findings, ["import"] = json }),
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Writes the upload to a file in <paramref name="folder"/>; null when it grew past the limit.</summary>
    private static async Task<string?> Receive(HttpContext context, string folder, long limit)
    {
        var request = context.Request;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
                throw new UploadRefusedException("multipart/form-data må ha en boundary på 1–70 tegn (RFC 2046).");
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limit };
            string? saved = null;
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition())
                    continue;
                if (saved is not null) throw new UploadRefusedException("Send én fil per forespørsel.");
                var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
                var name = SafeName(HeaderUtilities.RemoveQuotes(given).Value);
                saved = await Copy(section.Body, Path.Combine(folder, name), limit, context.RequestAborted) ? Path.Combine(folder, name) : null;
                if (saved is null) return null;
            }
            return saved ?? throw new UploadRefusedException("Skjemaet har ingen fil: legg leveransen i et filfelt (f.eks. -F \"fil=@uttrekk.zip\").");
        }
        var path = Path.Combine(folder, SafeName(request.Query["filnavn"].ToString()));
        return await Copy(request.Body, path, limit, context.RequestAborted) ? path : null;
    }

    private static async Task<bool> Copy(Stream body, string path, long limit, CancellationToken cancellation)
    {
        await using var file = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
        {
            total += read;
            if (total > limit) return false;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
        return true;
    }

    /// <summary>The file name as the logs show it: no folders, nothing a file system refuses.</summary>
    internal static string SafeName(string? name)
    {
        var candidate = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        var invalid = Path.GetInvalidFileNameChars();
        candidate = new string(candidate.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        if (candidate.Length > 200) candidate = candidate[^200..];
        return candidate is "" or "." or ".." ? DefaultName : candidate;
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig forespørsel");

    private static IResult TooLarge(MalekortWebOptions options) => Results.Problem(
        detail: $"Leveransen er større enn grensen på {Scorecard.NorwegianFormat.Count(options.UploadLimitBytes / (1024 * 1024))} MiB.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "For stor");

    private static ImportJson Json(CaptureResult result, ImportLogEntry e) => new(
        result.RunLogId, e.Source, e.Format, e.Outcome switch
        {
            ImportOutcome.Imported => "imported",
            ImportOutcome.AlreadyImported => "alreadyImported",
            _ => "rejected",
        },
        Scorecard.Texts.Outcome(e.Outcome), result.Message, e.ImportedAt, e.Unit?.Value, Date(e.PeriodFrom), Date(e.PeriodTo), e.ContentHash,
        e.Counts, e.Findings.Select(RunLogApi.Json).ToList());

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
