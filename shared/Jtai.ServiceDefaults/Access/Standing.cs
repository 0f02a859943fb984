using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Jtai.ServiceDefaults.Access;

/// <summary>Who the caller is to the platform, before any inspection is looked at.</summary>
public enum CallerKind
{
    /// <summary>No token, or one that failed validation.</summary>
    None,
    /// <summary>Inspectorate staff: one inspectorate and one or more staff roles.</summary>
    Staff,
    /// <summary>A partner agency of one local area.</summary>
    Partner,
    Operations,
    /// <summary>Another service of the platform, with its own client-credentials token.</summary>
    Service,
    /// <summary>A valid token whose claims name none of the above.</summary>
    Unrecognised,
}

/// <summary>
/// The caller's standing on one request: who they are (from the token) and, when the route names an
/// inspection, what they are to it (from the service's own data: its team and whether the area has
/// been notified). Resolved once per request by <see cref="StandingMiddleware"/>; a handler that
/// needs it (to show a partner only its agency's documents, say) takes a <see cref="Standing"/> parameter.
/// </summary>
public sealed class Standing
{
    private Standing(CallerKind kind, string? subject, string? inspectorate, IReadOnlySet<string> roles,
        string? localArea, string? agency, Guid? inspectionId, InspectionFacts? inspection, IReadOnlyDictionary<string, string?> route,
        string? healthBody = null)
    {
        HealthBody = healthBody;
        Kind = kind;
        Subject = subject;
        Inspectorate = inspectorate;
        Roles = roles;
        LocalArea = localArea;
        Agency = agency;
        InspectionId = inspectionId;
        Inspection = inspection;
        Route = route;
    }

    public CallerKind Kind { get; }
    public string? Subject { get; }
    /// <summary>Staff: their inspectorate.</summary>
    public string? Inspectorate { get; }
    /// <summary>Staff: their roles in their inspectorate (token claims).</summary>
    public IReadOnlySet<string> Roles { get; }
    /// <summary>Partners: their local area and agency.</summary>
    public string? LocalArea { get; }
    public string? Agency { get; }
    /// <summary>A health partner: the health body it is (token claim <c>health_body</c>), if it names one.</summary>
    public string? HealthBody { get; }
    /// <summary>The inspection the route names, if it names one.</summary>
    public Guid? InspectionId { get; }
    /// <summary>What this service knows of that inspection; null when the route names none or the service does not know it.</summary>
    public InspectionFacts? Inspection { get; }
    /// <summary>The request's route values (a rule may depend on what is asked for, e.g. the agency in the path).</summary>
    public IReadOnlyDictionary<string, string?> Route { get; }

    public bool IsStaff => Kind == CallerKind.Staff;
    public bool IsPartner => Kind == CallerKind.Partner;
    public bool IsOperations => Kind == CallerKind.Operations;
    public bool IsService => Kind == CallerKind.Service;

    public bool IsStaffOf(string inspectorate) => IsStaff && Inspectorate == inspectorate;
    public bool HasRole(string role) => IsStaff && Roles.Contains(role);
    /// <summary>One of an inspectorate's managers (token role): they oversee every inspection of theirs.</summary>
    public bool IsManagerOf(string inspectorate) => IsStaffOf(inspectorate) && Roles.Contains(JtaiRoles.Manager);
    public bool IsManager => IsStaff && Roles.Contains(JtaiRoles.Manager);
    /// <summary>Ofsted's National Director (Regulation and Social Care), who decides a withdrawal (¶121).</summary>
    public bool IsNationalDirector => IsStaffOf(Inspectorates.Ofsted) && Roles.Contains(JtaiRoles.NationalDirector);

