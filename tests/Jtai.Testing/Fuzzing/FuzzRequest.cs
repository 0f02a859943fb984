using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Jtai.Testing.Fuzzing;

/// <summary>The parts of one request before it is sent: path values and query as raw URL text, and the body.</summary>
public sealed class FuzzRequest(FuzzRoute route)
{
    public FuzzRoute Route { get; } = route;
    public Dictionary<string, string> PathValues { get; } = new();
    public List<(string Name, string Value)> Query { get; } = [];
    /// <summary>The JSON body as a tree; a mutation may swap one value for raw JSON text (see <see cref="Raw"/>).</summary>
    public JsonNode? Json { get; set; }
    public Dictionary<string, string> Raw { get; } = new();
    public byte[]? Body { get; set; }
    public string? ContentType { get; set; } = "application/json";
    public string Kind { get; set; } = "baseline";
    public string Target { get; set; } = "";
    public bool Direct { get; set; }
    public string? Token { get; set; }

    /// <summary>A placeholder put in the tree where raw JSON text (a lone surrogate escape, 1e400) goes.</summary>
    public string Placeholder(string raw)
    {
        var key = $"__fuzz_raw_{Raw.Count}__";
        Raw[key] = raw;
        return key;
    }

    public string PathAndQuery()
    {
        var path = Route.Path;
        foreach (var (name, value) in PathValues) path = path.Replace("{" + name + "}", value);
        return Query.Count == 0 ? path : path + "?" + string.Join('&', Query.Select(q => $"{q.Name}={q.Value}"));
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Route.Method), new Uri(PathAndQuery(), UriKind.Relative));
        var body = Body;
        if (body is null && Json is not null)
        {
            var text = Json.ToJsonString();
            foreach (var (key, raw) in Raw) text = text.Replace($"\"{key}\"", raw);
            body = Encoding.UTF8.GetBytes(text);
        }
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            else message.Content.Headers.ContentType = null;
        }
        // A large body waits for the server's go-ahead: one refused at once (413) is then answered, not cut off mid-send.
        if (body is { Length: > 1_000_000 }) message.Headers.ExpectContinue = true;
        if (Token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return message;
    }

    public override string ToString()
    {
        var url = PathAndQuery();
        if (url.Length > 200) url = url[..200] + "…";
        return $"{Route.Method} {url} [{Kind}{(Target.Length > 0 ? " " + Target : "")}]{(Direct ? " direct" : "")}";
    }
}
