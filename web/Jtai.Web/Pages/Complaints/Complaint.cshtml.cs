using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Complaints;

/// <summary>
/// One complaint and its next step for the investigating inspectorate's managers and QA managers
/// (Annex C ¶121–124): about the process or findings, appoint the lead investigator, acknowledge
/// (deciding on a request to withdraw the letter), share the response with all inspectorates, then
/// send it; about conduct, acknowledge and record the outcome. The platform decides who acts.
/// </summary>
public sealed class ComplaintModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public ComplaintView Complaint { get; private set; } = null!;

    [BindProperty] public StepForm Form { get; set; } = new();

    /// <summary>The investigating inspectorate's managers and QA managers (a way in: the platform decides).</summary>
    public bool Investigates => Complaint.ClosedAt is null && User.Inspectorate() == Complaint.HandledBy
        && (User.HasRole(JtaiRoles.Manager) || User.HasRole(JtaiRoles.QaManager));

    /// <summary>The step the complaint is at, in the platform's words for its path.</summary>
    public string? NextStep => Complaint switch
    {
        { ClosedAt: not null } => null,
        { AboutConduct: false, LeadInvestigator: null } => "lead-investigator",
        { AcknowledgedAt: null } => "acknowledgement",
        { AboutConduct: true } => "outcome",
        { ResponseSharedAt: null } => "response/share",
        _ => "response/send",
    };

    public async Task OnGet(Guid id, Guid complaintId, CancellationToken ct) => await Load(id, complaintId, ct);

    public async Task<IActionResult> OnPost(Guid id, Guid complaintId, string step, CancellationToken ct)
    {
        object? body = step switch
        {
            "lead-investigator" => new { name = Form.Name },
            "acknowledgement" => new { withdrawalAgreed = Form.WithdrawalAgreed is null ? (bool?)null : Form.WithdrawalAgreed == "yes", decidedBy = Form.DecidedBy },
            "response/share" or "outcome" => new { text = Form.Text, upheld = Form.Upheld is null ? (bool?)null : Form.Upheld == "yes" },
            "response/send" => null,
            _ => throw new GatewayRefusal(System.Net.HttpStatusCode.NotFound, step),
        };
        var problem = await gateway.Send(HttpMethod.Post, ComplaintPaths.Step(id, complaintId, step), body, ct);
        if (problem is null)
            return Changed(step switch
            {
                "lead-investigator" => $"{Form.Name} appointed lead investigator.",
                "acknowledgement" => "Complaint acknowledged.",
                "response/share" => "Response shared with all the inspectorates.",
                _ => "Complaint closed.",
            }, new { id, complaintId });
        Refused(problem, field => field switch
        {
            "name" => new FormField("name", "Enter the lead investigator's name"),
            "withdrawalAgreed" => new FormField("withdrawalAgreed-0", "Select whether the withdrawal is agreed"),
            "decidedBy" => new FormField("decidedBy", "Enter who decided"),
            "text" => new FormField("text", "Enter the response"),
            "upheld" => new FormField("upheld-0", "Select whether the complaint is upheld"),
            _ => null,
        }, step switch { "lead-investigator" => "name", "acknowledgement" => "acknowledge", "response/send" => "send", "outcome" or "response/share" => "text", _ => "main-content" });
        await Load(id, complaintId, ct);
        return Page();
    }

    private async Task Load(Guid id, Guid complaintId, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Complaint = await gateway.Get<ComplaintView>(ComplaintPaths.Complaint(id, complaintId), ct);
        Inspection = await inspection;
    }

    public sealed class StepForm
    {
        public string? Name { get; set; }
        public string? WithdrawalAgreed { get; set; }
        public string? DecidedBy { get; set; }
        public string? Text { get; set; }
        public string? Upheld { get; set; }
    }
}
