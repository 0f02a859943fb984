using Jtai.ServiceDefaults;
using System.Text.Json;

namespace Jtai.Orchestrator.Operations;

/// <param name="Status">Healthy | Degraded | Unhealthy as the process reports it, or unreachable.</param>
/// <param name="Ready">Its /health/ready answered 200 (Degraded still takes traffic: the outbox keeps accepting work).</param>
public sealed record ServiceHealthView(string Service, string Address, bool Live, bool Ready, string Status,
    IReadOnlyList<HealthCheckView> Checks, string? Detail);

public sealed record HealthCheckView(string Name, string Status, string? Description);

/// <summary>
/// Asks each process (Services:{name}:Http, the gateway included) for /health/live and
/// /health/ready, with a short timeout: a process that does not answer is unreachable, not ready.
/// </summary>
public sealed class ServiceHealth(IHttpClientFactory http, IConfiguration configuration)
{
    public const string HttpClientName = "service-health";
    public static readonly string[] Processes = ["gateway", .. ServiceMessageLogs.Services];

    public async Task<IReadOnlyList<ServiceHealthView>> Probe(CancellationToken ct) =>
        await Task.WhenAll(Processes
            .Select(name => (Name: name, Address: configuration.ServiceAddress(name, "Http")))
            .Where(p => p.Address is not null)
            .Select(p => ProbeOne(p.Name, p.Address!, ct)));

    private async Task<ServiceHealthView> ProbeOne(string name, string address, CancellationToken ct)
    {
        using var client = http.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(address);
        try
        {
            var live = (await client.GetAsync("/health/live", ct)).IsSuccessStatusCode;
            using var ready = await client.GetAsync("/health/ready", ct);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));
            var checks = body.RootElement.TryGetProperty("checks", out var c)
                ? c.EnumerateArray().Select(e => new HealthCheckView(e.GetProperty("name").GetString()!, e.GetProperty("status").GetString()!,
                    e.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList()
                : [];
            return new ServiceHealthView(name, address, live, ready.IsSuccessStatusCode,
                body.RootElement.GetProperty("status").GetString() ?? "Unknown", checks, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ServiceHealthView(name, address, false, false, "unreachable", [], ex.Message);
        }
    }
}
