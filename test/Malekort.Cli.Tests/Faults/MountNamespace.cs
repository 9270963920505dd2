using System.Diagnostics;
using System.Globalization;

namespace Malekort.Cli.Faults;

/// <summary>
/// Runs a shell script in a mount namespace of its own, where it may mount a small tmpfs or remount one read-only without
/// touching the machine: a full disk and a read-only file system made for real, for the program run inside (the published
/// <c>malekort</c> as a child process). As root the namespace needs no more; otherwise an unprivileged user namespace
/// (<c>unshare -r</c>) gives the script root's rights inside it only.
/// </summary>
internal static class MountNamespace
{
    /// <summary>The command line program next to the tests (the project reference copies it).</summary>
    public static string App { get; } = Path.Combine(AppContext.BaseDirectory, "malekort.dll");

    public static (int Exit, string Output, string Error) Run(string script, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Environment.IsPrivilegedProcess ? ["-m"] : new[] { "-r", "-m" }) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "sh", "-c", script }) start.ArgumentList.Add(argument);
        foreach (var (name, value) in variables) start.Environment[name] = value;
        start.Environment["APP"] = App;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Skriptet i navnerommet ble ikke ferdig på 5 minutter:\n" + script);
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The exit code the script printed as <c>exit=N</c> on standard output.</summary>
    public static int ExitOf(string output, string label) =>
        int.Parse(output.Split('\n').Single(l => l.StartsWith(label + "=", StringComparison.Ordinal))[(label.Length + 1)..].Trim(),
            CultureInfo.InvariantCulture);
}
