using System.Reflection;
using System.Text.Json.Nodes;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Exports;
using Malekort.Web.Parameters;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Malekort.Web.ApiDocs;

/// <summary>
/// Describes every <c>Query&lt;T&gt;</c> parameter of an endpoint, which ASP.NET Core cannot see through its custom binding: its
/// name from the handler, its schema from <c>T</c> and its description in the words of its own error (<see cref="QueryParameters"/>).
/// </summary>
internal static class QueryParameterTransformer
{
    public static Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Handler(context) is not { } handler) return Task.CompletedTask;
        foreach (var parameter in handler.GetParameters())
        {
            if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(Query<>)) continue;
            var type = parameter.ParameterType.GetGenericArguments()[0];
            var name = parameter.Name!;
            operation.Parameters ??= [];
            foreach (var found in operation.Parameters.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList())
                operation.Parameters.Remove(found);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = false,
                Description = $"Må være {QueryParameters.Expected(type)}.",
                Schema = SchemaOf(type),
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>The handler of a minimal API endpoint, which ASP.NET Core keeps among its metadata.</summary>
    public static MethodInfo? Handler(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();

    private static OpenApiSchema SchemaOf(Type type)
    {
        if (type == typeof(int)) return new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        if (type == typeof(Month)) return new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{4}-(0[1-9]|1[0-2])$" };
        if (type == typeof(IndicatorDefinition)) return Enumeration(IndicatorCatalog.All.Select(d => d.Code));
        if (type == typeof(ExportFormat)) return Enumeration(Enum.GetValues<ExportFormat>().Select(f => f.Name()));
        return new OpenApiSchema { Type = JsonSchemaType.String };
    }

    private static OpenApiSchema Enumeration(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
}
