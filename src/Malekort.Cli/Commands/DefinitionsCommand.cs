using System.CommandLine;
using Malekort.Indicators;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort definitions [--write FILE]</c>: the indicator declarations with every definition version, as the generated
/// section of <c>docs/indicators.md</c> (<see cref="IndicatorDocs"/>); <c>--write</c> rewrites that section of the file.
/// </summary>
internal static class DefinitionsCommand
{
    public static Command Create(CliContext context)
    {
        var write = new Option<FileInfo?>("--write")
        {
            Description = "Skriv den genererte delen inn i denne filen (f.eks. docs/indicators.md) i stedet for å vise den.",
        };
        var command = new Command("definitions", "Vis indikatorenes definisjoner med alle versjoner, slik docs/indicators.md viser dem.") { write };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(write) is not { } file)
            {
                context.Output.Write(IndicatorDocs.Section());
                return 0;
            }
            if (!file.Exists) return context.Fail($"--write: filen {file.FullName} finnes ikke.");
            File.WriteAllText(file.FullName, IndicatorDocs.Rewrite(File.ReadAllText(file.FullName)));
            context.Output.WriteLine($"Skrev definisjonene inn i {file.FullName}.");
            return 0;
        });
        return command;
    }
}
