using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace Jtai.Orchestrator.Lifecycle;

/// <summary>
/// Who may move an inspection. Ofsted leads every JTAI (¶10), so its lead inspectors and managers
/// move the lifecycle and decide deferrals (with CQC and HMICFRS, outside the platform). Partners
/// never move it; they may only ask for a deferral (¶19).
/// </summary>
public static class LifecyclePolicies
{
    public const string ManageLifecycle = "manage-lifecycle";
    public const string RequestDeferral = "request-deferral";
    public const string ManageTeam = "manage-team";

    public static bool IsOfstedLead(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsStaffOf(Inspectorates.Ofsted) && (user.HasRole(JtaiRoles.LeadInspector) || user.HasRole(JtaiRoles.Manager));

    public static void AddLifecyclePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(ManageLifecycle, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsOfstedLead()));
        options.AddPolicy(RequestDeferral, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsOfstedLead() || c.User.IsPartner()));
        // Each inspectorate's managers staff their own inspectors; Ofsted's lead and managers anyone's.
        options.AddPolicy(ManageTeam, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsStaff() && (c.User.HasRole(JtaiRoles.LeadInspector) || c.User.HasRole(JtaiRoles.Manager))));
    }
}
