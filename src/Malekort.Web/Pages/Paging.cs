using Malekort.Web.Parameters;

namespace Malekort.Web.Pages;

/// <summary>
/// One page of a long list (<c>?side=N</c>): which items it shows and how many pages there are. Lists that grow with the data
/// (the import log, an input's findings) are shown a page at a time, so no request renders or loads more than a page.
/// </summary>
/// <param name="Number">The page, from 1.</param>
/// <param name="Size">Items on a page.</param>
/// <param name="Total">Items in all.</param>
public sealed record Paging(int Number, int Size, long Total)
{
    /// <summary>Pages in all; at least 1, also for an empty list.</summary>
    public int Pages => (int)Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>How many items come before this page.</summary>
    public int Offset => (Number - 1) * Size;

    /// <summary>The page asked for (<c>?side=</c>, 1 when not given); false with a Norwegian reason when there is no such page.</summary>
    internal static bool TryRead(Query<int> side, int size, long total, out Paging paging, out string error)
    {
        paging = new Paging(side.Or(1), size, total);
        error = paging.Number >= 1 && paging.Number <= paging.Pages
            ? ""
            : QueryParameters.OutsideRange(side.Name, 1, paging.Pages, side.Text ?? "");
        return error.Length == 0;
    }
}
