using System.Threading.RateLimiting;

namespace Malekort.Web.Access;

/// <summary>
/// The rate limit on failed sign-ins: after <see cref="FailuresAllowed"/> failures in <see cref="Window"/> from one address, or
/// for one user name, further attempts are refused without checking the password until the window has passed. Only failures
/// count, so a user who signs in right is never slowed down. Each key has a fixed-window limiter from
/// System.Threading.RateLimiting (ASP.NET Core's rate limiting) without automatic replenishment; the window is started and
/// ended on the server's <see cref="TimeProvider"/>, so tests move a fake clock rather than wait.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Past this many keys, the ones whose window has passed are dropped, so a scan from many addresses cannot grow it forever.
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, (DateTimeOffset Started, FixedWindowRateLimiter Limiter)> windows = new(StringComparer.Ordinal);

    /// <summary>Whether another attempt from the address for the name may be checked; false: refuse it unchecked.</summary>
    public bool MayTry(string address, string name)
    {
        lock (windows)
        {
            return Keys(address, name).All(key => Current(key).GetStatistics()?.CurrentAvailablePermits > 0);
        }
    }

    /// <summary>Counts a failed attempt against the address and the name.</summary>
    public void Failed(string address, string name)
    {
        lock (windows)
        {
            foreach (var key in Keys(address, name))
            {
                using var lease = Current(key).AttemptAcquire();
            }
        }
    }

    public void Dispose()
    {
        lock (windows)
        {
            foreach (var (_, limiter) in windows.Values) limiter.Dispose();
            windows.Clear();
        }
    }

    private static string[] Keys(string address, string name) => ["adresse:" + address, "bruker:" + name.Trim().ToLowerInvariant()];

    /// <summary>The key's limiter for the window now running: a fresh one, all permits back, when the last window has passed.</summary>
    private FixedWindowRateLimiter Current(string key)
    {
        var now = clock.GetUtcNow();
        if (windows.TryGetValue(key, out var window) && now - window.Started < Window) return window.Limiter;
        window.Limiter?.Dispose();
        if (windows.Count > PruneAbove)
        {
            foreach (var (old, (started, limiter)) in windows.Where(w => now - w.Value.Started >= Window).ToList())
            {
                limiter.Dispose();
                windows.Remove(old);
            }
        }
        var fresh = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresAllowed,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
        windows[key] = (now, fresh);
        return fresh;
    }
}
