using Microsoft.AspNetCore.Authorization;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// The platform's named authorization policies. The gateway names one per route and each service
/// names one per endpoint, so the token is checked twice (no trust in the network).
/// </summary>
public static class JtaiPolicies
{
    public const string Anonymous = "anonymous";
    public const string AnyUser = "any-user";
    public const string InspectorateStaff = "inspectorate-staff";
    public const string OfstedStaff = "ofsted-staff";
    public const string CqcStaff = "cqc-staff";
    public const string HmicfrsStaff = "hmicfrs-staff";
    public const string PartnerAgency = "partner-agency";
    public const string Operations = "operations";
    /// <summary>Service-to-service calls (gRPC) made with a platform service's own token.</summary>
    public const string PlatformService = "platform-service";
    /// <summary>Ofsted leads every JTAI: its lead inspectors and managers schedule them.</summary>
    public const string ScheduleInspection = "schedule-inspection";

    /// <summary>"{inspectorate}-staff": the policy the gateway's route to that inspectorate's service names.</summary>
    public static string StaffOf(string inspectorate) => Inspectorates.All.Contains(inspectorate)
        ? $"{inspectorate}-staff"
        : throw new ArgumentOutOfRangeException(nameof(inspectorate), inspectorate, "unknown inspectorate");

    public static void AddJtaiPolicies(this AuthorizationOptions options)
    {
        // Anything not named otherwise needs at least a signed-in caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(Anonymous, p => p.RequireAssertion(_ => true));
        options.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsKnownRole()));
        options.AddPolicy(InspectorateStaff, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsStaff()));
        foreach (var inspectorate in Inspectorates.All)
        {
            options.AddPolicy(StaffOf(inspectorate),
                p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsStaffOf(inspectorate)));
        }
        options.AddPolicy(PartnerAgency, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsPartner()));
        options.AddPolicy(Operations, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasRole(JtaiRoles.Operations)));
        options.AddPolicy(PlatformService, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasRole(JtaiRoles.Service)));
        options.AddPolicy(ScheduleInspection, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsStaffOf(Inspectorates.Ofsted)
            && (c.User.HasRole(JtaiRoles.LeadInspector) || c.User.HasRole(JtaiRoles.Manager))));
        options.AddInformationExchangePolicies();
    }
}
