namespace Jtai.Gateway.Identity;

/// <summary>
/// The embedded development token issuer (section "Identity:DevIssuer"). For local runs and tests
/// only: refused in every environment but Development, where services trust the inspectorates' OIDC
/// issuer instead.
/// </summary>
public sealed class DevIssuerOptions
{
    public bool Enabled { get; set; }
    /// <summary>
    /// The issuer URL put in tokens and under which the discovery document names its endpoints
    /// (default: Authentication:Authority). Always configured, never taken from a request's Host header.
    /// </summary>
    public string? Issuer { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>A client allowed to ask for any role's claims in the token request (stands in for interactive login).</summary>
    public ClientCredentials? Impersonation { get; set; }
    /// <summary>Fixed clients, e.g. partner agencies' systems, each with its own claims.</summary>
    public List<DevClient> Clients { get; set; } = [];
    /// <summary>
    /// Interactive clients (the web service): authorization code with PKCE, the person chosen on
    /// the development sign-in page.
    /// </summary>
    public List<DevWebClient> WebClients { get; set; } = [];
    /// <summary>Requests to the issuer's endpoints (/connect/*) per client address: guessing a secret is slow.</summary>
    public DevIssuerRateLimit RateLimit { get; set; } = new();
}

public sealed class DevIssuerRateLimit
{
    public int PermitLimit { get; set; } = 60;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public class ClientCredentials
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}

public sealed class DevClient : ClientCredentials
{
    /// <summary>Claim type to value(s); multiple values separated by spaces (e.g. "role": "lead-inspector").</summary>
    public Dictionary<string, string> Claims { get; set; } = [];
}

public sealed class DevWebClient : ClientCredentials
{
    /// <summary>Exact redirect URIs the client may ask the code to be sent to (its /signin-oidc).</summary>
    public List<string> RedirectUris { get; set; } = [];
    /// <summary>Exact URIs the client may ask to return to after signing out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
