using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Jtai.Web.SignIn;

/// <summary>
/// Backend-for-frontend sign-in: OpenID Connect authorization code with PKCE against the platform's
/// issuer (locally the gateway's development issuer, in production the inspectorates' own). The
/// tokens are kept in the encrypted session cookie (SaveTokens) and only ever sent to the gateway
/// by the server; the browser holds nothing it could replay against the API.
/// </summary>
public static class SignInSetup
{
    /// <summary>The __Host- prefix makes the browser insist on Secure, path "/" and no Domain.</summary>
    public const string SessionCookie = "__Host-jtai-session";

    public static WebApplicationBuilder AddWebSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Authentication");
        var authority = section["Authority"]
            ?? throw new InvalidOperationException("Authentication:Authority is not configured (the OIDC issuer's URL).");
        if (!builder.Environment.IsDevelopment())
            Jtai.ServiceDefaults.Security.AuthenticationSetup.RefuseHttpAuthorities(builder.Configuration, builder.Environment.EnvironmentName);
        var clientId = section["ClientId"] ?? throw new InvalidOperationException("Authentication:ClientId is not configured.");
        var clientSecret = section["ClientSecret"] ?? throw new InvalidOperationException("Authentication:ClientSecret is not configured.");
        var lifetime = section.GetValue("SessionLifetime", TimeSpan.FromHours(8));

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                // Lax: the session must survive the top-level redirect back from the issuer.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = false;
                o.AccessDeniedPath = "/errors/403";
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = authority;
                o.MetadataAddress = section["MetadataAddress"] ?? $"{authority.TrimEnd('/')}/.well-known/openid-configuration";
                o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
                o.ClientId = clientId;
                o.ClientSecret = clientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // A redirect, not an auto-submitting form: signing in works without JavaScript.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.TokenValidationParameters.NameClaimType = JtaiClaims.Name;
                o.TokenValidationParameters.RoleClaimType = JtaiClaims.Role;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.SignedOutRedirectUri = "/signed-out";
                if (section["PublicAuthority"] is { } publicAuthority)
                {
                    // Behind compose the server reaches the issuer by a name the browser cannot resolve.
                    o.Events.OnRedirectToIdentityProvider = ctx => Rebase(ctx.ProtocolMessage, publicAuthority);
                    o.Events.OnRedirectToIdentityProviderForSignOut = ctx => Rebase(ctx.ProtocolMessage, publicAuthority);
                }
                // The id token lives minutes; the session lasts SessionLifetime (set it to the access token's
                // lifetime). A token the gateway no longer accepts sends the person to sign in again.
                o.UseTokenLifetime = false;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication MapWebSignIn(this WebApplication app)
    {
        app.MapGet("/sign-in", (string? returnUrl, HttpContext http) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOr(returnUrl, "/inspections") },
                [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        return app;
    }

    private static Task Rebase(OpenIdConnectMessage message, string publicAuthority)
    {
        var endpoint = new Uri(message.IssuerAddress);
        message.IssuerAddress = new Uri(new Uri(publicAuthority), endpoint.PathAndQuery).ToString();
        return Task.CompletedTask;
    }

    /// <summary>Only a path of this site: never send a signed-in person to an address a link supplied.</summary>
    private static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : fallback;
}
