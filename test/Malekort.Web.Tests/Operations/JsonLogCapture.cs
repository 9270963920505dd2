using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Malekort.Web.Operations;

/// <summary>
/// Every log entry of a server, written by the server's own JSON console formatter exactly as standard output gets it,
/// kept in memory. Added to the server's logger factory, so it sees what every other sink sees: entries after redaction.
/// </summary>
internal sealed class JsonLogCapture(ConsoleFormatter json) : ILoggerProvider
{
    private readonly ConsoleFormatter formatter = json;
    private readonly Lock gate = new();
    private readonly StringWriter output = new(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Everything logged so far, one JSON object per line.</summary>
    public string Text
    {
        get
        {
            lock (gate) return output.ToString();
        }
    }

    /// <summary>The lines logged so far.</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => output.Dispose();

    private sealed class Logger(JsonLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture.gate)
            {
                capture.formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter),
                    null, capture.output);
            }
        }
    }
}
