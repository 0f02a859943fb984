using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jtai.Web.Gateway;

/// <summary>The platform's API as the signed-in person sees it, through the gateway.</summary>
public sealed class GatewayClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> Get<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        ThrowIfRefused(response, path);
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
