using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jtai.Testing.Fuzzing;

/// <summary>One mapped operation of a service, as its OpenAPI document describes it.</summary>
public sealed record FuzzRoute(string Service, string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, JsonNode? JsonBody, bool FormBody)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A path or query parameter: its name, where it goes, its schema.</summary>
public sealed record FuzzParameter(string Name, string In, JsonNode? Schema);

/// <summary>
/// The routes to fuzz, read from each service's own OpenAPI document (/openapi/v1.json): every
/// POST, PUT and DELETE a service maps, with its parameters and body schema ($refs resolved), so
/// an endpoint added tomorrow is fuzzed without anyone listing it.
/// </summary>
public static class OpenApiRoutes
{
    public static readonly string[] Methods = ["post", "put", "delete"];

    public static async Task<IReadOnlyList<FuzzRoute>> Discover(Platform platform)
    {
        var routes = new List<FuzzRoute>();
        foreach (var service in Platform.ServiceNames)
        {
            using var client = platform.DirectClient(service);
            var document = await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json")
                ?? throw new InvalidOperationException($"{service} has no OpenAPI document.");
            routes.AddRange(Read(service, document));
        }
        return routes;
    }

    public static IEnumerable<FuzzRoute> Read(string service, JsonNode document)
    {
        var components = document["components"]?["schemas"];
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                if (!Methods.Contains(method)) continue;
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Concat(item["parameters"]?.AsArray() ?? [])
                    .Select(p => new FuzzParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"], components)))
                    .Where(p => p.In is "path" or "query")
                    .ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var json = content?.FirstOrDefault(c => c.Key.Contains("json")).Value?["schema"];
                var form = content?.Any(c => c.Key.Contains("form")) == true;
                yield return new FuzzRoute(service, method.ToUpperInvariant(), path, parameters, Resolve(json, components), form);
            }
    }

    /// <summary>A schema with every $ref replaced by its definition (recursion stops at depth 8).</summary>
    public static JsonNode? Resolve(JsonNode? schema, JsonNode? components, int depth = 0)
    {
        if (schema is null || depth > 8) return null;
        if (schema is JsonObject obj)
        {
            if (obj["$ref"]?.GetValue<string>() is { } reference)
            {
                var name = reference.Split('/')[^1];
                return Resolve(components?[name], components, depth + 1);
            }
            var copy = new JsonObject();
            foreach (var (key, value) in obj) copy[key] = Resolve(value, components, depth + 1) ?? value?.DeepClone();
            return copy;
        }
        if (schema is JsonArray array) return new JsonArray(array.Select(a => Resolve(a, components, depth + 1)).ToArray());
        return schema.DeepClone();
    }
}
