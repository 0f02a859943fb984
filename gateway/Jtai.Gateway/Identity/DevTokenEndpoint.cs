using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jtai.Gateway.Identity;

/// <summary>
/// Issues the token once OpenIddict has authenticated the client. A fixed client gets its
/// configured claims; the impersonation client gets the claims it asks for (role, inspectorate,
/// local_area, agency, sub, name), checked against the platform's vocabulary.
/// </summary>
internal static class DevTokenEndpoint
{
    public static Results<SignInHttpResult, ProblemHttpResult> Issue(HttpContext http, IOptionsMonitor<DevIssuerOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var config = options.CurrentValue;

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, JtaiClaims.Name, JtaiClaims.Role);
        string? problem;
        if (config.Impersonation is { } impersonation && request.ClientId == impersonation.ClientId)
            problem = AddRequestedClaims(identity, request);
        else
        {
            var client = config.Clients.Single(c => c.ClientId == request.ClientId);
            foreach (var (type, values) in client.Claims)
                foreach (var value in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    identity.AddClaim(new Claim(type, value));
            if (identity.FindFirst(JtaiClaims.Subject) is null) identity.AddClaim(new Claim(JtaiClaims.Subject, client.ClientId));
            problem = null;
        }
        if (problem is not null)
            return TypedResults.Problem(title: "The token request names claims the platform does not know.", detail: problem, statusCode: 400);

        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(AuthenticationSetup.Audience);
        principal.SetScopes(ScopesFor(principal));
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string? AddRequestedClaims(ClaimsIdentity identity, OpenIddictRequest request)
    {
        string? Param(string name) => (string?)request.GetParameter(name);
        var roles = (Param(JtaiClaims.Role) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (roles.Length == 0) return "Ask for at least one role.";
        if (roles.FirstOrDefault(r => !JtaiRoles.All.Contains(r)) is { } unknown)
            return $"Unknown role '{unknown}'. Roles: {string.Join(", ", JtaiRoles.All)}.";
        foreach (var role in roles) identity.AddClaim(new Claim(JtaiClaims.Role, role));

        var inspectorate = Param(JtaiClaims.Inspectorate);
        if (roles.Any(JtaiRoles.Staff.Contains))
        {
            if (inspectorate is null || !Inspectorates.All.Contains(inspectorate))
                return $"Inspectorate staff belong to one inspectorate: {string.Join(", ", Inspectorates.All)}.";
            identity.AddClaim(new Claim(JtaiClaims.Inspectorate, inspectorate));
        }
        if (roles.Contains(JtaiRoles.PartnerAgency))
        {
            var area = Param(JtaiClaims.LocalArea);
            var agency = Param(JtaiClaims.Agency);
            if (string.IsNullOrWhiteSpace(area) || agency is null || !Agencies.All.Contains(agency))
                return $"A partner agency has one local area and one agency: {string.Join(", ", Agencies.All)}.";
            identity.AddClaim(new Claim(JtaiClaims.LocalArea, area.Trim().ToUpperInvariant()));
            identity.AddClaim(new Claim(JtaiClaims.Agency, agency));
        }
        var subject = Param(JtaiClaims.Subject) ?? $"dev-{string.Join('-', roles)}-{Guid.NewGuid():N}";
        identity.AddClaim(new Claim(JtaiClaims.Subject, subject));
        identity.AddClaim(new Claim(JtaiClaims.Name, Param(JtaiClaims.Name) ?? subject));
        return null;
    }

    private static IEnumerable<string> ScopesFor(ClaimsPrincipal principal)
    {
        if (principal.IsStaff()) yield return JtaiScopes.Staff;
        if (principal.IsPartner()) yield return JtaiScopes.Partner;
        if (principal.HasRole(JtaiRoles.Operations)) yield return JtaiScopes.Operations;
    }
}
