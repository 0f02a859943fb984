using System.Security.Cryptography;
using System.Text;
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
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException("Identity:DevIssuer is enabled in Production. Configure Authentication:Authority to the inspectorates' OIDC issuer instead.");

        builder.Services.Configure<DevIssuerOptions>(section);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            if (options.Issuer is not null) server.SetIssuer(new Uri(options.Issuer));
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
        });
        return builder;
    }

    public static WebApplication MapDevIssuer(this WebApplication app)
    {
        if (app.Services.GetService<IOptions<DevIssuerOptions>>()?.Value.Enabled == true)
            app.MapPost("/connect/token", DevTokenEndpoint.Issue).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

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
