using Jtai.ServiceDefaults.Security;

namespace Jtai.ServiceDefaults.Access;

/// <summary>
/// The rules every service shares. A feature with a rule of its own (an agency named in the path,
/// say) builds it beside its endpoints with <see cref="AccessRule"/>.
/// </summary>
public static class Rules
{
    // ---- Rules on the caller alone ----

    /// <summary>Health, the OpenAPI document, published letters.</summary>
    public static readonly AccessRule Public = new("public", "anyone, no token needed", _ => true, isPublic: true);

    /// <summary>Any caller the platform knows; what each sees is filtered by the handler from its standing.</summary>
    public static readonly AccessRule SignedIn = new("signed-in", "any signed-in caller (staff, partner, operations, a platform service)",
        s => s.Kind is CallerKind.Staff or CallerKind.Partner or CallerKind.Operations or CallerKind.Service);

    public static readonly AccessRule Staff = new("inspectorate-staff", "staff of any inspectorate", s => s.IsStaff);

    public static AccessRule StaffOf(string inspectorate) =>
        new($"{inspectorate}-staff", $"{inspectorate}'s staff", s => s.IsStaffOf(inspectorate));

    /// <summary>An inspectorate's managers and QA managers (its records' oversight: retention, legal holds).</summary>
    public static AccessRule ManagersOf(string inspectorate) =>
        new($"{inspectorate}-managers", $"{inspectorate}'s managers and QA managers",
            s => s.IsStaffOf(inspectorate) && (s.HasRole(JtaiRoles.Manager) || s.HasRole(JtaiRoles.QaManager)));

    public static AccessRule RoleOf(string inspectorate, string role) =>
        new($"{inspectorate}-{role}", $"{inspectorate}'s {role}s", s => s.IsStaffOf(inspectorate) && s.HasRole(role));

    public static readonly AccessRule Partners = new("partner-agency", "partner agencies (each sees only its own area's)", s => s.IsPartner);

    public static readonly AccessRule Operations = new("operations", "operations staff", s => s.IsOperations);

    /// <summary>gRPC calls between the platform's services, with the caller's own client-credentials token.</summary>
    public static readonly AccessRule PlatformService = new("platform-service", "the platform's own services", s => s.IsService);

    /// <summary>Ofsted leads every JTAI (¶10): its lead inspectors and managers schedule them.</summary>
    public static readonly AccessRule ScheduleInspection = new("schedule-inspection", "Ofsted's lead inspectors and managers",
        s => s.IsStaffOf(Inspectorates.Ofsted) && (s.HasRole(JtaiRoles.LeadInspector) || s.HasRole(JtaiRoles.Manager)));

    // ---- Rules on the caller's standing on the inspection ({inspectionId} in the route) ----

    /// <summary>The inspection itself, its timeline and stages: staff, operations, and the area's partners once notified.</summary>
    public static readonly AccessRule SeesInspection = new("sees-inspection",
        "staff of any inspectorate, operations, the area's partners once notified",
        s => s.IsStaff || s.IsOperations || s.PartnerSeesInspection, onInspection: true);

    public static readonly AccessRule StaffOnInspection = new("staff-on-inspection", "staff of any inspectorate", s => s.IsStaff, onInspection: true);

    public static AccessRule StaffOfOnInspection(string inspectorate) =>
        new($"{inspectorate}-staff-on-inspection", $"{inspectorate}'s staff", s => s.IsStaffOf(inspectorate), onInspection: true);

    /// <summary>The inspection's team, of every inspectorate.</summary>
    public static readonly AccessRule Team = new("team", "the inspection's team", s => s.OnTeam, onInspection: true);

    public static AccessRule TeamOf(string inspectorate) =>
        new($"{inspectorate}-team", $"{inspectorate}'s members of the inspection's team", s => s.OnTeam && s.Inspectorate == inspectorate, onInspection: true);

    /// <summary>
    /// The team and the managers the guidance names: the inspectorates' senior managers, who review and
    /// agree the findings (¶81), and Ofsted's National Director, who decides a withdrawal (¶121).
    /// </summary>
    public static readonly AccessRule TeamOrNamedManagers = new("team-or-named-managers",
        "the inspection's team, the inspectorates' managers and Ofsted's National Director",
        s => s.OnTeam || s.IsManager || s.IsNationalDirector, onInspection: true);

    /// <summary>Ofsted's lead inspector on the team writes the letter and runs the inspection (¶10, ¶77).</summary>
    public static readonly AccessRule OfstedLead = new("ofsted-lead", "Ofsted's lead inspector on the team",
        s => s.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted), onInspection: true);

    /// <summary>Ofsted's lead inspector on the team, or Ofsted's managers: they move the inspection and decide for it.</summary>
    public static readonly AccessRule OfstedLeadOrManagers = new("ofsted-lead-or-managers", "Ofsted's lead inspector on the team and Ofsted's managers",
        s => s.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted) || s.IsManagerOf(Inspectorates.Ofsted), onInspection: true);

    /// <summary>Each inspectorate's lead inspector on the team (¶29–33, ¶81).</summary>
    public static readonly AccessRule LeadsOnTeam = new("leads-on-team", "each inspectorate's lead inspector on the team",
        s => s.OnTeamAs(JtaiRoles.LeadInspector), onInspection: true);

    /// <summary>The quality assurance manager assigned to the inspection (¶11–12, ¶80).</summary>
    public static readonly AccessRule AssignedQa = new("assigned-qa-manager", "the QA manager assigned to the inspection",
        s => s.OnTeamAs(JtaiRoles.QaManager), onInspection: true);

    /// <summary>Team members who gather evidence: lead inspectors, inspectors and HMI (not QA or line managers).</summary>
    public static readonly AccessRule EvidenceGatherers = new("evidence-gatherers", "lead inspectors, inspectors and HMI on the team",
        s => s.Place is { TeamRole: JtaiRoles.LeadInspector or JtaiRoles.Inspector or JtaiRoles.Hmi }, onInspection: true);

    /// <summary>The area's partner agencies, once notified; before, the inspection does not exist for them.</summary>
    public static readonly AccessRule PartnersOfArea = new("partners-of-area", "the area's partner agencies once notified",
        s => s.PartnerSeesInspection, onInspection: true);

    public static AccessRule PartnerOfArea(string agency) =>
        new($"partner-{agency}", $"the area's {agency} partner once notified",
            s => s.PartnerSeesInspection && s.Agency == agency, onInspection: true);

    /// <summary>One inspectorate's lead inspector on the team (its evidence, its records' names).</summary>
    public static AccessRule LeadOf(string inspectorate) =>
        new($"{inspectorate}-lead", $"{inspectorate}'s lead inspector on the team",
            s => s.OnTeamAs(JtaiRoles.LeadInspector, inspectorate), onInspection: true);

    /// <summary>The inspectorates' senior managers, who review and agree the findings in the letter (¶81).</summary>
    public static readonly AccessRule SeniorManagers = new("senior-managers", "the inspectorates' managers",
        s => s.IsManager, onInspection: true);

    /// <summary>Ofsted's National Director decides a withdrawal, with the other inspectorates (¶121).</summary>
    public static readonly AccessRule NationalDirector = new("national-director", "Ofsted's National Director",
        s => s.IsNationalDirector, onInspection: true);
}
