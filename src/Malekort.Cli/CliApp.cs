using System.CommandLine;
using Malekort.Cli.Commands;

namespace Malekort.Cli;

/// <summary>The <c>malekort</c> command: every subcommand, wired to the given output and clock so tests can run it in-process.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock) =>
        Run(args, TextReader.Null, output, error, clock);

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var context = new CliContext(input, output, error, clock);
        var root = new RootCommand("Målekort: automatisk datafangst av kommunale indikatorer til NAV-kontorenes målekort.")
        {
            ImportCommand.Create(context),
            IndicatorsCommand.Create(context),
            ServeCommand.Create(context),
            DemoCommand.Create(context),
            ThresholdCommand.Create(context),
            TargetCommand.Create(context),
            GenerateCommand.Create(context),
            UsersCommand.Create(context),
            KeyCommand.Create(context),
        };
        var parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

/// <summary>Where a command reads and writes and which clock it reads.</summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, TimeProvider Clock)
{
    /// <summary>Reports a usage error and returns exit code 2.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"malekort: {message}");
        return 2;
    }
}
