using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Evidence;

/// <summary>
/// The author edits their evidence record; the service keeps the version before the edit (its
/// history) and refuses an edit of a revision that is no longer the latest, so nothing is lost.
/// The people the record refers to are kept as they are (names are removed on the record's page).
/// </summary>
public sealed class EditModel(GatewayClient gateway, TimeProvider clock) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public FrameworkView Framework { get; private set; } = null!;
    public EvidenceView Record { get; private set; } = null!;

    [BindProperty] public EvidenceForm Form { get; set; } = new();
    /// <summary>The revision the form was read from: an edit of an older one is refused.</summary>
    [BindProperty] public int Revision { get; set; }

    public async Task<IActionResult> OnGet(Guid id, Guid recordId, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is null) return NotFound();
        await Load(id, recordId, ct);
        Form = EvidenceForm.Of(Record);
        Revision = Record.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, Guid recordId, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is not { } path) return NotFound();
        await Load(id, recordId, ct);
        if (Form.Body(Errors, clock.GetUtcNow(), Record.People, Revision) is not { } body) return Page();

        var result = await gateway.Send<EvidenceView>(HttpMethod.Put, $"{path}/{recordId}", body, ct);
        if (result.Value is { } saved)
        {
            Done = $"Evidence record updated (revision {saved.Revision}).";
            return RedirectToPage("/Evidence/Show", new { id, recordId });
        }
        Errors.AddRange(EvidenceForm.Problems(result.Problem!));
        return Page();
    }

    public EvidenceFields Fields => new(Form, Framework, ErrorFor);

    private async Task Load(Guid id, Guid recordId, CancellationToken ct)
    {
        var record = gateway.Get<EvidenceView>($"{EvidencePaths.Records(User, id)}/{recordId}", ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Framework = await gateway.Get<FrameworkView>(EvidencePaths.Framework(Inspection.Theme, Inspection.FrameworkVersion), ct);
        Record = await record;
    }
}
