using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Malekort.Web.Federation;

/// <summary>What one attempt to deliver a document came to.</summary>
/// <param name="Delivered">The central instance holds the revision now (stored now, or before).</param>
/// <param name="New">Stored by this attempt; false when the central already had it.</param>
/// <param name="Reason">Why it failed, in Norwegian; null when delivered.</param>
/// <param name="Status">The central's HTTP status when it answered; null when no answer came.</param>
internal sealed record DeliveryResponse(bool Delivered, bool New, string? Reason, int? Status = null)
{
    /// <summary>
    /// The central answered that this revision can never be stored as it is: 409, stored before with other content, or 422, the
    /// document does not hold there (the office registers disagree). Sending it again cannot help; a new revision may.
    /// </summary>
    public bool Permanent => Status is 409 or 422;
}

/// <summary>
/// Posts delivery documents to the central instance over HTTPS: the office's key as a bearer token, the system's trusted roots
/// and the target's own (a county CA or a self-signed certificate). Every failure, however it shows, comes back as a Norwegian
/// reason, never as an exception.
/// </summary>
internal sealed class DeliveryClient : IDisposable
{
    private readonly HttpClient http;
    private readonly DeliveryTarget target;

    public DeliveryClient(DeliveryTarget target)
    {
        this.target = target;
        var handler = new SocketsHttpHandler
        {
            // A restarted central instance (or a new address behind the name) is found on the next attempt.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (target.Trusted.Count > 0) handler.SslOptions.RemoteCertificateValidationCallback = Validate;
        http = new HttpClient(handler) { Timeout = target.AttemptTimeout };
    }

    public async Task<DeliveryResponse> SendAsync(DeliveryKey key, byte[] document, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoint) { Content = new ByteArrayContent(document) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        try
        {
            using var response = await http.SendAsync(request, token);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                return new DeliveryResponse(true, response.StatusCode == HttpStatusCode.Created, null);
            var detail = await ProblemDetail(response, token);
            return new DeliveryResponse(false, false, $"den sentrale instansen svarte {(int)response.StatusCode}{(detail is null ? "" : $": {detail}")}",
                (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResponse(false, false, e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => $"fant ikke navnet {target.Central.Host}",
                HttpRequestError.ConnectionError => $"fikk ikke kontakt med {target.Central.Authority}",
                HttpRequestError.SecureConnectionError =>
                    "den krypterte forbindelsen kunne ikke settes opp: sertifikatet til den sentrale instansen er ikke godkjent",
                HttpRequestError.ResponseEnded => "forbindelsen ble brutt før svaret kom",
                _ => "forbindelsen feilet underveis",
            });
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return new DeliveryResponse(false, false, $"ikke noe svar innen {target.AttemptTimeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => http.Dispose();

    // The system's roots failed; a certificate the target names as a root may still vouch for the chain. The host name must
    // match whatever the root: only chain errors are forgiven.
    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors) return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(target.Trusted);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null) custom.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }

    // The central instance answers with problem details (RFC 9457) in Norwegian; their detail is the reason.
    private static async Task<string?> ProblemDetail(HttpResponseMessage response, CancellationToken token)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(token);
            using var json = JsonDocument.Parse(body);
            var detail = json.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (json.RootElement.TryGetProperty("findings", out var f) && f.ValueKind == JsonValueKind.Array)
                detail = string.Join(" ", new[] { detail }.Concat(f.EnumerateArray().Take(5).Select(x => x.ToString())
                    .Where(x => detail?.Contains(x, StringComparison.Ordinal) != true)).Where(x => x is not null));
            return detail is { Length: > 0 } text ? text.Length > 1000 ? text[..1000] + " …" : text : null;
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return null;
        }
    }
}
