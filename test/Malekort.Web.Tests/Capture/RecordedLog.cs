using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Capture;

/// <summary>
/// A log sink of the real logging pipeline: every line the server writes, with its category and level, after the server's own
/// filters (Microsoft.AspNetCore below warnings is dropped there, as on the console). A test reads what was logged.
/// </summary>
internal sealed class RecordedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> lines = new();

    /// <summary>Every line so far, oldest first.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
