using Malekort.Storage;

namespace Malekort.Web.Access;

/// <summary>
/// Tokens found in the last minute, so a client polling the API costs no database look-up per request and pages keep
/// answering from the last computation while the database is down. A removed user's token works at most this long.
/// </summary>
internal sealed class TokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TokenOwner Owner, DateTimeOffset Until)> found = new(StringComparer.Ordinal);

    /// <summary>The token's owner from the cache, else from <paramref name="lookUp"/> (off the request thread: the stores are synchronous).</summary>
    public async Task<TokenOwner?> Find(string hash, Func<TokenOwner?> lookUp, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (found.TryGetValue(hash, out var hit) && hit.Until > now) return hit.Owner;
        var owner = await Task.Run(lookUp, cancellation);
        if (owner is null) return null;
        if (found.Count >= MaxEntries) found.Clear();
        found[hash] = (owner, now + Lifetime);
        return owner;
    }
}
