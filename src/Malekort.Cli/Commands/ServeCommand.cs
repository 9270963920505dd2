using System.CommandLine;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web;
using Malekort.Web.Operations;
using Microsoft.Extensions.Hosting;

namespace Malekort.Cli.Commands;

/// <summary><c>malekort serve [--db DB] [--urls URL] [--office NAV-nnnn] [--log-format json|text]</c>: the scorecard in the browser.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOption.Create();
        var urls = UrlsOption();
        var office = OfficeOption();
        var logFormat = LogFormatOption();
        var command = new Command("serve", "Vis målekortet i nettleseren.") { db, urls, office, logFormat };
        command.SetAction(parsed =>
        {
            if (!TryOffice(parsed.GetValue(office), out var ownOffice)) return context.Fail($"--office '{parsed.GetValue(office)}' er ikke på formen NAV-nnnn.");
            using var store = StoreOption.Open(parsed.GetValue(db)!, context.Clock);
            return Serve(context, store, parsed.GetValue(urls)!, ownOffice, parsed.GetValue(logFormat));
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

    public static Option<string?> OfficeOption() => new("--office")
    {
        Description = "Kontoret som kjører målekortet (NAV-nnnn). Små tall for andre kontorers enheter skjules (:). Uten: full tilgang.",
    };

    public static bool TryOffice(string? text, out UnitCode? office)
    {
        office = null;
        if (text is null) return true;
        if (!UnitCode.TryParse(text, out var code) || code.Kind != UnitKind.Office) return false;
        office = code;
        return true;
    }

    public static int Serve(CliContext context, IMalekortStore store, string urls, UnitCode? ownOffice, LogFormat logFormat = LogFormat.Text)
    {
        using var app = MalekortWeb.Build(new MalekortWebOptions { Urls = urls, OwnOffice = ownOffice, LogFormat = logFormat }, store, context.Clock);
        app.Start();
        // With JSON logs standard output carries JSON lines only (docs/operations.md): the notes for a person go to standard error.
        var notes = logFormat == LogFormat.Json ? context.Error : context.Output;
        notes.WriteLine($"Målekort kjører på {string.Join(", ", app.Urls)} ({store.Description}). Stopp med Ctrl+C.");
        app.WaitForShutdown();
        return 0;
    }
}
