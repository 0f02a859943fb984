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
    /// <summary>Requests to the issuer's endpoints per client address (guessing a secret is slow).</summary>
    public DevIssuerRateLimit RateLimit { get; set; } = new();
}

public sealed class DevIssuerRateLimit
{
    public int PermitLimit { get; set; } = 30;
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
