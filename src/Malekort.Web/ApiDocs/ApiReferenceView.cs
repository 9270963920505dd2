using Malekort.Web.Pages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Malekort.Web.ApiDocs;

/// <summary>A query parameter of an operation.</summary>
public sealed record ApiParameterView(string Name, string Description, IReadOnlyList<string> Values);

/// <summary>An operation of the API as the reference page lists it.</summary>
public sealed record ApiOperationView(string Method, string Path, string? Summary, string? Description, IReadOnlyList<ApiParameterView> Parameters,
    IReadOnlyList<string> MediaTypes)
{
    /// <summary>An id for the operation's heading: <c>get-api-indikatorer</c>.</summary>
    public string Id => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace('{', '-').Replace('}', '-');
}

/// <summary>
/// <c>/api-dokumentasjon</c>: every operation of the generated OpenAPI document (the same document as <c>/openapi/v1.json</c>),
/// with its parameters and the formats it answers in.
/// </summary>
public sealed record ApiReferenceView(string Title, string? Description, IReadOnlyList<ApiOperationView> Operations, PageFooter Footer)
{
    internal static async Task<ApiReferenceView> Load(IServiceProvider services, CancellationToken cancellationToken)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocumentation.DocumentName).GetOpenApiDocumentAsync(cancellationToken);
        var operations = new List<ApiOperationView>();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new ApiOperationView(method.Method.ToUpperInvariant(), path, operation.Summary, operation.Description,
                    (operation.Parameters ?? []).Select(p => new ApiParameterView(p.Name ?? "", p.Description ?? "",
                        p.Schema?.Enum?.Select(e => e.ToString()).ToList() ?? [])).ToList(),
                    (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).SelectMany(r => r.Value.Content?.Keys ?? []).Distinct().ToList()));
            }
        }
        return new(document.Info.Title ?? "Målekort API", document.Info.Description, operations, PageFooter.None);
    }
}
