using Malekort.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Parameters;

/// <summary>
/// Answers a request whose <see cref="Query{T}"/> parameters did not read before its handler runs: 400 with the first error, as
/// the Norwegian error page or, under <c>/api</c>, as problem details naming the parameter. Handlers see only values or nothing.
/// </summary>
internal static class QueryCheck
{
    /// <summary>Checks the query parameters of every endpoint mapped on <paramref name="builder"/> that has any.</summary>
    public static TBuilder WithQueryCheck<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Filter);

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var bound = context.MethodInfo.GetParameters()
            .Select((p, i) => (p, i))
            .Where(x => x.p.ParameterType.IsGenericType && x.p.ParameterType.GetGenericTypeDefinition() == typeof(Query<>))
            .Select(x => x.i)
            .ToArray();
        // Endpoints without query parameters pay nothing.
        if (bound.Length == 0) return next;
        foreach (var i in bound)
        {
            var type = context.MethodInfo.GetParameters()[i].ParameterType.GetGenericArguments()[0];
            if (!QueryParameters.CanRead(type)) throw new InvalidOperationException($"Query<{type.Name}> kan ikke leses fra en adresse.");
        }
        return invocation =>
        {
            foreach (var i in bound)
            {
                if (invocation.Arguments[i] is IQueryParameter { Error: { } forbidden, Forbidden: true })
                    return ValueTask.FromResult<object?>(Access.Refusals.Forbidden(invocation.HttpContext, forbidden));
                if (invocation.Arguments[i] is IQueryParameter { Error: { } error } parameter)
                    return ValueTask.FromResult<object?>(Errors.BadParameter(invocation.HttpContext, parameter.Name, error));
            }
            return next(invocation);
        };
    }
}
