using System.CommandLine;
using Malekort.Confidentiality;
using Malekort.Import.Pseudonyms;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web;
using Malekort.Web.Access;
using Malekort.Web.Capture;
using Microsoft.Extensions.Configuration;
using Malekort.Web.Operations;
using Microsoft.Extensions.Hosting;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>malekort serve [--db DB] [--urls URL] [--drop DIR] [--uploads] [--schedule CRON] [--key FILE] [--config FILE]
/// [--log-format json|text] [--central] [--deliver-to URL --delivery-keys FILE] [--tls-cert FILE --tls-key FILE]</c>:
/// the scorecard in the browser; in server mode also a drop folder, uploads and a monthly publication (docs/server-mode.md).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOption.Create();
        var urls = UrlsOption();
                var drop = new Option<string?>("--drop")
        {
            Description = "Mottaksmappe: én undermappe per kommune og bydel i kontorregisteret; alt som legges der leses inn.",
        };
        var uploads = new Option<bool>("--uploads")
        {
            Description = "Ta imot opplastinger (POST /api/leveranser) fra innloggede brukere, hver bare for sine egne enheter " +
                          "(API-nøkler lages med «malekort users token»).",
        };
        var config = new Option<string?>("--config")
        {
            Description = "JSON-fil med innstillinger, f.eks. innlogging med OpenID Connect (Malekort:OpenIdConnect, se docs/security.md). " +
                          "Miljøvariabler som Malekort__OpenIdConnect__Authority gjelder også.",
        };
        var schedule = new Option<string?>("--schedule")
        {
            Description = "Cron-uttrykk (norsk tid) for når forrige måned beregnes og publiseres for alle kontorer, f.eks. \"0 6 5 * *\".",
        };
        var uploadLimit = new Option<int>("--upload-limit-mb")
        {
            Description = "Største opplasting i MiB (standard 256).",
            DefaultValueFactory = _ => 256,
        };
        var key = ImportCommand.KeyOption();
        var logFormat = LogFormatOption();
        var federation = new FederationOptions();
        var command = new Command("serve", "Vis målekortet i nettleseren.") { db, urls, drop, uploads, schedule, uploadLimit, key, config, logFormat };
        federation.AddTo(command);
        command.SetAction(parsed =>
        {
            MonthlySchedule? plan = null;
            if (parsed.GetValue(schedule) is { } cron)
            {
                try
                {
                    plan = MonthlySchedule.Parse(cron);
                }
                catch (FormatException e)
                {
                    return context.Fail($"--schedule: {e.Message}");
                }
            }
            OpenIdConnectSettings? oidc;
            try
            {
                oidc = OpenIdConnectSettings.From(Configuration(parsed.GetValue(config)));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException)
            {
                return context.Fail($"--config: {e.Message}");
            }
            if (parsed.GetValue(uploadLimit) <= 0) return context.Fail("--upload-limit-mb må være et positivt tall.");
            if (federation.Read(parsed, out var error) is not { } federated) return context.Fail(error!);
            var dropFolder = parsed.GetValue(drop);
            var needsKey = dropFolder is not null || parsed.GetValue(uploads) || parsed.GetValue(key) is not null;
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            if (FederationOptions.CheckRole(store, federated.Central) is { } roleProblem) return context.Fail(roleProblem);
            PseudonymKey? pseudonymKey = null;
            if (needsKey && !federated.Central && (pseudonymKey = ImportCommand.OpenKey(context, store, parsed.GetValue(key))) is null) return 1;
            var options = new MalekortWebOptions
            {
                Urls = parsed.GetValue(urls)!,
                DropDirectory = dropFolder is null ? null : Path.GetFullPath(dropFolder),
                AcceptUploads = parsed.GetValue(uploads),
                OpenIdConnect = oidc,
                UploadLimitBytes = parsed.GetValue(uploadLimit) * 1024L * 1024L,
                Schedule = plan,
                PseudonymKey = pseudonymKey,
                LogFormat = parsed.GetValue(logFormat),
                Central = federated.Central,
                DeliverTo = federated.DeliverTo,
                Certificate = federated.Certificate,
            };
            if (options.Central && Malekort.Web.Federation.CentralRefusal.OptionProblem(options) is { } refused) return context.Fail(refused);
            return Serve(context, store, options);
        });
        return command;
    }

    /// <summary><c>--log-format</c>: JSON lines for a server (the default of <c>serve</c>), or text for a person.</summary>
    public static Option<LogFormat> LogFormatOption() => new("--log-format")
    {
        Description = "Loggformatet på standard ut: Json (én JSON-linje per hendelse, standard) eller Text.",
        DefaultValueFactory = _ => LogFormat.Json,
    };

    public static Option<string> UrlsOption() => new("--urls")
    {
        Description = "Adressen å lytte på (standard http://127.0.0.1:5000).",
        DefaultValueFactory = _ => "http://127.0.0.1:5000",
    };

    public static int Serve(CliContext context, IMalekortStore store, MalekortWebOptions options)
    {
        using var app = MalekortWeb.Build(options, store, context.Clock);
        app.Start();
        // With JSON logs standard output carries JSON lines only (docs/operations.md): the notes for a person go to standard error.
        var notes = options.LogFormat == LogFormat.Json ? context.Error : context.Output;
        notes.WriteLine($"Målekort kjører på {string.Join(", ", app.Urls)} ({store.Description}). Stopp med Ctrl+C.");
        if (options.DropDirectory is { } folder) notes.WriteLine($"Mottaksmappe: {folder}");
        if (options.AcceptUploads) notes.WriteLine("Opplasting: POST /api/leveranser (innloggede brukere, hver for sine enheter).");
        notes.WriteLine(options.OpenIdConnect is { } provider
            ? $"Innlogging: lokale brukere og OpenID Connect ({provider.Authority})."
            : "Innlogging: lokale brukere (malekort users add).");
        if (options.Schedule is { } plan) notes.WriteLine($"Månedlig publisering: «{plan}» (norsk tid).");
        if (options.Central) notes.WriteLine("Sentral instans: tar imot aggregater på POST /api/sentral/leveranser (leveringsnøkler: malekort central key).");
        if (options.DeliverTo is { } target) notes.WriteLine($"Publiserte måneder leveres til {target.Central} for {string.Join(", ", target.Offices)}.");
        app.WaitForShutdown();
        return 0;
    }

    /// <summary>The settings: environment variables (<c>Malekort__…</c>) over the JSON file, if one is given.</summary>
    private static IConfiguration Configuration(string? file)
    {
        var configuration = new ConfigurationBuilder();
        if (file is not null) configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
        return configuration.AddEnvironmentVariables().Build();
    }
}
