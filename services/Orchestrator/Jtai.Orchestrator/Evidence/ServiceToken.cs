using System.Text.Json;
using Grpc.Core;

namespace Jtai.Orchestrator.Evidence;

public sealed class ServiceClientOptions
{
    public const string Section = "ServiceClient";
    /// <summary>The orchestrator's own OAuth2 client (client credentials); its token carries role "service".</summary>
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>Defaults to {Authentication:Authority}/connect/token.</summary>
    public string? TokenEndpoint { get; set; }
}

/// <summary>
/// The orchestrator's own token for service-to-service gRPC (completeness, shared-record lookups).
/// Not the caller's token: an Ofsted lead asking about completeness must not become a CQC reader,
/// and the services grant these aggregate calls to the platform-service policy only.
/// Cached until shortly before it expires.
/// </summary>
public sealed class ServiceToken(IHttpClientFactory http, IConfiguration configuration, TimeProvider clock)
{
    public const string HttpClientName = "service-token";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset Until)? _cached;

    public async Task<Metadata> Headers(CancellationToken ct) => new() { { "Authorization", $"Bearer {await Get(ct)}" } };

    public async Task<string> Get(CancellationToken ct)
    {
        if (_cached is { } c && c.Until > clock.GetUtcNow()) return c.Token;
        await _lock.WaitAsync(ct);
        try
        {
            if (_cached is { } again && again.Until > clock.GetUtcNow()) return again.Token;
            var options = configuration.GetSection(ServiceClientOptions.Section).Get<ServiceClientOptions>() ?? new ServiceClientOptions();
            if (string.IsNullOrEmpty(options.ClientId))
                throw new RpcException(new Status(StatusCode.Unauthenticated, "ServiceClient:ClientId is not configured."));
            var endpoint = options.TokenEndpoint ?? $"{configuration["Authentication:Authority"]!.TrimEnd('/')}/connect/token";
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret,
            }), ct);
            if (!response.IsSuccessStatusCode)
                throw new RpcException(new Status(StatusCode.Unauthenticated, $"The token endpoint refused the orchestrator's client ({(int)response.StatusCode})."));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var token = body.RootElement.GetProperty("access_token").GetString()!;
            var lifetime = body.RootElement.TryGetProperty("expires_in", out var e) ? TimeSpan.FromSeconds(e.GetInt32()) : TimeSpan.FromMinutes(5);
            _cached = (token, clock.GetUtcNow() + lifetime * 0.8);
            return token;
        }
        catch (HttpRequestException ex)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The token endpoint did not answer: {ex.Message}"));
        }
        finally { _lock.Release(); }
    }
}
