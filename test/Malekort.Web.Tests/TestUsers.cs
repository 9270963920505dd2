using System.Net.Http.Headers;
using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;

namespace Malekort.Web;

/// <summary>Local accounts and their tokens made the way <c>malekort users add</c> and <c>users token</c> make them.</summary>
internal static class TestUsers
{
    public const string Password = "et-langt-passord-for-testene";

    /// <summary>Adds the account (if it is not there) and a new token for it; returns the token.</summary>
    public static string Token(IMalekortStore store, string name, ViewerRole role, UnitCode? unit = null, TokenScope scope = TokenScope.All)
    {
        if (store.FindUser(name) is null) Assert.True(store.AddUser(LocalAccounts.Create(name, role, unit, Password, DateTimeOffset.UnixEpoch)));
        var (token, hash) = LocalAccounts.NewToken();
        Assert.True(store.AddToken(name, hash, scope));
        return token;
    }

    /// <summary>A client of the server that sends the token with every request and follows no redirects.</summary>
    public static HttpClient Client(Uri address, string? token, bool cookies = false)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = address };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
