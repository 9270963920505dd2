using System.CommandLine;
using System.Globalization;
using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort users add|list|remove|token</c>: the local accounts of the embedded default (docs/security.md). Passwords come
/// from standard input, never the command line (which other users of the machine can see).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("users", "Lokale brukere: legg til, vis, fjern, lag API-nøkkel.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Token(context));
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "Brukernavnet." };

    private static Command Add(CliContext context)
    {
        var name = NameArgument();
        var roles = string.Join("|", ViewerRoles.Assignable.Select(r => r.Name()));
        var role = new Option<string>("--role") { Description = $"Rollen: {roles}.", Required = true };
        var unit = new Option<string?>("--unit")
        {
            Description = "Enheten rollen gjelder: NAV-kontor (NAV-nnnn) for kontor, kommunenummer for kommune, fylkesnummer for fylke.",
        };
        var db = StoreOption.Create();
        var command = new Command("add", "Legg til en bruker. Passordet leses fra standard inn (første linje).") { name, role, unit, db };
        command.SetAction(parsed =>
        {
            if (!ViewerRoles.TryParse(parsed.GetValue(role), out var viewerRole))
                return context.Fail($"--role '{parsed.GetValue(role)}' er ikke en rolle; bruk {roles}.");
            UnitCode? code = null;
            if (parsed.GetValue(unit) is { } unitText)
            {
                if (!UnitCode.TryParse(unitText, out var parsedUnit)) return context.Fail($"--unit '{unitText}' er ikke en enhetskode.");
                code = parsedUnit;
            }
            if (viewerRole.UnitProblem(code) is { } problem) return context.Fail($"--unit: {problem}");
            if (code is { Kind: not UnitKind.Office } known && UnitRegister.Default.Find(known) is null)
                return context.Fail($"--unit: {known} finnes ikke i SSBs kommune- og fylkesliste for 2024.");
            var password = ReadPassword(context);
            if (password is null) return context.Fail("fant ikke noe passord på standard inn.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (code is { Kind: UnitKind.Office } office && store.LoadReference().Offices is { Offices.Count: > 0 } offices && offices.Find(office) is null)
                return context.Fail($"--unit: {office} finnes ikke i kontorregisteret.");
            UserAccount account;
            try
            {
                account = LocalAccounts.Create(parsed.GetValue(name)!, viewerRole, code, password, context.Clock.GetUtcNow());
            }
            catch (ArgumentException e)
            {
                return context.Fail(FirstSentence(e));
            }
            if (!store.AddUser(account)) return context.Fail($"brukeren {account.Name} finnes allerede.");
            context.Output.WriteLine($"Brukeren {account.Name} er lagt til ({Describe(account)}).");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = StoreOption.Create();
        var command = new Command("list", "Vis brukerne.") { db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var users = store.Users();
            if (users.Count == 0)
            {
                context.Output.WriteLine("Ingen brukere ennå. Legg til med: malekort users add NAVN --role ROLLE [--unit ENHET]");
                return 0;
            }
            var norwegian = CultureInfo.GetCultureInfo("nb-NO");
            foreach (var user in users)
                context.Output.WriteLine($"{user.Name}\t{Describe(user)}\tlagt til {user.CreatedAt.ToLocalTime().ToString("d. MMMM yyyy", norwegian)}");
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var name = NameArgument();
        var db = StoreOption.Create();
        var command = new Command("remove", "Fjern en bruker og alle API-nøklene den har.") { name, db };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (!store.RemoveUser(parsed.GetValue(name)!)) return context.Fail($"finner ingen bruker som heter {parsed.GetValue(name)}.");
            context.Output.WriteLine($"Brukeren {parsed.GetValue(name)} er fjernet.");
            return 0;
        });
        return command;
    }

    private static Command Token(CliContext context)
    {
        var name = NameArgument();
        var metricsOnly = new Option<bool>("--metrics-only")
        {
            Description = "Nøkkelen gir bare tilgang til /metrics (for Prometheus), ikke til resten av brukerens rettigheter.",
        };
        var db = StoreOption.Create();
        var command = new Command("token", "Lag en ny API-nøkkel for brukeren (Authorization: Bearer …). Den vises bare denne ene gangen.")
        {
            name, metricsOnly, db,
        };
        command.SetAction(parsed =>
        {
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            var (token, hash) = LocalAccounts.NewToken();
            var scope = parsed.GetValue(metricsOnly) ? TokenScope.Metrics : TokenScope.All;
            if (!store.AddToken(parsed.GetValue(name)!, hash, scope)) return context.Fail($"finner ingen bruker som heter {parsed.GetValue(name)}.");
            // The token alone on standard output, so a script can capture it; the note goes to standard error.
            context.Output.WriteLine(token);
            context.Error.WriteLine(scope == TokenScope.Metrics
                ? "Nøkkelen gir bare tilgang til /metrics. Den lagres ikke og vises ikke igjen."
                : "Nøkkelen gir brukerens rettigheter. Den lagres ikke og vises ikke igjen.");
            return 0;
        });
        return command;
    }

    private static string Describe(UserAccount user) => user.Unit is { } unit ? $"{user.Role.Name()}, {unit}" : user.Role.Name();

    /// <summary>The first line of standard input; at a terminal it is asked for without echo.</summary>
    private static string? ReadPassword(CliContext context)
    {
        if (ReferenceEquals(context.Input, Console.In) && !Console.IsInputRedirected)
        {
            context.Error.Write("Passord: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace) typed.Length = Math.Max(0, typed.Length - 1);
                else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
            }
            context.Error.WriteLine();
            return typed.ToString();
        }
        return context.Input.ReadLine();
    }

    // ArgumentException appends " (Parameter '…')" to its message.
    private static string FirstSentence(ArgumentException e) => e.Message.Split(" (Parameter", 2)[0];
}
