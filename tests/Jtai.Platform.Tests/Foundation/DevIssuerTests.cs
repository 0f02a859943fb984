using System.Net;
using System.Text.Json;
using Jtai.Gateway;
using Jtai.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>The gateway's development issuer: Development only, named by configuration, rate limited.</summary>
public sealed class DevIssuerTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_development_issuer_refuses_to_start_outside_Development(string environment)
    {
        using var factory = new WebApplicationFactory<GatewayService>().WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Identity:DevIssuer:Enabled", "true")
            .UseSetting("Authentication:Authority", "https://127.0.0.1:1"));
        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains($"enabled in {environment}", error.Message);
        Assert.Contains("Development only", error.Message);
    }

    [Fact]
    public async Task The_issuer_and_its_endpoints_never_come_from_the_Host_header()
    {
        await using var gateway = StandaloneGateway(permitLimit: 100);
        var configured = gateway.HttpAddress.ToString();
        using var client = new HttpClient { BaseAddress = gateway.HttpAddress };

        using var discovery = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        discovery.Headers.Host = "attacker.example";
        using var document = await client.SendAsync(discovery);
        var body = await document.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.DoesNotContain("attacker", body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(configured, json.RootElement.GetProperty("issuer").GetString());
        Assert.StartsWith(configured, json.RootElement.GetProperty("token_endpoint").GetString());
        Assert.StartsWith(configured, json.RootElement.GetProperty("jwks_uri").GetString());

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = TokenForm("jtai-dev-secret") };
        tokenRequest.Headers.Host = "attacker.example";
        using var token = await client.SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var jwt = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
        Assert.Equal(configured, claims.RootElement.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task Token_requests_are_limited_per_client_address_wrong_secrets_included()
    {
        await using var gateway = StandaloneGateway(permitLimit: 3);
        using var client = new HttpClient { BaseAddress = gateway.HttpAddress };

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/connect/token", TokenForm("jtai-dev-secret"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.PostAsync("/connect/token", TokenForm("guessed-1"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.PostAsync("/connect/token", TokenForm("guessed-2"))).StatusCode);
        using var refused = await client.PostAsync("/connect/token", TokenForm("jtai-dev-secret"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "429 says when to retry");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    private static FormUrlEncodedContent TokenForm(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = Tokens.DevClientId, ["client_secret"] = secret,
        ["role"] = "operations", ["sub"] = "operator",
    });

    /// <summary>The gateway alone on a real socket (no services behind it): the issuer needs nothing else.</summary>
    private static IServiceHost StandaloneGateway(int permitLimit)
    {
        var port = ServiceHost<GatewayService>.FreePort();
        var address = $"http://127.0.0.1:{port}/";
        IServiceHost host = new ServiceHost<GatewayService>("gateway", port, ServiceHost<GatewayService>.FreePort(), new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = address,
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Identity:DevIssuer:Enabled"] = "true",
            ["Identity:DevIssuer:Issuer"] = address,
            ["Identity:DevIssuer:RateLimit:PermitLimit"] = permitLimit.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        }, TimeProvider.System);
        host.Start();
        return host;
    }
}
