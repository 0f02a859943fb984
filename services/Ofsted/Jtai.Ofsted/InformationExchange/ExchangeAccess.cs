using System.Security.Claims;
using Jtai.Inspectorate.Inspections;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// Who the caller is to one inspection: a member of its team (Ofsted staff on the team; the lead
/// is the team member whose team role is lead inspector), or a partner agency of the inspected
/// area. The gateway admits partners and Ofsted staff to the exchange; this is the service's own check.
/// </summary>
public sealed record ExchangeCaller(InspectionCopy Inspection, bool IsTeam, bool IsLead, string? PartnerAgency)
{
    public bool IsPartner => PartnerAgency is not null;
    public bool IsPartnerOf(params string[] agencies) => PartnerAgency is not null && agencies.Contains(PartnerAgency);
}

public static class ExchangeAccess
{
    public const string LeadTeamRole = JtaiRoles.LeadInspector;

    /// <summary>Partners and Ofsted's staff reach the exchange; each endpoint then checks area, agency and team.</summary>
    public static readonly AccessRule Exchange = new("information-exchange", "partner agencies and Ofsted's staff",
        s => s.IsPartner || s.IsStaffOf(OfstedService.Name));

    /// <summary>
    /// The caller's standing on the inspection, or null when the inspection is not visible to it
    /// (unknown, or another area's: a partner of another area sees a 404, not a 403).
    /// </summary>
    public static async Task<ExchangeCaller?> Resolve(ClaimsPrincipal user, Guid inspectionId, OfstedDbContext db, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct);
        if (inspection is null) return null;
        if (user.IsPartner())
        {
            return user.LocalArea() == inspection.LocalAreaCode
                ? new ExchangeCaller(inspection, false, false, user.Agency())
                : null;
        }
        if (!user.IsStaffOf(OfstedService.Name)) return new ExchangeCaller(inspection, false, false, null);
        var userId = user.Id();
        var member = await db.TeamMembers.AsNoTracking()
            .SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.UserId == userId && m.Inspectorate == OfstedService.Name, ct);
        return new ExchangeCaller(inspection, member is not null,
            member is not null && member.TeamRole == LeadTeamRole && user.HasRole(JtaiRoles.LeadInspector), null);
    }

    /// <summary>Stamps who provided something: the partner's agency, or "ofsted" for the lead's own steps.</summary>
    public static string ProviderOf(ExchangeCaller caller) => caller.PartnerAgency ?? OfstedService.Name;

    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsPartner() ? $"{JtaiRoles.PartnerAgency}/{user.Agency()}"
        : string.Join(",", JtaiRoles.All.Where(user.HasRole));
}
