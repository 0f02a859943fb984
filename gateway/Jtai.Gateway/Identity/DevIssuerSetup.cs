using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jtai.Gateway.Identity;

public static class DevIssuerSetup
{
    /// <summary>
    /// An OAuth2/OpenID Connect issuer (OpenIddict, degraded mode: clients come from configuration,
    /// nothing is stored) so every role can get a real signed token locally: client credentials for
    /// scripts and partner systems, authorization code with PKCE and a sign-in page where a developer
    /// chooses who to be for the web service.
    /// </summary>
    public static WebApplicationBuilder AddDevIssuer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity:DevIssuer");
        var options = section.Get<DevIssuerOptions>() ?? new DevIssuerOptions();
        if (!options.Enabled) return builder;
        // Anything but a developer's machine (Staging included) trusts the inspectorates' issuer only.
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Identity:DevIssuer is enabled in {builder.Environment.EnvironmentName}; it runs in Development only. " +
                "Configure Authentication:Authority to the inspectorates' OIDC issuer instead.");
        // Without a configured issuer OpenIddict would name itself and its endpoints after the request's Host header.
        var issuer = options.Issuer ?? builder.Configuration["Authentication:Authority"];
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri))
            throw new InvalidOperationException("Identity:DevIssuer:Issuer (or Authentication:Authority) must be an absolute URL.");

        builder.Services.Configure<DevIssuerOptions>(section);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuerUri);
            server.SetTokenEndpointUris("connect/token");
            server.SetAuthorizationEndpointUris("connect/authorize");
            server.SetEndSessionEndpointUris("connect/endsession");
            server.AllowClientCredentialsFlow();
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile);
            server.EnableDegradedMode();
            server.DisableScopeValidation();
            server.DisableAccessTokenEncryption();   // services read plain signed JWTs
            server.SetAccessTokenLifetime(options.AccessTokenLifetime);
            // Ephemeral keys: a restart rotates them; services refetch the JWKS on an unknown key id.
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            server.UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h =>
                h.UseSingletonHandler<ValidateDevClient>());
            // The discovery document names its endpoints under the configured issuer, not under the
            // address the caller typed (a Host header would otherwise point clients elsewhere).
            server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(h => h
                .UseInlineHandler(context => { context.BaseUri = issuerUri; return ValueTask.CompletedTask; })
                .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1));
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h =>
                h.UseSingletonHandler<ValidateWebClientRedirect>());
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(h =>
                h.UseSingletonHandler<ValidatePostLogoutRedirect>());
        });
        // The sign-in page is a form: it carries an anti-forgery token like every form of the platform.
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "jtai-dev-issuer-antiforgery");
        return builder;
    }

    /// <summary>
    /// The token endpoint, behind a fixed-window limit per client address. Call before
    /// MapServiceDefaults: OpenIddict authenticates the client inside UseAuthentication, so the limit
    /// must come first to slow down guessed secrets as well.
    /// </summary>
    public static WebApplication MapDevIssuer(this WebApplication app)
    {
        var options = app.Services.GetService<IOptions<DevIssuerOptions>>()?.Value;
        if (options?.Enabled != true) return app;
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/connect"), issuer => issuer.UseRateLimiter(Limit(options.RateLimit)));
        // The issuer's endpoints are public: OpenIddict authenticates the client, the sign-in page the person.
        app.MapPost("/connect/token", DevTokenEndpoint.Issue).RequireStanding(Rules.Public).ExcludeFromDescription();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], DevSignIn.Authorize).RequireStanding(Rules.Public).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], DevSignIn.EndSession).RequireStanding(Rules.Public).ExcludeFromDescription();
        return app;
    }

    private static RateLimiterOptions Limit(DevIssuerRateLimit limit) => new()
    {
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 })),
        OnRejected = async (ctx, _) =>
        {
            var http = ctx.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 429, Title = "Too many token requests.", Detail = "Retry after the time in Retry-After." },
            });
        },
    };

    /// <summary>Client authentication against configuration (degraded mode has no client store).</summary>
    private sealed class ValidateDevClient(IOptionsMonitor<DevIssuerOptions> options)
        : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
        {
            var current = options.CurrentValue;
            IEnumerable<ClientCredentials?> allowed;
            if (context.Request.IsClientCredentialsGrantType())
                allowed = current.Clients.Cast<ClientCredentials>().Append(current.Impersonation);
            else if (context.Request.IsAuthorizationCodeGrantType())
                allowed = current.WebClients;   // a confidential client: its secret and the PKCE verifier
            else
            {
                context.Reject(Errors.UnsupportedGrantType, "Only the client credentials and authorization code grants are supported.");
                return ValueTask.CompletedTask;
            }
            var known = allowed.OfType<ClientCredentials>().FirstOrDefault(c => c.ClientId == context.ClientId);
            if (known is null || !SecretsEqual(known.ClientSecret, context.ClientSecret))
                context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
            return ValueTask.CompletedTask;
        }

        private static bool SecretsEqual(string expected, string? given) =>
            given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }

    /// <summary>Degraded mode has no client store: the web client and its exact redirect URI come from configuration.</summary>
    private sealed class ValidateWebClientRedirect(IOptionsMonitor<DevIssuerOptions> options)
        : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.ValidateAuthorizationRequestContext context)
        {
            var client = options.CurrentValue.WebClients.FirstOrDefault(c => c.ClientId == context.ClientId);
            if (client is null)
                context.Reject(Errors.InvalidClient, "Unknown web client.");
            else if (context.RedirectUri is null || !client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
                context.Reject(Errors.InvalidRequest, "The redirect_uri is not one of the client's.");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A sign-out may only return to an address a configured web client named.</summary>
    private sealed class ValidatePostLogoutRedirect(IOptionsMonitor<DevIssuerOptions> options)
        : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.ValidateEndSessionRequestContext context)
        {
            if (context.PostLogoutRedirectUri is { } uri
                && !options.CurrentValue.WebClients.Any(c => c.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal)))
                context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not one of a client's.");
            return ValueTask.CompletedTask;
        }
    }
}
