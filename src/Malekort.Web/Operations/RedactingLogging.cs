using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malekort.Web.Operations;

/// <summary>
/// Puts <see cref="PersonDataRedaction"/> in front of every logger the server makes. The logger factory itself is wrapped,
/// not one provider, so every sink (the console, a provider added later) gets the same redacted entries.
/// </summary>
internal static class RedactingLogging
{
    /// <summary>Replaces the registered <see cref="ILoggerFactory"/> by a redacting one over the same providers and filters.</summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(s => new RedactingLoggerFactory(new LoggerFactory(
            s.GetServices<ILoggerProvider>(),
            s.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            s.GetService<IOptions<LoggerFactoryOptions>>(),
            s.GetService<IExternalScopeProvider>())));
        return services;
    }

    private static void RemoveAll<T>(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T)) services.RemoveAt(i);
        }
    }
}

/// <summary>A logger factory whose loggers redact before they log.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

/// <summary>Redacts the message, every property, the scope and the exception's text, then passes the entry on.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(RedactedLogState.Of(state, null, null));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        ArgumentNullException.ThrowIfNull(formatter);
        var redacted = RedactedLogState.Of(state, exception, formatter);
        inner.Log(logLevel, eventId, redacted, RedactedException.Of(exception), static (s, _) => s.Message);
    }
}

/// <summary>
/// A log entry's state after redaction: the message and the properties (the template included), as the formatters read them
/// (<see cref="IReadOnlyList{T}"/> of name and value; <see cref="ToString"/> is the message).
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] properties;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] properties)
    {
        Message = message;
        this.properties = properties;
    }

    public string Message { get; }

    public int Count => properties.Length;

    public KeyValuePair<string, object?> this[int index] => properties[index];

    public static RedactedLogState Of<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter)
    {
        var message = PersonDataRedaction.Redact(formatter?.Invoke(state, exception) ?? state?.ToString() ?? "");
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, PersonDataRedaction.RedactValue(p.Value))).ToArray()
            : [];
        return new RedactedLogState(message, properties);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}

/// <summary>
/// Stands in for a logged exception whose text held person data: same type name and stack in the text, numbers masked.
/// Sinks write an exception by its <see cref="ToString"/>.
/// </summary>
#pragma warning disable CA1032, CA1064 // Never thrown or caught: it only carries redacted text to the log sinks.
internal sealed class RedactedException : Exception
#pragma warning restore CA1032, CA1064
{
    private readonly string text;

    private RedactedException(string message, string text) : base(message) => this.text = text;

    public static Exception? Of(Exception? exception)
    {
        if (exception is null) return null;
        var text = exception.ToString();
        var redacted = PersonDataRedaction.Redact(text);
        return string.Equals(text, redacted, StringComparison.Ordinal) ? exception : new RedactedException(PersonDataRedaction.Redact(exception.Message), redacted);
    }

    public override string ToString() => text;
}
