using Jtai.ServiceDefaults.Paging;

namespace Jtai.Web.Gateway;

/// <summary>
/// The platform's lists come a page at a time (<c>{items, next}</c>). A page that needs the whole of one (every follow-up of an
/// inspection, every document filed) reads each page in turn, the largest the platform gives, following <c>next</c> to the end.
/// </summary>
public static class GatewayPages
{
    /// <summary>Every item of the list, refused as <see cref="GatewayClient.Get{T}"/> is.</summary>
    public static async Task<List<T>> GetAll<T>(this GatewayClient gateway, string path, CancellationToken ct)
    {
        var items = new List<T>();
        string? next = null;
        do
        {
            var page = await gateway.Get<Page<T>>(PageAfter(path, next), ct);
            items.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return items;
    }

    /// <summary>Every item of the list, or null when the platform does not show it to this person (403, 404 on the first page).</summary>
    public static async Task<List<T>?> FindAll<T>(this GatewayClient gateway, string path, CancellationToken ct)
    {
        if (await gateway.Find<Page<T>>(PageAfter(path, null), ct) is not { } first) return null;
        var items = new List<T>(first.Items);
        for (var next = first.Next; next is not null;)
        {
            var page = await gateway.Get<Page<T>>(PageAfter(path, next), ct);
            items.AddRange(page.Items);
            next = page.Next;
        }
        return items;
    }

    /// <summary>The list's page after the cursor <paramref name="after"/> (the first page when null): what a page's Next link asks for.</summary>
    public static string After(string path, string? after) =>
        string.IsNullOrEmpty(after) ? path : $"{path}{(path.Contains('?') ? '&' : '?')}after={Uri.EscapeDataString(after)}";

    private static string PageAfter(string path, string? after)
    {
        var query = $"{(path.Contains('?') ? '&' : '?')}limit={PageQuery.MaxLimit}";
        return after is null ? path + query : $"{path}{query}&after={Uri.EscapeDataString(after)}";
    }
}
