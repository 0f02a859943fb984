using System.Security.Claims;
using Jtai.Contracts.InformationRequests;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// Who may do what in Ofsted's secure information exchange (Annex A, ¶92). The area's partner
/// agencies, once notified, upload and answer what is asked of their agency; before notification
/// the inspection does not exist for them (¶16). The inspection's team, of all three inspectorates,
/// reads (every inspectorate requests and analyses the information, ¶23, ¶29, ¶91, ¶105), and
/// every read of child-level data is in the audit log. Ofsted's lead inspector selects the children.
/// </summary>
public static class ExchangeAccess
{
    /// <summary>The team reads everything; a partner what its agency provided (the handler filters).</summary>
    public static readonly AccessRule TeamOrPartners = Rules.Team.Or(Rules.PartnersOfArea, "team-or-partners-of-area");

    /// <summary>Lists 1–5 (¶94) come from the local authority.</summary>
    public static readonly AccessRule LocalAuthority = Rules.PartnerOfArea(AnnexAItems.LocalAuthority);

    /// <summary>A performance item (¶108) comes from the agencies it is asked of; an unknown item is the handler's 400.</summary>
    public static readonly AccessRule AgencyOfItem = new("partner-asked-for-item", "the area's partner the performance item is asked of",
        s => s.PartnerSeesInspection && (AnnexAItems.PerformanceItems.FirstOrDefault(p => p.Number == s.RouteValue("item")) is not { Number: not null } known
            || known.ProvidedBy.Contains(s.Agency)) && s.HealthBodyAdmitted, onInspection: true);

    /// <summary>An agency files only its own case records (¶102–104): police cannot file health records, nor the reverse.</summary>
    public static readonly AccessRule AgencyInPath = new("partner-of-agency-in-path", "the area's partner of the agency named in the path",
        s => s.PartnerSeesInspection && (s.RouteValue("agency") is not { } agency || !CaseRecordTypes.ByAgency.ContainsKey(agency) || s.Agency == agency)
            && s.HealthBodyAdmitted,
        onInspection: true);

    /// <summary>¶98: police and health answer for each of the 30.</summary>
    public static readonly AccessRule PoliceOrHealth = new("partner-police-or-health", "the area's police and health partners",
        s => s.PartnerSeesInspection && s.IsPartnerAgency(AnnexAItems.Police, AnnexAItems.Health) && s.HealthBodyAdmitted, onInspection: true);

    /// <summary>¶105: CQC determines which health agencies it asks: CQC's members of the team, or CQC's managers.</summary>
    public static readonly AccessRule CqcNamesHealthBodies = new("cqc-team-or-managers", "CQC's members of the inspection's team and CQC's managers",
        s => (s.OnTeam && s.Inspectorate == Inspectorates.Cqc) || s.IsManagerOf(Inspectorates.Cqc), onInspection: true);

    /// <summary>A health partner reads what its own body filed (¶105); before any body is named, what health filed.</summary>
    public static bool Filed(Standing standing, string agency, string? healthBody) =>
        !standing.IsPartner || (agency == standing.Agency && healthBody == standing.HealthBody);

    /// <summary>Stamps who provided something: the partner's agency, or "ofsted" for the lead's own steps.</summary>
    public static string ProviderOf(Standing standing) => standing.Agency ?? OfstedService.Name;

    /// <summary>Who delivered, in words: the agency, and for a named health body, which.</summary>
    public static string DeliveredBy(Standing standing) => standing.HealthBody is { } body ? $"{standing.Agency} ({body})" : standing.Agency!;

    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsPartner() ? $"{JtaiRoles.PartnerAgency}/{user.Agency()}"
        : $"{user.Inspectorate()}/{string.Join(",", JtaiRoles.All.Where(user.HasRole))}";
}
