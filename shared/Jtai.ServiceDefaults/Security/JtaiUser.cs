using System.Security.Claims;

namespace Jtai.ServiceDefaults.Security;

/// <summary>Reads the platform's claims off a principal; the one place that knows their shape.</summary>
public static class JtaiUser
{
    // Every proxied request runs these in the gateway's policies: one pass over the claims, no allocations.
    public static bool HasRole(this ClaimsPrincipal user, string role) => user.HasClaim(JtaiClaims.Role, role);

    public static bool IsKnownRole(this ClaimsPrincipal user) => user.HasAnyRole(JtaiRoles.All);

    private static bool HasAnyRole(this ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        foreach (var identity in user.Identities)
            foreach (var claim in identity.Claims)
                if (string.Equals(claim.Type, JtaiClaims.Role, StringComparison.OrdinalIgnoreCase) && IsOneOf(claim.Value, roles))
                    return true;
        return false;
    }

    private static bool IsOneOf(string value, IReadOnlyList<string> roles)
    {
        for (var i = 0; i < roles.Count; i++)
            if (string.Equals(value, roles[i], StringComparison.Ordinal)) return true;
        return false;
    }

    public static string? Inspectorate(this ClaimsPrincipal user)
    {
        var value = user.FindFirst(JtaiClaims.Inspectorate)?.Value;
        return value is not null && Inspectorates.All.Contains(value) ? value : null;
    }

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.Inspectorate() is not null && user.HasAnyRole(JtaiRoles.Staff);

    public static bool IsStaffOf(this ClaimsPrincipal user, string inspectorate) =>
        user.Inspectorate() is { } own && own == inspectorate && user.HasAnyRole(JtaiRoles.Staff);

    public static bool IsPartner(this ClaimsPrincipal user) =>
        user.HasRole(JtaiRoles.PartnerAgency)
        && !string.IsNullOrWhiteSpace(user.LocalArea())
        && user.Agency() is not null;

    public static string? LocalArea(this ClaimsPrincipal user) => user.FindFirst(JtaiClaims.LocalArea)?.Value;

    /// <summary>The health body a health partner is (¶105), when its token names one.</summary>
    public static string? HealthBody(this ClaimsPrincipal user) => user.FindFirst(JtaiClaims.HealthBody)?.Value;

    public static string? Agency(this ClaimsPrincipal user)
    {
        var value = user.FindFirst(JtaiClaims.Agency)?.Value;
        return value is not null && Agencies.All.Contains(value) ? value : null;
    }

    /// <summary>The stable id of the caller (a person, or a partner agency's system).</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirst(JtaiClaims.Subject)?.Value ?? throw new InvalidOperationException("The token has no subject.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(JtaiClaims.Name)?.Value ?? user.Id();
}
