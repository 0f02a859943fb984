using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.StatementOfAction;

/// <summary>
/// ¶85–87: when the letter asks for one, the partnership sends a written statement of action within
/// 70 working days of publication, through the agency the letter names to lead it; each inspectorate
/// then records its response. The platform decides who submits and who responds.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    /// <summary>Null until the final letter asks for a statement.</summary>
    public StatementOfActionView? Statement { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? ResponseText { get; set; }

    /// <summary>The lead agency's partners submit (a way in: the platform decides).</summary>
    public bool OffersSubmission => Statement is { Submitted: false } s && User.IsPartner() && User.Agency() == s.LeadAgency;

    /// <summary>Staff of an inspectorate that has not yet responded, once the statement is in (the platform decides who may).</summary>
    public bool OffersResponse => Statement is { Submitted: true } s && User.Inspectorate() is { } mine && s.AwaitingResponseFrom.Contains(mine);

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostSubmit(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, StatementPaths.Statement(id), new { text = Text }, ct);
        if (problem is null) return Changed("Statement of action sent to the inspectorates.", new { id });
        Refused(problem, field => field == "text" ? new FormField("text", "Enter the statement of action") : null, "text");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRespond(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, StatementPaths.Responses(id), new { text = ResponseText }, ct);
        if (problem is null) return Changed($"{Display.Inspectorate(User.Inspectorate())}'s response recorded.", new { id });
        Refused(problem, field => field == "text" ? new FormField("response", "Enter the response") : null, "response");
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var statement = gateway.Find<StatementOfActionView>(StatementPaths.Statement(id), ct);
        Inspection = await inspection;
        Statement = await statement;
    }
}
