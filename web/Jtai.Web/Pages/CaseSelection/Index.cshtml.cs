using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.CaseSelection;

/// <summary>
/// The lead inspector chooses the 30 children from Ofsted's balanced proposal (¶97), then at least
/// 5 of them for audit (¶99). The platform decides who may choose and checks the numbers; its
/// refusals are shown as the GOV.UK error summary.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public SelectionView Selection { get; private set; } = null!;
    public ProposalView? Proposal { get; private set; }
    public List<PageError> Errors { get; } = [];

    [TempData] public string? Chosen { get; set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostThirty(Guid id, List<string> childIds, CancellationToken ct) =>
        await Choose(id, SelectionPaths.Thirty(id), childIds, "child", $"{childIds.Count} children chosen for the inspection.", ct);

    public async Task<IActionResult> OnPostAudit(Guid id, List<string> childIds, CancellationToken ct) =>
        await Choose(id, SelectionPaths.Audit(id), childIds, "audit", $"{childIds.Count} children chosen for audit.", ct);

    private async Task<IActionResult> Choose(Guid id, string path, List<string> childIds, string field, string done, CancellationToken ct)
    {
        var result = await gateway.Send<SelectionView>(HttpMethod.Put, path, new { childIds }, ct);
        if (result.Value is not null)
        {
            Chosen = done;
            return RedirectToPage(new { id });
        }
        await Load(id, ct);
        Errors.AddRange(result.Problem!.Messages().Select(m => new PageError($"{field}-0", m.Message)));
        return Page();
    }

    public ChildrenTable ProposalTable(ProposalView proposal)
    {
        var ids = proposal.Children.Select(c => c.ChildId).ToList();
        return new ChildrenTable(proposal.Children, ids, "child", ids.ToHashSet(), "The proposed children");
    }

    public ChildrenTable AuditTable() => new(
        Selection.Children.Select(c => c.Profile).ToList(), Selection.Children.Select(c => c.ChildId).ToList(), "audit",
        Selection.Children.Where(c => c.ForAudit).Select(c => c.ChildId).ToHashSet(), "Choose at least 5 children for audit");

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Selection = await gateway.Get<SelectionView>(SelectionPaths.Base(id), ct);
        Inspection = await inspection;
        if (Selection.Selected == 0) Proposal = await gateway.Find<ProposalView>(SelectionPaths.Proposal(id), ct);
    }
}
