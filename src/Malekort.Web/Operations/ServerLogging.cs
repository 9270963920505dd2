using Microsoft.Extensions.Logging;

namespace Malekort.Web.Operations;

/// <summary>How the server writes its log to standard output.</summary>
public enum LogFormat
{
    /// <summary>Readable lines, for a person at a terminal (<c>demo</c>, development).</summary>
    Text,

    /// <summary>One JSON object per line, for journald, a container runtime or a log collector (<c>serve</c>).</summary>
    Json,
}

/// <summary>The console log in the chosen format.</summary>
internal static class ServerLogging
{
    public static void UseFormat(this ILoggingBuilder logging, LogFormat format)
    {
        if (format != LogFormat.Json) return;
        logging.ClearProviders();
        // Scopes stay off: they would repeat request paths and ids on every line without saying more.
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions
            {
                Indented = false,
                // Norwegian letters as themselves, not \u escapes; the formatter still escapes what JSON requires.
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
        });
    }
}
