using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// Remembering validated tokens must not let an expired, altered or wrongly signed token through.
/// Tried through the JWT bearer handler itself, on a real socket, as every process uses it.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a signing key of at least thirty-two bytes for HS256"));
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("another signing key, also thirty-two bytes long!"));

    private static string Token(DateTime expires, SecurityKey key, string role = "inspector") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test/",
        Audience = AuthenticationSetup.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "jane"), new Claim("role", role)]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>An API that answers its caller's role; the issuer's key can be rotated while it runs.</summary>
    private sealed class Api : IAsyncDisposable
    {
        private readonly WebApplication _app;
        public SecurityKey IssuerKey { get; set; } = Key;
        public HttpClient Client { get; }

        private Api(WebApplication app, HttpClient client) { _app = app; Client = client; }

        public static async Task<Api> Start()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            Api? api = null;
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new ValidatedTokenCache(TimeSpan.FromMinutes(5), TimeProvider.System).Events();
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer.test/",
                    ValidAudience = AuthenticationSetup.Audience,
                    IssuerSigningKeyResolver = (_, _, _, _) => [api!.IssuerKey],
                    ClockSkew = TimeSpan.Zero,
                };
            });
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/role", (ClaimsPrincipal user) => user.FindFirst("role")!.Value).RequireAuthorization();
            app.MapGet("/identity", (ClaimsPrincipal user) => user.Identity!.GetType().Name).RequireAuthorization();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            api = new Api(app, new HttpClient { BaseAddress = new Uri(address) });
            return api;
        }

        public Task<(HttpStatusCode Status, string Body)> Role(string token) => Get("/role", token);

        public async Task<(HttpStatusCode Status, string Body)> Get(string path, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await Client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        await using var api = await Api.Start();
        // A token's expiry is whole seconds; leave a loaded machine time to use it twice before then.
        var expires = DateTime.UtcNow.AddSeconds(20);
        var token = Token(expires, Key);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(token));
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(token));

        while (DateTime.UtcNow < expires.AddSeconds(1)) await Task.Delay(250);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Role(token)).Status);
    }

    [Fact]
    public async Task An_altered_or_wrongly_signed_token_is_refused_even_after_the_genuine_one_was_remembered()
    {
        await using var api = await Api.Start();
        var genuine = Token(DateTime.UtcNow.AddMinutes(10), Key);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(genuine));

        var parts = genuine.Split('.');
        var payload = Base64UrlEncoder.Encode("""{"sub":"jane","role":"operations","iss":"https://issuer.test/","aud":"jtai-api"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Role($"{parts[0]}.{payload}.{parts[2]}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Role(Token(DateTime.UtcNow.AddMinutes(10), OtherKey, "operations"))).Status);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(genuine));
    }

    [Fact]
    public async Task A_remembered_token_is_not_validated_again_but_every_other_token_is_checked_with_the_current_key()
    {
        await using var api = await Api.Start();
        var remembered = Token(DateTime.UtcNow.AddMinutes(10), Key);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(remembered));

        // The issuer rotates its key: a token it signed earlier with the old one and never seen here is
        // validated in full and refused; the one already validated is still recalled; new tokens pass.
        api.IssuerKey = OtherKey;
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Role(Token(DateTime.UtcNow.AddMinutes(10), Key, "lead-inspector"))).Status);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(remembered));
        Assert.Equal((HttpStatusCode.OK, "operations"), await api.Role(Token(DateTime.UtcNow.AddMinutes(10), OtherKey, "operations")));
    }

    [Fact]
    public async Task A_token_is_validated_in_full_first_then_recalled_as_the_shared_remembered_identity()
    {
        await using var api = await Api.Start();
        var token = Token(DateTime.UtcNow.AddMinutes(10), Key);
        var validated = await api.Get("/identity", token);
        Assert.Equal(HttpStatusCode.OK, validated.Status);
        Assert.NotEqual(nameof(RememberedIdentity), validated.Body);
        Assert.Equal((HttpStatusCode.OK, nameof(RememberedIdentity)), await api.Get("/identity", token));
    }
}
