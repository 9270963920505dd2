using Malekort.Units;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Malekort.Web.Capture;

/// <summary>Finds the token a request presents and says what it may do.</summary>
internal sealed class TokenCheck(MalekortWebOptions options)
{
    /// <summary>Whether any token is configured; without one, uploads and publishing are off.</summary>
    public bool Enabled => options.UploadTokens.Count > 0;

    /// <summary>The token in <c>Authorization: Bearer …</c>, or null when there is none or it is not known.</summary>
    public UploadToken? FromHeader(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? Find(header[Scheme.Length..].Trim()) : null;
    }

    /// <summary>
    /// The token whose secret was presented, or null. Every configured token is compared, each in constant time, so the
    /// time taken says nothing about which token came close.
    /// </summary>
    public UploadToken? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        var hash = UploadToken.HashOf(presented);
        UploadToken? found = null;
        foreach (var token in options.UploadTokens)
        {
            if (token.Matches(hash)) found ??= token;
        }
        return found;
    }

    /// <summary>Whether the token may deliver data for the unit (null: reference data, the service's only).</summary>
    public static bool MayDeliver(UploadToken token, UnitCode? unit, OfficeRegister offices)
    {
        if (token.IsService) return true;
        if (unit is not { } u) return false;
        if (token.Unit == u) return true;
        return token.Unit is { Kind: UnitKind.Office } office && offices.Find(office)?.Units.Contains(u) == true;
    }

    /// <summary>Whether the token may publish the office's months.</summary>
    public static bool MayPublish(UploadToken token, UnitCode office) => token.IsService || token.Unit == office;
}
