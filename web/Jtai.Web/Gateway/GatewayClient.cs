using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jtai.Web.Gateway;

/// <summary>The platform's API as the signed-in person sees it, through the gateway.</summary>
public sealed class GatewayClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What the page is about: a refusal (403, 404) means the person sees the GOV.UK error page; so does a 400,
    /// the page's own address being wrong (a list's cursor changed by hand).
    /// </summary>
    public async Task<T> Get<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        ThrowIfRefused(response, path);
        if (response.StatusCode == HttpStatusCode.BadRequest) throw new GatewayRefusal(response.StatusCode, path);
        return await Read<T>(response, path, ct);
    }

    /// <summary>A part of a page: null when the platform does not show it to this person (403, 404), so the part is left out.</summary>
    public async Task<T?> Find<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return null;
        ThrowIfRefused(response, path);
        return await Read<T>(response, path, ct);
    }

    /// <summary>A document to download as the platform sends it (its bytes, type and file name); refused as <see cref="Get{T}"/> is.</summary>
    public async Task<GatewayDownload> Download(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        ThrowIfRefused(response, path);
        response.EnsureSuccessStatusCode();
        return new GatewayDownload(await response.Content.ReadAsByteArrayAsync(ct),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    /// <summary>
    /// A change: the platform's answer, or its problem for the page to show beside the form (400,
    /// 409, 413, 422; and 503 when a service it needed did not answer, so the person may try again).
    /// </summary>
    public async Task<GatewayResult<T>> Send<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, ct);
        if (IsRuleRefusal(response)) return GatewayResult<T>.Refused(await GatewayProblem.Read(response, ct));
        ThrowIfRefused(response, path);
        if (IsProblem(response.StatusCode)) return GatewayResult<T>.Refused(await GatewayProblem.Read(response, ct));
        return GatewayResult<T>.Done(await Read<T>(response, path, ct));
    }

    public Task<GatewayResult<T>> Send<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        Send<T>(method, path, body is null ? null : JsonContent.Create(body, options: Json), ct);

    /// <summary>A change whose answer the page does not read (204, or a view it reloads anyway): null when done, else the problem.</summary>
    public async Task<GatewayProblem?> Send(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await http.SendAsync(request, ct);
        if (IsRuleRefusal(response)) return await GatewayProblem.Read(response, ct);
        ThrowIfRefused(response, path);
        if (IsProblem(response.StatusCode)) return await GatewayProblem.Read(response, ct);
        response.EnsureSuccessStatusCode();
        return null;
    }

    /// <summary>
    /// A change the platform refuses (403) with its reason as a problem (whose place on the team, which
    /// agency leads the statement): the page shows the reason beside the form, as it does a 400 or
    /// 409, rather than leaving the form. A bare 403 stays a refusal ("You cannot see this page").
    /// </summary>
    private static bool IsRuleRefusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static bool IsProblem(HttpStatusCode status) => status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict
        or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity or HttpStatusCode.ServiceUnavailable;

    private static async Task<T> Read<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new InvalidOperationException($"The gateway answered {path} with an empty body.");
    }

    private static void ThrowIfRefused(HttpResponseMessage response, string path)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            throw new GatewayRefusal(response.StatusCode, path);
    }
}

public sealed record GatewayDownload(byte[] Content, string ContentType, string? FileName);

public sealed record GatewayResult<T>(T? Value, GatewayProblem? Problem)
{
    public static GatewayResult<T> Done(T value) => new(value, null);
    public static GatewayResult<T> Refused(GatewayProblem problem) => new(default, problem);
}

/// <summary>An RFC 9457 problem from the platform: its title and detail, the errors by field, and the rest as sent.</summary>
public sealed record GatewayProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, JsonElement Body)
{
    public static async Task<GatewayProblem> Read(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonElement body;
        try { body = JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone(); }
        catch (JsonException) { body = JsonDocument.Parse("{}").RootElement.Clone(); }
        string? Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            foreach (var field in e.EnumerateObject())
                errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                    : [field.Value.ToString()];
        return new GatewayProblem((int)response.StatusCode, Text("title"), Text("detail"), errors, body);
    }

    /// <summary>Every message the problem carries, by field; a problem without field errors is one message (its detail or title).</summary>
    public IEnumerable<(string Field, string Message)> Messages() =>
        Errors.Count > 0
            ? Errors.SelectMany(e => e.Value.Select(m => (e.Key, m)))
            : [("", Detail ?? Title ?? "The platform refused the change.")];
}
