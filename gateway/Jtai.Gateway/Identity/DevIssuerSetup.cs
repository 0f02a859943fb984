using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Jtai.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jtai.Gateway.Identity;

public static class DevIssuerSetup
{
    /// <summary>
    /// An OAuth2 client-credentials issuer (OpenIddict, degraded mode: clients come from
    /// configuration, nothing is stored) so every role can get a real signed token locally.
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
            server.AllowClientCredentialsFlow();
            server.EnableDegradedMode();
            server.DisableScopeValidation();
            server.DisableAccessTokenEncryption();   // services read plain signed JWTs
            server.SetAccessTokenLifetime(options.AccessTokenLifetime);
            // Ephemeral keys: a restart rotates them; services refetch the JWKS on an unknown key id.
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            server.UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h =>
                h.UseSingletonHandler<ValidateDevClient>());
            // The discovery document names its endpoints under the configured issuer, not under the
            // address the caller typed (a Host header would otherwise point clients elsewhere).
            server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(h => h
                .UseInlineHandler(context => { context.BaseUri = issuerUri; return ValueTask.CompletedTask; })
                .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1));
        });
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
        app.MapPost("/connect/token", DevTokenEndpoint.Issue).AllowAnonymous().ExcludeFromDescription();
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
            if (!context.Request.IsClientCredentialsGrantType())
            {
                context.Reject(Errors.UnsupportedGrantType, "Only the client credentials grant is supported.");
                return ValueTask.CompletedTask;
            }
            var current = options.CurrentValue;
            var known = current.Clients.Cast<ClientCredentials>()
                .Append(current.Impersonation)
                .OfType<ClientCredentials>()
                .FirstOrDefault(c => c.ClientId == context.ClientId);
            if (known is null || !SecretsEqual(known.ClientSecret, context.ClientSecret))
                context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
            return ValueTask.CompletedTask;
        }

        private static bool SecretsEqual(string expected, string? given) =>
            given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }
}
