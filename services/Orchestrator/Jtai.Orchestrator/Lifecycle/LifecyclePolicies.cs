using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Lifecycle;

/// <summary>
/// Who may move an inspection. Ofsted leads every JTAI (¶10), so its lead inspectors and managers
/// move the lifecycle and decide deferrals (with CQC and HMICFRS, outside the platform). Partners
/// never move it; they may only ask for a deferral (¶19).
/// </summary>
public static class LifecyclePolicies
{
    public static bool IsOfstedLead(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsStaffOf(Inspectorates.Ofsted) && (user.HasRole(JtaiRoles.LeadInspector) || user.HasRole(JtaiRoles.Manager));

    private static bool IsOfstedLead(Standing s) =>
        s.IsStaffOf(Inspectorates.Ofsted) && (s.HasRole(JtaiRoles.LeadInspector) || s.HasRole(JtaiRoles.Manager));

    public static readonly AccessRule ManageLifecycle = new("manage-lifecycle", "Ofsted's lead inspectors and managers", IsOfstedLead);
    public static readonly AccessRule RequestDeferral = new("request-deferral", "Ofsted's lead inspectors and managers; partner agencies", s => IsOfstedLead(s) || s.IsPartner);
    // Each inspectorate's managers staff their own inspectors; Ofsted's lead and managers anyone's.
    public static readonly AccessRule ManageTeam = new("manage-team", "lead inspectors and managers",
        s => s.HasRole(JtaiRoles.LeadInspector) || s.HasRole(JtaiRoles.Manager));
}
