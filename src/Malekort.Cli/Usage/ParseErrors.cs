using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Malekort.Cli.Usage;

/// <summary>
/// Argument errors in Norwegian. System.CommandLine 2.0 words its parse errors in English only, so each error is said again
/// from what the parser found (the option or argument, the token given), never from its English text.
/// </summary>
internal static class ParseErrors
{
    /// <summary>One Norwegian line per problem with the command line, in the order the parser found them.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var lines = new List<string>();
        var command = parsed.CommandResult.Command;
        foreach (var token in parsed.UnmatchedTokens)
        {
            var nearest = Nearest(token, command);
            lines.Add(token.StartsWith('-')
                ? $"ukjent valg «{token}» for «{NorwegianHelp.NameOf(command)}»." + (nearest is null ? "" : $" Mente du {nearest}?")
                : $"ukjent kommando eller argument «{token}»." + (nearest is null ? "" : $" Mente du {nearest}?"));
        }
        foreach (var error in parsed.Errors)
        {
            var line = error.SymbolResult switch
            {
                OptionResult { IdentifierToken: null } o => $"valget {o.Option.Name} må oppgis.",
                OptionResult { Tokens.Count: 0 } o => $"valget {o.Option.Name} mangler en verdi.",
                OptionResult o => $"«{string.Join(' ', o.Tokens.Select(t => t.Value))}» er ikke en gyldig verdi for {o.Option.Name}{Expected(o.Option)}.",
                ArgumentResult { Tokens.Count: 0 } a => $"argumentet <{a.Argument.Name}> mangler.",
                ArgumentResult a => $"«{string.Join(' ', a.Tokens.Select(t => t.Value))}» er ikke en gyldig verdi for <{a.Argument.Name}>.",
                CommandResult c when c.Command.Subcommands.Count > 0 && !c.Children.OfType<CommandResult>().Any() && parsed.UnmatchedTokens.Count == 0
                    => $"angi en kommando: {string.Join(", ", c.Command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))}.",
                // Unmatched tokens are said above; any other error gets a Norwegian line without the English text.
                CommandResult => null,
                _ => "ugyldige argumenter.",
            };
            if (line is not null && !lines.Contains(line)) lines.Add(line);
        }
        if (lines.Count == 0 && parsed.Errors.Count > 0) lines.Add("ugyldige argumenter.");
        return lines;
    }

    private static string Expected(Option option)
    {
        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        if (option.ValueType == typeof(bool)) return "";
        if (choices.Count > 0) return $" (én av {string.Join(", ", choices)})";
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return type == typeof(int) || type == typeof(long) ? " (et heltall)" : "";
    }

    // The option or subcommand closest to a mistyped token, as the parser's own typo correction would suggest.
    private static string? Nearest(string token, Command command) => command.Options.SelectMany(o => o.Aliases.Append(o.Name))
        .Concat(command.Subcommands.Select(c => c.Name))
        .Select(name => (Name: name, Distance: Units.CodeDistance.Between(token, name)))
        .Where(c => c.Distance <= Math.Max(2, token.Length / 3))
        .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => c.Name).FirstOrDefault();
}