    /// <summary>
    /// The caller's place on the inspection's team, as staff of their own inspectorate. A team entry
    /// for another inspectorate than the token's does not count: nobody holds another inspectorate's place.
    /// </summary>
    public TeamPlace? Place => IsStaff && Inspection?.Place is { } place && place.Inspectorate == Inspectorate ? place : null;
    public bool OnTeam => Place is not null;
    /// <summary>On the team in this team role (of any inspectorate, or of the one named).</summary>
    public bool OnTeamAs(string teamRole, string? inspectorate = null) =>
        Place is { } p && p.TeamRole == teamRole && (inspectorate is null || p.Inspectorate == inspectorate);

    /// <summary>A partner agency of the inspected area (notified or not).</summary>
    public bool IsPartnerOfArea => IsPartner && Inspection is { } i && string.Equals(i.LocalAreaCode, LocalArea, StringComparison.OrdinalIgnoreCase);
    /// <summary>A partner sees an inspection of its own area once the area has been notified (¶16), and nothing before.</summary>
    public bool PartnerSeesInspection => IsPartnerOfArea && Inspection!.Notified;
    public bool IsPartnerAgency(params string[] agencies) => IsPartner && Agency is not null && agencies.Contains(Agency);

    /// <summary>
    /// ¶105: a health partner answers as a body CQC named for the inspection. Once CQC has named any, a health partner is admitted
    /// only as one of them (no body, or another, is refused); before, health answers as the one agency it was (a body named by
    /// nobody is refused then too). Every caller who is not a health partner passes.
    /// </summary>
    public bool HealthBodyAdmitted => !IsPartnerAgency(HealthBodyKeys.HealthAgency)
        || (Inspection?.HealthBodies is { Count: > 0 } named ? HealthBody is { } body && named.Contains(body) : HealthBody is null);

    public string? RouteValue(string name) => Route.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the caller from the token's claims (the one place besides <see cref="JtaiUser"/> that knows their shape).</summary>
    public static Standing Of(ClaimsPrincipal user, Guid? inspectionId = null, InspectionFacts? inspection = null,
        IReadOnlyDictionary<string, string?>? route = null)
    {
        route ??= new Dictionary<string, string?>();
        if (user.Identity?.IsAuthenticated != true)
            return new Standing(CallerKind.None, null, null, EmptyRoles, null, null, inspectionId, inspection, route);
        var subject = user.FindFirst(JtaiClaims.Subject)?.Value;
        var kind = user.IsStaff() ? CallerKind.Staff
            : user.IsPartner() ? CallerKind.Partner
            : user.HasRole(JtaiRoles.Operations) ? CallerKind.Operations
            : user.HasRole(JtaiRoles.Service) ? CallerKind.Service
            : CallerKind.Unrecognised;
        if (string.IsNullOrEmpty(subject)) kind = CallerKind.Unrecognised;
        var roles = kind == CallerKind.Staff ? JtaiRoles.Staff.Where(user.HasRole).ToHashSet(StringComparer.Ordinal) : EmptyRoles;
        return new Standing(kind, subject,
            kind == CallerKind.Staff ? user.Inspectorate() : null, roles,
            kind == CallerKind.Partner ? user.LocalArea() : null, kind == CallerKind.Partner ? user.Agency() : null,
            inspectionId, inspection, route,
            kind == CallerKind.Partner && user.Agency() == HealthBodyKeys.HealthAgency ? user.HealthBody() : null);
    }

    private static readonly IReadOnlySet<string> EmptyRoles = new HashSet<string>();

    /// <summary>Minimal APIs bind a <see cref="Standing"/> parameter to the one the middleware resolved.</summary>
    public static ValueTask<Standing?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Standing?>(context.Features.Get<Standing>()
            ?? throw new InvalidOperationException("The caller's standing was not resolved: is the endpoint's rule declared (RequireStanding)?"));

    public override string ToString() => Kind switch
    {
        CallerKind.Staff => $"{Inspectorate} {string.Join('+', Roles)}{(Place is { } p ? $" (team: {p.TeamRole})" : "")}",
        CallerKind.Partner => $"partner {LocalArea}/{Agency}{(HealthBody is null ? "" : $"/{HealthBody}")}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
