using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Malekort.Web.Pages;

/// <summary>
/// Parts of pages rendered once per snapshot and kept while it lives (<see cref="State.ScorecardSnapshot.Parts"/>): the unit list of
/// the picker, the month choices. They are few and small and nearly every page shows one, so, unlike the snapshot's response
/// cache, nothing is ever evicted. They show no numbers, only what every viewer sees (names, codes, months), so one copy serves
/// every viewer: anything that shows a number belongs in the response cache, keyed by the viewer's scope.
/// </summary>
internal sealed class PageParts
{
    private readonly ConcurrentDictionary<(Type Part, object? Key), Lazy<Task<MarkupString>>> parts = new();

    /// <summary>The part <typeparamref name="TPart"/> for <paramref name="key"/>, rendered from <paramref name="model"/> the first time.</summary>
    public Task<MarkupString> Get<TPart, TModel>(object? key, Func<TModel> model) where TPart : PageBase<TModel> =>
        parts.GetOrAdd((typeof(TPart), key), _ => new Lazy<Task<MarkupString>>(() => Page.Render<TPart, TModel>(model()))).Value;
}
