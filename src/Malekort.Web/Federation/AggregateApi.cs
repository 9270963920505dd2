using System.Globalization;
using Malekort.Storage;
using Malekort.Web.Publishing;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Malekort.Web.Federation;

internal sealed record ReceiptJson(string Kontor, string Maned, int Revisjon, string Utfall, string Melding);

/// <summary>
/// <c>POST /api/sentral/leveranser</c> on a central instance: one <c>malekort-aggregat</c> document (docs/federation.md) with the
/// office's delivery key (<c>malekort central key</c>) as bearer token. 201 stored, 200 the same revision with the same content was
/// stored before (a retry), 409 the revision was stored with other content, 422 the document does not hold (every reason in
/// <c>findings</c>), 401 no key or an unknown one, 403 the key is another office's, 413 over 1 MiB, 415 not JSON. Every answer but
/// 401 is in the run log.
/// </summary>
internal static class AggregateApi
{
    public const string Path = "/api/sentral/leveranser";

    public static async Task<IResult> Post(HttpContext context, ScorecardState state, IMalekortStore store, RunLog runLog, TimeProvider clock)
    {
        // The endpoint's own scheme (DeliveryKeyAuthentication) found the office whose key this is, or nothing.
        if (context.User.FindFirst(DeliveryKeyAuthentication.OfficeClaim)?.Value is not { } claimed
            || !Malekort.Units.UnitCode.TryParse(claimed, out var keyOffice))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"malekort-sentral\"";
            return Results.Problem(detail: "Leveransen mangler en gyldig leveringsnøkkel (Authorization: Bearer …). Nøkkelen lages på den " +
                "sentrale instansen med «malekort central key --office NAV-nnnn».", statusCode: StatusCodes.Status401Unauthorized,
                title: "Ikke innlogget");
        }
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        if (!IsJson(context.Request.ContentType))
            return Results.Problem(detail: "Leveransen må sendes som application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Feil innholdstype");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = AggregateDocument.MaxBytes;
        if (context.Request.ContentLength > AggregateDocument.MaxBytes || await ReadBody(context) is not { } body)
            return Results.Problem(detail: $"Leveransen er større enn {AggregateDocument.MaxBytes / 1024} KiB.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "For stor");

        var errors = new List<string>();
        var delivery = AggregateDocuments.Read(body, state.Current.Offices, clock.GetUtcNow(), errors);
        if (delivery is null)
        {
            var shown = errors.Take(100).ToList();
            var rejected = $"Leveransen er avvist: {errors.Count.ToString(CultureInfo.InvariantCulture)} feil. Ingenting er lagret. {shown[0]}";
            Record(runLog, clock, startedAt, started, RunOutcome.Rejected, "Leveranse fra lokal instans", null, rejected);
            return Results.Problem(detail: rejected, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Leveransen er avvist",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["findings"] = shown });
        }
        var what = $"revisjon {delivery.Revision.ToString(CultureInfo.InvariantCulture)} av {state.Current.NameOf(delivery.Office)} " +
                   $"for {NorwegianFormat.Month(delivery.Month)}";
        var subject = $"{delivery.Office} {delivery.Month} revisjon {delivery.Revision.ToString(CultureInfo.InvariantCulture)}";
        if (keyOffice != delivery.Office)
        {
            var refused = $"Avvist: nøkkelen er {keyOffice} sin og kan ikke levere tall for {delivery.Office}. Ingenting er lagret.";
            Record(runLog, clock, startedAt, started, RunOutcome.Refused, subject, delivery, refused);
            return Results.Problem(detail: refused, statusCode: StatusCodes.Status403Forbidden, title: "Ikke tillatt");
        }

        var result = store.SaveAggregates(delivery);
        switch (result.Outcome)
        {
            case ReceiveOutcome.Stored:
                var text = $"{Capitalised(what)} er mottatt. {DeliveredMonths.Compared(store, delivery)}";
                Record(runLog, clock, startedAt, started, RunOutcome.Imported, subject, delivery, text);
                // The picture is computed again at once rather than at the next poll: the sender's next look should find it.
                state.RefreshIfChanged();
                return Results.Created(DeliveredMonths.Address(delivery.Office, delivery.Month), Json(delivery, "mottatt", text));
            case ReceiveOutcome.AlreadyStored:
                var again = $"{Capitalised(what)} var mottatt fra før med samme innhold; ingenting er endret.";
                Record(runLog, clock, startedAt, started, RunOutcome.AlreadyImported, subject, delivery, again);
                return Results.Ok(Json(delivery, "allerede-mottatt", again));
            default:
                var conflict = $"{Capitalised(what)} er mottatt før med et annet innhold (innholdshash {result.Stored.ContentHash[..12]}…). " +
                               "En endring må publiseres som en ny revisjon. Ingenting er lagret.";
                Record(runLog, clock, startedAt, started, RunOutcome.Failed, subject, delivery, conflict);
                return Results.Problem(detail: conflict, statusCode: StatusCodes.Status409Conflict, title: "Revisjonen finnes med annet innhold");
        }
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it grows past the limit.</summary>
    private static async Task<byte[]?> ReadBody(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > AggregateDocument.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ReceiptJson Json(AggregateDelivery delivery, string outcome, string message) =>
        new(delivery.Office.Value, delivery.Month.ToString(), delivery.Revision, outcome, message);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void Record(RunLog runLog, TimeProvider clock, DateTimeOffset startedAt, long started, RunOutcome outcome, string subject,
        AggregateDelivery? delivery, string message) =>
        runLog.Append(new RunLogEntry(RunKind.Delivery, RunChannel.Upload, startedAt, clock.GetElapsedTime(started), outcome, subject,
            delivery?.Office, delivery?.Month, message, []));
}
