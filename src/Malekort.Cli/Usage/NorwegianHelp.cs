using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Malekort.Cli.Usage;

/// <summary>
/// <c>--help</c> in Norwegian. System.CommandLine 2.0 writes its own headings and texts in English (its help builder is
/// internal and it ships no Norwegian resources), so the CLI writes help from the same command tree itself.
/// </summary>
internal sealed class NorwegianHelp(TextWriter output) : SynchronousCommandLineAction
{
    public const string HelpDescription = "Vis hjelp for kommandoen.";

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, output);
        return 0;
    }

    /// <summary>Replaces the root's help and version options' action and words with Norwegian ones.</summary>
    public static void Install(RootCommand root, TextWriter output)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new NorwegianHelp(output);
                help.Description = HelpDescription;
            }
            else if (option is VersionOption version) version.Description = "Vis programversjonen.";
        }
    }

    public static void Write(Command command, TextWriter output)
    {
        output.WriteLine("Beskrivelse:");
        output.WriteLine($"  {command.Description}");
        output.WriteLine();
        output.WriteLine("Bruk:");
        output.WriteLine($"  {Usage(command)}");
        if (command.Arguments.Any(a => !a.Hidden))
        {
            output.WriteLine();
            output.WriteLine("Argumenter:");
            Columns(output, [.. command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? ""))]);
        }
        var options = Options(command).ToList();
        if (options.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Valg:");
            Columns(output, [.. options.Select(o => (OptionLabel(o), OptionDescription(o)))]);
        }
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Kommandoer:");
            Columns(output, [.. subcommands.Select(c => (c.Name, c.Description ?? ""))]);
        }
        output.WriteLine();
    }

    private static string Usage(Command command)
    {
        var path = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault()) path.Insert(0, NameOf(c));
        var text = string.Join(' ', path);
        if (command.Subcommands.Count > 0) text += " [kommando]";
        foreach (var a in command.Arguments.Where(a => !a.Hidden)) text += a.Arity.MaximumNumberOfValues > 1 ? $" <{a.Name}>..." : $" <{a.Name}>";
        return text + " [valg]";
    }

    /// <summary>A command's name as typed; the root is <c>malekort</c> whatever the process is called.</summary>
    public static string NameOf(Command command) => command is RootCommand ? "malekort" : command.Name;

    // The command's own options and the recursive ones of its parents (help), in the order they were declared.
    private static IEnumerable<Option> Options(Command command)
    {
        var seen = new HashSet<Option>();
        foreach (var o in command.Options.Where(o => !o.Hidden && seen.Add(o))) yield return o;
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var o in parent.Options.Where(o => o.Recursive && !o.Hidden && seen.Add(o))) yield return o;
        }
    }

    private static string OptionLabel(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).Distinct().OrderBy(n => n.Length));
        if (option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0) return names;
        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var value = choices.Count > 0 ? string.Join('|', choices) : option.HelpName ?? option.Name.TrimStart('-');
        return $"{names} <{value}>";
    }

    private static string OptionDescription(Option option)
    {
        var text = option.Description ?? "";
        if (option.Required) text += " (påkrevd)";
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value && $"{value}" is { Length: > 0 } shown)
            text += $" [standard: {shown}]";
        return text;
    }

    private static void Columns(TextWriter output, IReadOnlyList<(string Left, string Right)> rows)
    {
        var width = rows.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in rows) output.WriteLine($"  {left.PadRight(width)}{right}".TrimEnd());
    }
}
