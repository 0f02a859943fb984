using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Findings;

/// <summary>Ofsted's shared evidence record of the inspection, read-only: the evaluative summaries findings link to (¶73–74).</summary>
public sealed class SharedRecordModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<SharedEntryView> Entries { get; private set; } = [];

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        var entries = gateway.GetAll<SharedEntryView>(FindingPaths.SharedRecord(id), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Entries = (await entries).OrderBy(e => e.CreatedAt).ToList();
    }
}
