using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// Bearer tokens from any OIDC issuer named in configuration (section "Authentication"): locally,
/// the gateway's development issuer; in production, the inspectorates' identity provider. Every
/// process validates the token itself.
/// </summary>
public static class AuthenticationSetup
{
    public const string Audience = "jtai-api";

    /// <summary>Settings naming where tokens and their keys come from: https only outside Development.</summary>
    public static readonly string[] AuthorityKeys =
        ["Authentication:Authority", "Authentication:MetadataAddress", "Authentication:PublicAuthority", "ServiceClient:TokenEndpoint"];

    public static IServiceCollection AddJtaiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Authentication");
        var authority = section["Authority"]
            ?? throw new InvalidOperationException("Authentication:Authority is not configured (the OIDC issuer's URL).");
        if (!environment.IsDevelopment()) RefuseHttpAuthorities(configuration, environment.EnvironmentName);

        // A caller's token is checked in full once, then remembered for a few seconds (never past its expiry).
        var tokens = new ValidatedTokenCache(TimeSpan.FromSeconds(section.GetValue("ValidatedTokenCacheSeconds", 30)), TimeProvider.System);
        services.AddSingleton(tokens);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.MetadataAddress = section["MetadataAddress"]
                    ?? $"{authority.TrimEnd('/')}/.well-known/openid-configuration";
                options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
                options.MapInboundClaims = false;
                options.Events = tokens.Events();
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = section["Audience"] ?? Audience,
                    // Behind compose the issuer's public URL differs from the address services reach it by.
                    ValidIssuer = section["ValidIssuer"],
                    NameClaimType = JtaiClaims.Name,
                    RoleClaimType = JtaiClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorization(o => { o.AddJtaiPolicies(); o.AddPublicPolicies(); });
        return services;
    }

    /// <summary>
    /// Authentication in the pipeline: a remembered token is recalled before ASP.NET Core's middleware, which
    /// authenticates every other request (<see cref="RememberedTokenMiddleware"/>).
    /// </summary>
    public static IApplicationBuilder UseJtaiAuthentication(this IApplicationBuilder app)
    {
        // The key ASP.NET Core's UseAuthentication sets, so that WebApplication does not add that middleware again
        // in front of this one (a test fails if it does: a recalled request would reach the handler).
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app.UseMiddleware<RememberedTokenMiddleware>();
    }

    /// <summary>
    /// Keys fetched over plain http could be swapped by anyone on the path, and every token with them:
    /// outside a developer's machine the issuer, its metadata and token endpoint are https, and
    /// RequireHttpsMetadata stays on.
    /// </summary>
    public static void RefuseHttpAuthorities(IConfiguration configuration, string environment)
    {
        var http = AuthorityKeys
            .Where(key => configuration[key] is { } value && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (configuration.GetValue("Authentication:RequireHttpsMetadata", true) == false) http.Add("Authentication:RequireHttpsMetadata");
        if (http.Count > 0)
            throw new InvalidOperationException(
                $"In {environment} tokens are trusted only from https authorities: {string.Join(", ", http)} must name an https URL " +
                "(and RequireHttpsMetadata stay true). Plain http is for Development only.");
    }
}
