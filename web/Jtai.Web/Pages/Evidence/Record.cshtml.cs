using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Evidence;

/// <summary>
/// Records one piece of evidence (¶70–76) against the evaluation criteria of the inspection's own
/// framework version. The service validates it (sources, criteria, data minimisation); its
/// problems come back by field and are shown as the GOV.UK error summary.
/// </summary>
public sealed class RecordModel(GatewayClient gateway, TimeProvider clock) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public FrameworkView Framework { get; private set; } = null!;

    [BindProperty] public EvidenceForm Form { get; set; } = new();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is null) return NotFound();
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is not { } path) return NotFound();
        await Load(id, ct);
        if (Form.Body(Errors, clock.GetUtcNow()) is not { } body) return Page();

        var result = await gateway.Send<EvidenceView>(HttpMethod.Post, path, body, ct);
        if (result.Value is { } saved)
        {
            Done = $"Evidence record saved ({EvidenceSources.Label(saved.Source)}, {string.Join(", ", saved.Criteria)}).";
            return RedirectToPage("/Evidence/Index", new { id });
        }
        Errors.AddRange(EvidenceForm.Problems(result.Problem!));
        return Page();
    }

    public EvidenceFields Fields => new(Form, Framework, ErrorFor);

    private async Task Load(Guid id, CancellationToken ct)
    {
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Framework = await gateway.Get<FrameworkView>(EvidencePaths.Framework(Inspection.Theme, Inspection.FrameworkVersion), ct);
    }
}
