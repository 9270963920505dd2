using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Malekort.Benchmarks;

/// <summary>What the numbers were measured on, and how busy it was.</summary>
internal static class Machine
{
    public static double LoadAverage()
    {
        var text = File.ReadAllText("/proc/loadavg");
        return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static string LoadAverages() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>Waits (up to <paramref name="minutes"/>) until the 1-minute load average is below 1; returns it.</summary>
    public static double WaitForQuiet(int minutes, Action<string> say)
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        var load = LoadAverage();
        while (load >= 1.0 && DateTime.UtcNow < deadline)
        {
            say(string.Create(CultureInfo.InvariantCulture, $"Belastning {LoadAverages()}: venter til den er under 1 …"));
            Thread.Sleep(TimeSpan.FromSeconds(30));
            load = LoadAverage();
        }
        return load;
    }

    public static IReadOnlyList<(string What, string Value)> Describe(string root)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?"
            : RuntimeInformation.OSDescription;
        return
        [
            ("CPU", cpu),
            ("Cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("RAM", string.Create(CultureInfo.InvariantCulture, $"{long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB")),
            ("OS", $"{os}, Linux {Environment.OSVersion.Version}"),
            (".NET", RuntimeInformation.FrameworkDescription),
            ("Git commit", Git(root, "rev-parse --short HEAD") + (Git(root, "status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "")),
            ("Date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ];
    }

    private static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>The resident-set high-water mark of a process (VmHWM), in bytes.</summary>
    public static long PeakResident(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public static long Resident(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
