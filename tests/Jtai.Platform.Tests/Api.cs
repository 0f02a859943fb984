using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Jtai.Platform.Tests;

/// <summary>Small helpers for talking JSON to the platform and reading problem details.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> ReadJson(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonNode> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode}: {body}");
        return string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 9457 problem detail and returns it.</summary>
    public static async Task<JsonNode> ExpectProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Expect(status);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    /// <summary>Every item of a paged list, following each page's <c>next</c> cursor.</summary>
    public static async Task<List<JsonNode>> AllPages(this HttpClient client, string path)
    {
        var items = new List<JsonNode>();
        string? next = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await (await client.GetAsync(next is null ? path : $"{path}{separator}after={Uri.EscapeDataString(next)}")).Expect(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            next = page["next"]?.GetValue<string>();
        }
        while (next is not null);
        return items;
    }

    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json);
}
