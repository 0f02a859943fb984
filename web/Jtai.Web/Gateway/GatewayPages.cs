using Jtai.ServiceDefaults.Paging;

namespace Jtai.Web.Gateway;

/// <summary>The platform's paged lists (<c>?limit=&amp;after=</c>, each page giving the next's cursor) as pages read them.</summary>
public static class GatewayPages
{
    /// <summary>The list's page after the cursor <paramref name="after"/> (the first page when null).</summary>
    public static string After(string path, string? after) =>
        string.IsNullOrEmpty(after) ? path : $"{path}{(path.Contains('?') ? '&' : '?')}after={Uri.EscapeDataString(after)}";

    /// <summary>
    /// Every item, page after page: only for a page that truly needs the whole list and whose list is one
    /// inspection's (a handful of pages at most); lists across inspections are shown a page at a time.
    /// </summary>
    public static async Task<List<T>> AllPages<T>(this GatewayClient gateway, string path, CancellationToken ct)
    {
        var first = $"{path}{(path.Contains('?') ? '&' : '?')}limit={PageQuery.MaxLimit}";
        var items = new List<T>();
        string? next = null;
        do
        {
            var page = await gateway.Get<Page<T>>(After(first, next), ct);
            items.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return items;
    }
}
