using Jtai.Contracts.InformationRequests;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Inspections;

/// <summary>
/// One inspection: its summary, timeline, information requests and team. Each part is what the
/// platform shows this person (a partner: its own area, the items asked of its agency; staff: all);
/// a part the platform refuses is left out, the inspection itself refused is "Page not found".
/// </summary>
public sealed class InspectionModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public TimelineView? Timeline { get; private set; }
    public HashSet<string> OverdueMilestones { get; private set; } = [];
    public ChecklistView? Checklist { get; private set; }
    public List<TeamMemberView>? Team { get; private set; }
    /// <summary>The inspectorates taking part (from the framework; staff only, null for a partner).</summary>
    public IReadOnlyList<string>? TakingPart { get; private set; }
    /// <summary>Whether the signed-in person's inspectorate takes part: one that does not has no records or follow-up of its own here.</summary>
    public bool MineTakesPart => TakingPart is null || User.Inspectorate() is not { } mine || TakingPart.Contains(mine);

    [TempData] public string? Received { get; set; }

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var timeline = gateway.Find<TimelineView>(InspectionPaths.Timeline(id), ct);
        var overdue = gateway.Find<List<OverdueMilestone>>(InspectionPaths.Overdue(id), ct);
        var checklist = gateway.Find<ChecklistView>(InspectionPaths.Checklist(id), ct);
        var team = gateway.Find<List<TeamMemberView>>(InspectionPaths.Team(id), ct);
        Inspection = await inspection;
        TakingPart = User.IsPartner() ? null : Inspection.Inspectorates;
        Timeline = await timeline;
        OverdueMilestones = (await overdue)?.Select(m => m.Key).ToHashSet() ?? [];
        Checklist = await checklist;
        Team = await team;
    }

    /// <summary>
    /// The inspection's other pages: a way in, not a permission (each page asks the platform, which
    /// refuses whoever may not). Partners: the deferral request (¶19) and, for the local authority's
    /// DCS, the draft letter (¶82), the statement of action (¶85) and complaints (Annex C);
    /// inspectorate staff: their own work on the inspection; the staff of an inspectorate not taking part
    /// (CQC or HMICFRS in an Ofsted-only inspection) have no evidence records or follow-up of their own in it.
    /// </summary>
    public List<(string Href, string Text)> Links
    {
        get
        {
            var at = $"/inspections/{Inspection.Id}";
            var links = new List<(string, string)>();
            if (User.IsPartner())
            {
                links.Add(($"{at}/deferral", "Deferral"));
                links.Add(($"{at}/set-up", "Set-up and fieldwork timetable"));
                if (User.Agency() == AnnexAItems.LocalAuthority) links.Add(($"{at}/letter/draft", "Draft letter: factual accuracy check"));
                links.Add(($"{at}/letter/final", "Final letter"));
                links.Add(($"{at}/statement-of-action", "Statement of action"));
                links.Add(($"{at}/complaints", "Complaints"));
                links.Add(($"{at}/survey", "Post-inspection questionnaire"));
                links.Add(($"{at}/follow-up/asked-of-us", "Follow-up of the priority actions: what is asked of us"));
                return links;
            }
            var inspectorate = User.Inspectorate();
            if (inspectorate is null) return [];
            if (inspectorate == Inspectorates.Ofsted) links.Add(($"{at}/case-selection", "Case selection"));
            if (MineTakesPart) links.Add(($"{at}/evidence", $"{Display.Inspectorate(inspectorate)} evidence records"));
            links.Add(($"{at}/findings", "Findings register"));
            links.Add(($"{at}/letter", "Letter of findings"));
            links.Add(($"{at}/team", "Inspection team"));
            links.Add(($"{at}/set-up", "Set-up and fieldwork timetable"));
            if (inspectorate == Inspectorates.Ofsted)
            {
                links.Add(($"{at}/deferral", "Deferral"));
                links.Add(($"{at}/letter/draft", "Draft letter: factual accuracy check"));
            }
            links.Add(($"{at}/statement-of-action", "Statement of action"));
            links.Add(($"{at}/complaints", "Complaints"));
            links.Add(($"{at}/survey", "Post-inspection questionnaire"));
            if (MineTakesPart) links.Add(($"{at}/follow-up", $"{Display.Inspectorate(inspectorate)} follow-up of the priority actions"));
            return links;
        }
    }

    /// <summary>The page where an item is delivered, when this service has one for it (partners deliver; staff read the checklist).</summary>
    public string? DeliverPage(ChecklistItemView item)
    {
        var at = $"/inspections/{Inspection.Id}";
        for (var list = 1; list <= 5; list++)
            if (item.Key == AnnexAItems.AnnexAList(list)) return $"{at}/annex-a/lists/{list}";
        if (!User.IsPartner()) return null;
        if (item.Key == AnnexAItems.AuditList) return $"{at}/documents/audit-list";
        if (item.Key == AnnexAItems.PartnershipAudits) return $"{at}/documents/partnership-audits";
        if (item.Key.StartsWith("performance/", StringComparison.Ordinal)) return $"{at}/documents/performance/{item.Key["performance/".Length..]}";
        if (item.Key.StartsWith("case-records/", StringComparison.Ordinal)) return $"{at}/documents/case-records";
        if (item.Key.StartsWith("selection-answers/", StringComparison.Ordinal)) return $"{at}/case-selection/answers";
        return null;
    }
}
