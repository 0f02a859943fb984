using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Team;

/// <summary>
/// ¶10–12: the inspection team. Ofsted's lead inspector on the team and Ofsted's managers place
/// anyone; CQC's and HMICFRS's managers place their own people. A person is known by the subject of
/// their sign-in. The platform decides who may change which place; the page shows its refusal.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<TeamMemberView> Members { get; private set; } = [];

    [BindProperty] public MemberForm Form { get; set; } = new();

    /// <summary>Ofsted's lead and every manager (a way in: the platform decides whose place each may change).</summary>
    public bool OffersChanges => User.HasRole(JtaiRoles.Manager) || (User.HasRole(JtaiRoles.LeadInspector) && User.Inspectorate() == Inspectorates.Ofsted);

    public static readonly IReadOnlyList<Choice> TeamRoles =
    [
        new(JtaiRoles.LeadInspector, "Lead inspector"), new(JtaiRoles.Inspector, "Inspector"), new(JtaiRoles.QaManager, "Quality assurance manager"),
        new(JtaiRoles.Hmi, "HMI"), new(JtaiRoles.Manager, "Manager"),
    ];

    /// <summary>The inspectorates taking part (Ofsted alone in an Ofsted-only inspection): nobody of another is placed on its team.</summary>
    public IReadOnlyList<Choice> InspectorateChoices { get; private set; } = [];

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostPlace(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Form.UserId)) Errors.Add(new PageError("userId", "Enter the person's sign-in subject"));
        else
        {
            var result = await gateway.Send<TeamMemberView>(HttpMethod.Put, TeamPaths.Member(id, Form.UserId.Trim()),
                new { name = Form.Name, inspectorate = Form.Inspectorate, teamRole = Form.TeamRole }, ct);
            if (result.Value is { } placed)
                return Changed($"{placed.Name} is on the team as {Display.Role(placed.TeamRole).ToLowerInvariant()} for {Display.Inspectorate(placed.Inspectorate)}.", new { id });
            Refused(result.Problem!, field => field switch
            {
                "userId" => new FormField("userId"),
                "name" => new FormField("name", "Enter the person's name"),
                "inspectorate" => new FormField("inspectorate-0", "Select the person's inspectorate"),
                "teamRole" => new FormField("teamRole-0", "Select the person's role on the team"),
                _ => null,
            }, "userId");
        }
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemove(Guid id, string userId, CancellationToken ct)
    {
        await Load(id, ct);
        var member = Members.FirstOrDefault(m => m.UserId == userId);
        var problem = await gateway.Send(HttpMethod.Delete, TeamPaths.Member(id, userId), null, ct);
        if (problem is null) return Changed($"{member?.Name ?? userId} is no longer on the team.", new { id });
        Refused(problem, _ => null, "userId");
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Members = await gateway.Get<List<TeamMemberView>>(InspectionPaths.Team(id), ct);
        Inspection = await inspection;
        InspectorateChoices = Inspection.Inspectorates.Select(i => new Choice(i, Display.Inspectorate(i))).ToList();
    }

    public sealed class MemberForm
    {
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public string? Inspectorate { get; set; }
        public string? TeamRole { get; set; }
    }
}

public static class TeamPaths
{
    public static string Member(Guid id, string userId) => $"{InspectionPaths.Team(id)}/{Uri.EscapeDataString(userId)}";
}
