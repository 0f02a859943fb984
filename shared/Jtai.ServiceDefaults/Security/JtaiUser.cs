using System.Security.Claims;

namespace Jtai.ServiceDefaults.Security;

/// <summary>Reads the platform's claims off a principal; the one place that knows their shape.</summary>
public static class JtaiUser
{
    public static bool HasRole(this ClaimsPrincipal user, string role) =>
        user.FindAll(JtaiClaims.Role).Any(c => string.Equals(c.Value, role, StringComparison.Ordinal));

    public static bool IsKnownRole(this ClaimsPrincipal user) => JtaiRoles.All.Any(user.HasRole);

    public static string? Inspectorate(this ClaimsPrincipal user)
    {
        var value = user.FindFirst(JtaiClaims.Inspectorate)?.Value;
        return value is not null && Inspectorates.All.Contains(value) ? value : null;
    }

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.Inspectorate() is not null && JtaiRoles.Staff.Any(user.HasRole);

    public static bool IsStaffOf(this ClaimsPrincipal user, string inspectorate) =>
        user.IsStaff() && user.Inspectorate() == inspectorate;

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
