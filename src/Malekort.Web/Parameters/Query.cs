using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Parameters;

/// <summary>A bound parameter as <see cref="QueryCheck"/> sees it: its name, its text, and why the text was no value.</summary>
internal interface IQueryParameter
{
    string Name { get; }

    /// <summary>The text as given; null when absent or empty.</summary>
    string? Text { get; }

    string? Error { get; }

    /// <summary>Whether the text names something the viewer may not see (another unit's own indicator): 403, not 400.</summary>
    bool Forbidden { get; }
}

/// <summary>
/// A query-string parameter of type <typeparamref name="T"/> (<c>Month</c>, <c>UnitCode</c>, an indicator, a whole number), bound
/// by its C# name: <c>(Query&lt;Month&gt; maned) =&gt; …</c> reads <c>?maned=2024-12</c>. Absent or empty is no value; text that
/// is not a <typeparamref name="T"/> carries its error, which <see cref="QueryCheck"/> answers before the handler runs.
/// </summary>
internal readonly struct Query<T> : IQueryParameter
{
    private readonly T value;

    private Query(string name, string? text, T value, string? error, bool forbidden = false)
    {
        Forbidden = forbidden;
        Name = name;
        Text = text;
        this.value = value;
        Error = error;
    }

    public string Name { get; }

    public string? Text { get; }

    public string? Error { get; }

    public bool Forbidden { get; }

    public bool HasValue => Text is not null && Error is null;

    /// <exception cref="InvalidOperationException">There is no value (check <see cref="HasValue"/>).</exception>
    public T Value => HasValue ? value : throw new InvalidOperationException($"Parameteren «{Name}» har ingen verdi.");

    /// <summary>The value, or <paramref name="fallback"/> when the parameter was not given.</summary>
    public T Or(T fallback) => HasValue ? value : fallback;

    /// <summary>Reads a parameter's text from anywhere (a form field, a JSON field) exactly as a query string is read.</summary>
    public static Query<T> Read(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(name, null, default!, null);
        return QueryParameters.TryRead<T>(name, text, out var value, out var error)
            ? new(name, text, value, null)
            : new(name, text, default!, error);
    }

    /// <summary>How minimal APIs bind it: by the handler parameter's name.</summary>
    public static ValueTask<Query<T>> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var name = parameter.Name ?? throw new InvalidOperationException("A query parameter needs a name.");
        var read = Read(name, context.Request.Query[name].ToString());
        // An indicator code that is no catalogue one may be an own indicator (issue 11 item 6) or an added national version (item 7), known only to this request's snapshot.
        if (typeof(T) == typeof(Indicators.IndicatorDefinition) && read.Error is not null && OwnCodes.Find(context, read.Text!) is { } own)
        {
            return ValueTask.FromResult(own.Visible
                ? new Query<T>(name, read.Text, (T)(object)own.Definition, null)
                : new Query<T>(name, read.Text, default!, $"Parameteren «{name}»: den egne indikatoren «{own.Definition.Code}» er ikke definert av "
                    + "eller gitt til enheten din.", forbidden: true));
        }
        return ValueTask.FromResult(read);
    }
}
