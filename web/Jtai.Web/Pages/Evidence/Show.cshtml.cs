using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Evidence;

/// <summary>
/// One evidence record with its history (every version before an edit), the people it refers to,
/// and the removal of names no longer needed (¶76: the author, or the inspectorate's lead).
/// </summary>
public sealed class ShowModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public EvidenceView Record { get; private set; } = null!;
    public IReadOnlyList<RevisionView> History { get; private set; } = [];
    /// <summary>The theme's focus areas, to show the prompts a record answers in words.</summary>
    public IReadOnlyList<FocusArea> Prompts { get; private set; } = [];

    /// <summary>Only the author edits (a way in: the service decides).</summary>
    public bool OffersEdit => Record.AuthorId == User.Id();

    /// <summary>The author or the lead remove names, while any remain (a way in: the service decides).</summary>
    public bool OffersNameRemoval => (OffersEdit || User.HasRole(JtaiRoles.LeadInspector)) && Record.People.Any(p => p.Name is not null);

    public async Task<IActionResult> OnGet(Guid id, Guid recordId, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is null) return NotFound();
        await Load(id, recordId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveNames(Guid id, Guid recordId, CancellationToken ct)
    {
        if (EvidencePaths.Records(User, id) is not { } path) return NotFound();
        var problem = await gateway.Send(HttpMethod.Post, $"{path}/{recordId}/remove-names", null, ct);
        if (problem is null) return Changed("Names removed from the record and its history.", new { id, recordId });
        Refused(problem, _ => null, "remove-names");
        await Load(id, recordId, ct);
        return Page();
    }

    private async Task Load(Guid id, Guid recordId, CancellationToken ct)
    {
        var path = $"{EvidencePaths.Records(User, id)}/{recordId}";
        var record = gateway.Get<EvidenceView>(path, ct);
        var history = gateway.Get<List<RevisionView>>($"{path}/history", ct);
        var prompts = gateway.Get<EvidencePromptsView>($"{EvidencePaths.Records(User, id)}/prompts", ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Record = await record;
        History = (await history).OrderByDescending(r => r.Revision).ToList();
        Prompts = (await prompts).FocusAreas;
    }
}
