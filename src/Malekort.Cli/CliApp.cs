using System.CommandLine;
using Malekort.Cli.Commands;
using Malekort.Cli.Usage;
using Malekort.Storage.Faults;

namespace Malekort.Cli;

/// <summary>The <c>malekort</c> command: every subcommand, wired to the given output and clock so tests can run it in-process.</summary>
internal static class CliApp
{
    /// <summary>Exit code of a usage error: bad arguments, an unknown unit, a database that cannot be used.</summary>
    public const int UsageError = 2;

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
            ManualCommand.Create(context),
            OwnIndicatorCommand.Create(context),
            GenerateCommand.Create(context),
            UsersCommand.Create(context),
            KeyCommand.Create(context),
            DefinitionsCommand.Create(context),
            CentralCommand.Create(context),
            BackupCommand.Create(context),
            RestoreCommand.Create(context),
        };
        NorwegianHelp.Install(root, output);
        var parsed = root.Parse(args);
        // Help goes before errors (--help after a mistake still helps); errors are said in Norwegian, then where to find help.
        if (parsed.Errors.Count > 0 && parsed.Action is not NorwegianHelp)
        {
            foreach (var line in ParseErrors.Describe(parsed)) error.WriteLine($"malekort: {line}");
            error.WriteLine($"Se «{HelpCommand(parsed)} --help».");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (StoreUnavailableException e)
        {
            return context.Fail(e.Message);
        }
        catch (Exception e) when (StorageFault.Of(e) is { } fault)
        {
            // A full disk, a read-only file, a lock held too long, a server gone: one Norwegian sentence, not a stack trace.
            // Every write is one transaction, so nothing of the write that failed is stored.
            error.WriteLine($"malekort: {fault.Message}");
            return StorageFault.ExitCode;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The commands' own refusals (a --db that is no connection string, a key file that cannot be read) carry
            // Norwegian messages; what else goes wrong is a fault in the program and keeps its stack trace.
            error.WriteLine($"malekort: {e.Message}");
            return 1;
        }
    }

    private static string HelpCommand(ParseResult parsed)
    {
        var names = new List<string>();
        for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult) names.Insert(0, NorwegianHelp.NameOf(c.Command));
        return string.Join(' ', names);
    }
}

/// <summary>Where a command reads and writes and which clock it reads.</summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, TimeProvider Clock)
{
    /// <summary>Reports a usage error and returns exit code 2.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"malekort: {message}");
        return CliApp.UsageError;
    }
}
