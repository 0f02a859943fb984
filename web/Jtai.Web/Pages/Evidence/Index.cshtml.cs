using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Evidence;

/// <summary>The evidence records of the signed-in person's inspectorate for one inspection (its team members only: the service decides).</summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public List<EvidenceView> Records { get; private set; } = [];

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is not { } path) return NotFound();
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Records = (await gateway.GetAll<EvidenceView>(path, ct)).OrderByDescending(r => r.GatheredAt).ToList();
        Inspection = await inspection;
        return Page();
    }
}
