using System.Security.Claims;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Platform.Tests.Access;

/// <summary>
/// One kind of caller in the access matrix: its token (or a bad one), the claims it presents (from
/// which the test computes the expected answer), and where the fixture put it on the team.
/// </summary>
public sealed record MatrixCaller(string Name, Dictionary<string, string>? Claims, string? TeamRole = null, string? BadToken = null)
{
    public string? Token { get; set; }

    /// <summary>The caller as a service sees it once the token is validated (anonymous for a bad or missing token).</summary>
    public ClaimsPrincipal Principal() => Claims is null
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity(Claims.Select(c => new Claim(c.Key, c.Value)), "Bearer", JtaiClaims.Name, JtaiClaims.Role));

    public string? Subject => Claims?.GetValueOrDefault(JtaiClaims.Subject);
    public string? Inspectorate => Claims?.GetValueOrDefault(JtaiClaims.Inspectorate);

    public const string Area = "E06000057";
    public const string OtherArea = "E06000047";

    /// <summary>
    /// No token; malformed, expired, wrong-signature and alg-none tokens; a partner of the area for each agency;
    /// a partner of another area; each inspectorate's inspector, lead inspector, QA manager, manager and HMI,
    /// on and off the team; Ofsted's National Director; operations; a platform service.
    /// </summary>
    public static List<MatrixCaller> All()
    {
        var callers = new List<MatrixCaller>
        {
            new("no-token", null),
            new("malformed-token", null, BadToken: "malformed"),
            new("expired-token", null, BadToken: "expired"),
            new("wrong-signature-token", null, BadToken: "wrong-signature"),
            new("alg-none-token", null, BadToken: "alg-none"),
        };
        foreach (var agency in Agencies.All)
            callers.Add(new($"partner-{agency}", Partner(Area, agency)));
        callers.Add(new("partner-of-another-area", Partner(OtherArea, Agencies.LocalAuthority)));
        // The inspectorates taking part in the matrix's (joint, front-door) inspection, whose people may be on its team.
        foreach (var inspectorate in Jtai.Calendar.Frameworks.Framework.JointInspectorates)
            foreach (var role in new[] { JtaiRoles.Inspector, JtaiRoles.LeadInspector, JtaiRoles.QaManager, JtaiRoles.Manager, JtaiRoles.Hmi })
            {
                callers.Add(new($"{inspectorate}-{role}-on-team", Staff(inspectorate, role, "on"), TeamRole: role));
                callers.Add(new($"{inspectorate}-{role}-off-team", Staff(inspectorate, role, "off")));
            }
        callers.Add(new("ofsted-national-director", Staff(Inspectorates.Ofsted, JtaiRoles.NationalDirector, "off")));
        callers.Add(new("operations", new() { [JtaiClaims.Role] = JtaiRoles.Operations, [JtaiClaims.Subject] = "matrix-operator" }));
        callers.Add(new("platform-service", new() { [JtaiClaims.Role] = JtaiRoles.Service, [JtaiClaims.Subject] = "matrix-service" }));
        return callers;
    }

    private static Dictionary<string, string> Partner(string area, string agency) => new()
    {
        [JtaiClaims.Role] = JtaiRoles.PartnerAgency, [JtaiClaims.LocalArea] = area, [JtaiClaims.Agency] = agency,
        [JtaiClaims.Subject] = $"matrix-{area}-{agency}",
    };

    private static Dictionary<string, string> Staff(string inspectorate, string role, string team) => new()
    {
        [JtaiClaims.Role] = role, [JtaiClaims.Inspectorate] = inspectorate, [JtaiClaims.Subject] = $"matrix-{inspectorate}-{role}-{team}",
    };
}
