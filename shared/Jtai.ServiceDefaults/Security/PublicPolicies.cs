using Microsoft.AspNetCore.Authorization;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// Routes anyone may call without a token (published letters). A policy of its own because YARP
/// reserves the name "anonymous" on routes and refuses one the application registered.
/// </summary>
public static class PublicPolicies
{
    /// <summary>No token needed; the endpoint serves public information only, and reads only (the gateway route allows GET).</summary>
    public const string PublicRead = "public-read";

    public static void AddPublicPolicies(this AuthorizationOptions options) =>
        options.AddPolicy(PublicRead, p => p.RequireAssertion(_ => true));
}
