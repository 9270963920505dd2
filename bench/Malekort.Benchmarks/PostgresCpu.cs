using System.Globalization;
using Npgsql;

namespace Malekort.Benchmarks;

/// <summary>
/// The CPU time of a local PostgreSQL server's processes (the postmaster, its live children and those it has reaped), from
/// <c>/proc</c>: the import's process time leaves out the server's work, and on a shared machine the clock counts the
/// neighbours' load too.
/// </summary>
internal static class PostgresCpu
{
    // /proc reports in USER_HZ, which Linux fixes at 100 for user space.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU the server has used so far; null where <c>/proc</c> cannot tell (not Linux, another host).</summary>
    public static double? Seconds(string connectionString)
    {
        try
        {
            int backend;
            using (var connection = new NpgsqlConnection(connectionString))
            {
                connection.Open();
                using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
                backend = (int)command.ExecuteScalar()!;
            }
            var postmaster = Stat(backend)?.Parent;
            if (postmaster is not { } parent || Stat(parent) is not { } own) return null;
            var ticks = own.Ticks + own.ReapedTicks;
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } child &&
                    child.Parent == parent)
                    ticks += child.Ticks;
            }
            return ticks / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>A process's parent, its own user + system ticks and those of the children it has waited for.</summary>
    private static (int Parent, long Ticks, long ReapedTicks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces; fields 3 on follow the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
