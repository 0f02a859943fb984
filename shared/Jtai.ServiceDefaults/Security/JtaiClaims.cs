using Jtai.Calendar.Registry;

namespace Jtai.ServiceDefaults.Security;

/// <summary>Claim types every token carries, whoever issued it (dev issuer or production OIDC).</summary>
public static class JtaiClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Scope = "scope";
    /// <summary>Inspectorate staff: one of the registry's inspectorates (ofsted, cqc, hmicfrs…). One per person.</summary>
    public const string Inspectorate = "inspectorate";
    /// <summary>Partner agencies: the local area (local authority footprint) they belong to.</summary>
    public const string LocalArea = "local_area";
    /// <summary>Partner agencies: one of the registry's agencies (local-authority, health, police, education, masa…).</summary>
    public const string Agency = "agency";
    /// <summary>
    /// A health partner: the health body it is (¶105: the bodies CQC names for the inspection, each answering as itself), by the
    /// key CQC names it with (<see cref="HealthBodyKeys"/>). Only with the agency <c>health</c>.
    /// </summary>
    public const string HealthBody = "health_body";
}

/// <summary>How a health body's key is written: lower-case letters, digits and hyphens (an ODS code such as "rq3" or a short name).</summary>
public static class HealthBodyKeys
{
    public const int MaxLength = 60;
    public const string HealthAgency = "health";
    public const string Rule = "2 to 60 lower-case letters, digits or hyphens, such as the body's ODS code (\"qhl\", \"rq3\")";

    public static bool IsValid(string? key) =>
        key is { Length: >= 2 and <= MaxLength } && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && key[0] != '-';
}

public static class JtaiRoles
{
    public const string Inspector = "inspector";
    public const string LeadInspector = "lead-inspector";
    public const string QaManager = "qa-manager";
    public const string Manager = "manager";
    public const string Hmi = "hmi";
    /// <summary>Ofsted's National Director (Regulation and Social Care): decides whether published findings are withdrawn (¶121).</summary>
    public const string NationalDirector = "national-director";
    public const string PartnerAgency = "partner-agency";
    public const string Operations = "operations";
    /// <summary>Another service of the platform calling with its own client-credentials token.</summary>
    public const string Service = "service";

    public static readonly IReadOnlyList<string> Staff = [Inspector, LeadInspector, QaManager, Manager, Hmi, NationalDirector];
    public static readonly IReadOnlyList<string> All = [.. Staff, PartnerAgency, Operations, Service];
}

/// <summary>
/// The inspectorates of the programme. The list is the registry's (shared/inspectorates.json); the names below are
/// for code that speaks of one inspectorate's own part (Ofsted leads every JTAI and holds the shared record).
/// </summary>
public static class Inspectorates
{
    public const string Ofsted = "ofsted";
    public const string Cqc = "cqc";
    public const string Hmicfrs = "hmicfrs";
    public const string HmiProbation = "hmiprobation";
    public static readonly IReadOnlyList<string> All = InspectorateRegistry.Current.Keys;
}

/// <summary>The partner agencies of a local area: the registry's list; the names below for the rules that speak of one.</summary>
public static class Agencies
{
    public const string LocalAuthority = "local-authority";
    public const string Health = "health";
    public const string Police = "police";
    public const string Education = "education";
    public const string Masa = "masa";
    public static readonly IReadOnlyList<string> All = InspectorateRegistry.Current.AgencyKeys;
}

public static class JtaiScopes
{
    public const string Staff = "jtai.staff";
    public const string Partner = "jtai.partner";
    public const string Operations = "jtai.operations";
}
