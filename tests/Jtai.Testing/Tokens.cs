using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jtai.Testing;

/// <summary>Real tokens from the gateway's development issuer (client credentials), cached per identity.</summary>
public sealed class Tokens(HttpClient gateway)
{
    public const string DevClientId = "jtai-dev";
    public const string DevClientSecret = "jtai-dev-secret";
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public Task<string> Staff(string role, string inspectorate, string? subject = null) =>
        Get(new() { ["role"] = role, ["inspectorate"] = inspectorate, ["sub"] = subject ?? $"{inspectorate}-{role}" });

    public Task<string> Partner(string localArea, string agency, string? subject = null) =>
        Get(new() { ["role"] = "partner-agency", ["local_area"] = localArea, ["agency"] = agency, ["sub"] = subject ?? $"{localArea}-{agency}" });

    /// <summary>A health body CQC named for the inspection (¶105): a health partner whose token names the body.</summary>
    public Task<string> HealthBody(string localArea, string body, string? subject = null) =>
        Get(new() { ["role"] = "partner-agency", ["local_area"] = localArea, ["agency"] = "health", ["health_body"] = body, ["sub"] = subject ?? $"{localArea}-health-{body}" });

    public Task<string> Operations(string subject = "operator") => Get(new() { ["role"] = "operations", ["sub"] = subject });

    public async Task<string> Get(Dictionary<string, string> claims)
    {
        var key = string.Join('&', claims.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var form = new Dictionary<string, string>(claims)
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DevClientId,
            ["client_secret"] = DevClientSecret,
        };
        var token = await Request(form);
        _cache[key] = token;
        return token;
    }

    /// <summary>The raw token request: for a configured client, or to see a refusal.</summary>
    public async Task<string> Request(Dictionary<string, string> form)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Token request refused ({(int)response.StatusCode}): {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
