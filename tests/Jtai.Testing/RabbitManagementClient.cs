using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Jtai.Testing;

/// <summary>The broker's management HTTP API: virtual hosts per test platform, queues, error queues.</summary>
public sealed class RabbitManagementClient
{
    private readonly HttpClient _http;

    public RabbitManagementClient(Uri management)
    {
        var user = Uri.UnescapeDataString(management.UserInfo);
        _http = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.IsNullOrEmpty(user) ? "guest:guest" : user)));
    }

    public async Task<bool> IsUp()
    {
        try
        {
            using var response = await _http.GetAsync("api/aliveness-test/%2F");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    public async Task CreateVhost(string vhost, string user = "guest")
    {
        (await _http.PutAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}", null)).EnsureSuccessStatusCode();
        (await _http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(vhost)}/{user}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DeleteVhost(string vhost) => await _http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}");

    public async Task<IReadOnlyList<string>> QueueNames(string vhost)
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(vhost)}?columns=name");
        return queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>One queue as the broker describes it (type, arguments, counts), or null if there is none.</summary>
    public async Task<JsonElement?> Queue(string vhost, string queue)
    {
        using var response = await _http.GetAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads (and requeues) up to <paramref name="count"/> messages of a queue: body and headers.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> Peek(string vhost, string queue, int count = 10)
    {
        using var response = await _http.PostAsJsonAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return [];
        // A quorum queue is listed as soon as it is declared, but its replica process starts a moment
        // later; a get in between is refused with 400 "noproc". Nothing can be in it yet.
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest && (await response.Content.ReadAsStringAsync()).Contains("noproc"))
            return [];
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Select(m => new QueuedMessage(
            m.GetProperty("payload").GetString() ?? "",
            m.GetProperty("properties").TryGetProperty("headers", out var h) ? h : default)).ToList();
    }
}

public sealed record QueuedMessage(string Body, JsonElement Headers)
{
    public string? Header(string name) =>
        Headers.ValueKind == JsonValueKind.Object && Headers.TryGetProperty(name, out var v) ? v.ToString() : null;
}
