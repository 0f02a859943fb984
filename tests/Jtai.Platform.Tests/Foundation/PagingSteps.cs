using System.Net;
using System.Text.Json.Nodes;
using Jtai.ServiceDefaults.Paging;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>Walking a paged list (<c>{items, next}</c>) as a caller does, checking every page on the way.</summary>
public static class PagingSteps
{
    /// <summary>
    /// Every item of the list, read <paramref name="limit"/> at a time: each page followed by another is full and the last
    /// one's <c>next</c> is null, so no item is skipped at a page's edge.
    /// </summary>
    public static async Task<List<JsonNode>> Walk(this HttpClient client, string path, int limit = 2)
    {
        var items = new List<JsonNode>();
        string? next = null;
        do
        {
            var query = $"{(path.Contains('?') ? '&' : '?')}limit={limit}" + (next is null ? "" : $"&after={Uri.EscapeDataString(next)}");
            var page = await (await client.GetAsync(path + query)).Expect(HttpStatusCode.OK);
            var got = page["items"]!.AsArray().Select(i => i!).ToList();
            next = page["next"]?.GetValue<string>();
            if (next is not null) Assert.Equal(limit, got.Count);
            else Assert.InRange(got.Count, 0, limit);
            items.AddRange(got);
        }
        while (next is not null);
        return items;
    }

    /// <summary>The ids of the walked items, asserting none came twice.</summary>
    public static List<Guid> Ids(this IEnumerable<JsonNode> items, string field = "id")
    {
        var ids = items.Select(i => i[field]!.GetValue<Guid>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    /// <summary>A limit out of range and a cursor the list never gave are 400 problems naming the field.</summary>
    public static async Task RefusesBadPaging(this HttpClient client, string path)
    {
        var separator = path.Contains('?') ? '&' : '?';
        foreach (var limit in new[] { 0, PageQuery.MaxLimit + 1 })
        {
            var problem = await (await client.GetAsync($"{path}{separator}limit={limit}")).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["limit"]);
        }
        var forged = await (await client.GetAsync($"{path}{separator}after=not-a-cursor")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(forged["errors"]!["after"]);
    }
}
