using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// Remembering validated tokens must not let an expired, altered or wrongly signed token through, and a
/// recalled request must be authenticated as the handler would have authenticated it. Tried through the
/// JWT bearer handler and the platform's authentication middleware, on a real socket, as every process uses them.
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

        /// <summary>Times the JWT bearer handler was asked to authenticate a request.</summary>
        public int HandlerCalls;

        /// <param name="schemeAnsweringRequests">Also a scheme that answers some requests itself, as the development issuer's does.</param>
        public static async Task<Api> Start(bool schemeAnsweringRequests = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            Api? api = null;
            var tokens = new ValidatedTokenCache(TimeSpan.FromMinutes(5), TimeProvider.System);
            builder.Services.AddSingleton(tokens);
            var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = tokens.Events();
                var recall = o.Events.OnMessageReceived;
                o.Events.OnMessageReceived = context =>
                {
                    Interlocked.Increment(ref api!.HandlerCalls);
                    return recall(context);
                };
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer.test/",
                    ValidAudience = AuthenticationSetup.Audience,
                    IssuerSigningKeyResolver = (_, _, _, _) => [api!.IssuerKey],
                    ClockSkew = TimeSpan.Zero,
                };
            });
            if (schemeAnsweringRequests) authentication.AddScheme<AuthenticationSchemeOptions, AnsweringScheme>("answering", null);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseJtaiAuthentication();
            app.UseAuthorization();
            app.MapGet("/role", (ClaimsPrincipal user) => user.FindFirst("role")!.Value).RequireAuthorization();
            app.MapGet("/identity", (ClaimsPrincipal user) => user.Identity!.GetType().Name).RequireAuthorization();
            // What the authentication left for the rest of the pipeline: its result's scheme and times, and the user both features give.
            app.MapGet("/ticket", (HttpContext http) =>
            {
                var result = http.Features.Get<IAuthenticateResultFeature>()!.AuthenticateResult!;
                var user = http.Features.Get<IHttpAuthenticationFeature>()!.User;
                return $"{result.Ticket!.AuthenticationScheme} {result.Properties!.IssuedUtc:O} {result.Properties.ExpiresUtc:O} " +
                    $"{ReferenceEquals(user, http.User)} {ReferenceEquals(result.Principal, http.User)} {http.Features.Get<IAuthenticationFeature>()?.OriginalPath}";
            }).RequireAuthorization();
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

    /// <summary>A scheme that answers requests to /answered itself, inside ASP.NET Core's authentication middleware.</summary>
    private sealed class AnsweringScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        public async Task<bool> HandleRequestAsync()
        {
            if (Request.Path != "/answered") return false;
            await Response.WriteAsync("answered by the scheme");
            return true;
        }
    }

    [Fact]
    public async Task A_remembered_token_authenticates_its_request_without_the_handler_and_as_the_handler_did()
    {
        await using var api = await Api.Start();
        var token = Token(DateTime.UtcNow.AddMinutes(10), Key);
        var validated = await api.Get("/ticket", token);
        Assert.Equal(1, api.HandlerCalls);

        var recalled = await api.Get("/ticket", token);
        Assert.Equal((HttpStatusCode.OK, validated.Body), recalled);
        Assert.StartsWith($"{JwtBearerDefaults.AuthenticationScheme} ", recalled.Body);
        Assert.EndsWith(" True True /ticket", recalled.Body);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(token));
        // Neither request after the first reached the handler: nothing authenticated them again in front of the recall.
        Assert.Equal(1, api.HandlerCalls);
        // A request without a token goes to the handler, which refuses it.
        using var anonymous = await api.Client.GetAsync("/role");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(2, api.HandlerCalls);
    }

    [Fact]
    public async Task Where_a_scheme_answers_requests_itself_every_request_goes_through_the_authentication_middleware()
    {
        await using var api = await Api.Start(schemeAnsweringRequests: true);
        var token = Token(DateTime.UtcNow.AddMinutes(10), Key);
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(token));
        Assert.Equal((HttpStatusCode.OK, "answered by the scheme"), await api.Get("/answered", token));
        Assert.Equal((HttpStatusCode.OK, "inspector"), await api.Role(token));
        // The remembered token is still recalled, by the handler's first event.
        Assert.Equal((HttpStatusCode.OK, nameof(RememberedIdentity)), await api.Get("/identity", token));
        Assert.Equal(3, api.HandlerCalls);
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
