using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jtai.Gateway.Identity;

/// <summary>
/// The identity a developer asks for (role, inspectorate, local area, agency, subject, name), checked
/// against the platform's vocabulary: the same rules for the impersonation client's token request
/// and for the person chosen on the development sign-in page.
/// </summary>
internal static class DevIdentity
{
    /// <summary>The parameters that carry the choice, by claim type.</summary>
    public static readonly string[] Parameters =
        [JtaiClaims.Role, JtaiClaims.Inspectorate, JtaiClaims.LocalArea, JtaiClaims.Agency, JtaiClaims.HealthBody, JtaiClaims.Subject, JtaiClaims.Name];

    /// <summary>Claims the web service shows (who is signed in); the id token carries them beside the access token.</summary>
    private static readonly HashSet<string> ProfileClaims =
        [JtaiClaims.Subject, JtaiClaims.Name, JtaiClaims.Role, JtaiClaims.Inspectorate, JtaiClaims.LocalArea, JtaiClaims.Agency, JtaiClaims.HealthBody];

    /// <summary>Builds the identity, or says (naming the parameter) why the choice is not one the platform knows.</summary>
    public static (ClaimsIdentity? Identity, DevIdentityProblem? Problem) Build(Func<string, string?> parameter)
    {
        string? Param(string name) => string.IsNullOrWhiteSpace(parameter(name)) ? null : parameter(name)!.Trim();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, JtaiClaims.Name, JtaiClaims.Role);

        var roles = (Param(JtaiClaims.Role) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (roles.Length == 0) return Refuse(JtaiClaims.Role, "Ask for at least one role.");
        if (roles.FirstOrDefault(r => !JtaiRoles.All.Contains(r)) is { } unknown)
            return Refuse(JtaiClaims.Role, $"Unknown role '{unknown}'. Roles: {string.Join(", ", JtaiRoles.All)}.");
        foreach (var role in roles) identity.AddClaim(new Claim(JtaiClaims.Role, role));

        if (roles.Any(JtaiRoles.Staff.Contains))
        {
            var inspectorate = Param(JtaiClaims.Inspectorate);
            if (inspectorate is null || !Inspectorates.All.Contains(inspectorate))
                return Refuse(JtaiClaims.Inspectorate, $"Inspectorate staff belong to one inspectorate: {string.Join(", ", Inspectorates.All)}.");
            identity.AddClaim(new Claim(JtaiClaims.Inspectorate, inspectorate));
        }
        if (roles.Contains(JtaiRoles.PartnerAgency))
        {
            var area = Param(JtaiClaims.LocalArea);
            if (area is null) return Refuse(JtaiClaims.LocalArea, "A partner agency has one local area: enter its ONS code, like E08000025.");
            var agency = Param(JtaiClaims.Agency);
            if (agency is null || !Agencies.All.Contains(agency))
                return Refuse(JtaiClaims.Agency, $"A partner agency is one of: {string.Join(", ", Agencies.All)}.");
            identity.AddClaim(new Claim(JtaiClaims.LocalArea, area.ToUpperInvariant()));
            identity.AddClaim(new Claim(JtaiClaims.Agency, agency));
            // ¶105: a health partner may be one of the health bodies CQC names (the ICB, a trust), answering as itself.
            if (Param(JtaiClaims.HealthBody) is { } body)
            {
                if (agency != HealthBodyKeys.HealthAgency)
                    return Refuse(JtaiClaims.HealthBody, "Only a health partner is a health body.");
                if (!HealthBodyKeys.IsValid(body.ToLowerInvariant()))
                    return Refuse(JtaiClaims.HealthBody, $"A health body's key is {HealthBodyKeys.Rule}.");
                identity.AddClaim(new Claim(JtaiClaims.HealthBody, body.ToLowerInvariant()));
            }
        }
        var subject = Param(JtaiClaims.Subject) ?? $"dev-{string.Join('-', roles)}-{Guid.NewGuid():N}";
        identity.AddClaim(new Claim(JtaiClaims.Subject, subject));
        identity.AddClaim(new Claim(JtaiClaims.Name, Param(JtaiClaims.Name) ?? subject));
        return (identity, null);
    }

    /// <summary>Audience, scopes (the requested ones plus the platform's for the roles) and where each claim goes.</summary>
    public static ClaimsPrincipal Principal(ClaimsIdentity identity, IEnumerable<string> requestedScopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(AuthenticationSetup.Audience);
        principal.SetScopes(requestedScopes.Union(ScopesFor(principal)));
        var identityToken = principal.HasScope(Scopes.OpenId);
        principal.SetDestinations(claim => identityToken && ProfileClaims.Contains(claim.Type)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return principal;
    }

    private static IEnumerable<string> ScopesFor(ClaimsPrincipal principal)
    {
        if (principal.IsStaff()) yield return JtaiScopes.Staff;
        if (principal.IsPartner()) yield return JtaiScopes.Partner;
        if (principal.HasRole(JtaiRoles.Operations)) yield return JtaiScopes.Operations;
    }

    private static (ClaimsIdentity?, DevIdentityProblem?) Refuse(string parameter, string message) => (null, new DevIdentityProblem(parameter, message));
}

internal sealed record DevIdentityProblem(string Parameter, string Message);
