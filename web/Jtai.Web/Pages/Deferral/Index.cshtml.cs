using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Deferral;

/// <summary>
/// ¶19: after notification and before fieldwork the partnership may ask once for the inspection to
/// be deferred; the inspectorates decide, and Ofsted records the decision. The platform decides who
/// may ask and decide and when; the page shows the request, its decision and the forms.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<DeferralRequestView> Requests { get; private set; } = [];
    public DeferralRequestView? Undecided => Requests.FirstOrDefault(r => r.Outcome is null);
    /// <summary>The other inspectorates taking part, with whom Ofsted decides (¶19); none in an Ofsted-only inspection.</summary>
    public IReadOnlyList<string> Others { get; private set; } = [];

    [BindProperty] public RequestForm Ask { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();

    /// <summary>Partners ask; Ofsted's staff may record a request for them and record the decision (a way in: the platform decides).</summary>
    public bool OffersRequest => Requests.Count == 0 && (User.IsPartner() || User.Inspectorate() == Inspectorates.Ofsted);
    public bool OffersDecision => Undecided is not null && User.Inspectorate() == Inspectorates.Ofsted;

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostRequest(Guid id, CancellationToken ct)
    {
        var proposed = Ask.ProposedFieldworkStart.ToDate("proposedFieldworkStart-day", "proposed start of fieldwork", Errors, required: false);
        if (Errors.Count == 0)
        {
            var problem = await gateway.Send(HttpMethod.Post, DeferralPaths.Requests(id), new { reason = Ask.Reason, proposedFieldworkStart = proposed }, ct);
            if (problem is null) return Changed("Deferral requested. The inspectorates will decide.", new { id });
            Refused(problem, field => field switch
            {
                "reason" => new FormField("reason", "Enter why the partnership asks for a deferral"),
                "proposedFieldworkStart" => new FormField("proposedFieldworkStart-day"),
                _ => null,
            }, "reason");
        }
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecision(Guid id, Guid requestId, CancellationToken ct)
    {
        var accepted = Decision.Outcome == "accepted";
        var newStart = accepted ? Decision.NewFieldworkStart.ToDate("newFieldworkStart-day", "new start of fieldwork", Errors, required: false) : null;
        if (Errors.Count == 0)
        {
            var problem = await gateway.Send(HttpMethod.Post, DeferralPaths.Decision(id, requestId),
                new { outcome = Decision.Outcome, newFieldworkStart = newStart, reason = Decision.Reason, agreedWith = Decision.AgreedWith }, ct);
            if (problem is null)
                return Changed(accepted ? $"Deferral accepted: fieldwork now starts on {Display.Date(newStart!.Value)}." : "Deferral refused.", new { id });
            Refused(problem, field => field switch
            {
                "outcome" => new FormField("outcome-0", "Select whether the deferral is accepted or refused"),
                "newFieldworkStart" => new FormField("newFieldworkStart-day", "Enter the new start of fieldwork"),
                "reason" => new FormField("decisionReason"),
                "agreedWith" => new FormField("agreedWith-0", "Select CQC and HMICFRS: the inspectorates decide a deferral together"),
                _ => null,
            }, "outcome-0");
        }
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Requests = await gateway.Get<List<DeferralRequestView>>(DeferralPaths.Requests(id), ct);
        Inspection = await inspection;
        if (OffersDecision) Others = Inspection.Inspectorates.Where(i => i != Inspectorates.Ofsted).ToList();
    }

    public sealed class RequestForm
    {
        public string? Reason { get; set; }
        public DateParts ProposedFieldworkStart { get; set; } = new();
    }

    public sealed class DecisionForm
    {
        public string? Outcome { get; set; }
        public DateParts NewFieldworkStart { get; set; } = new();
        public string? Reason { get; set; }
        /// <summary>The other inspectorates whose agreement Ofsted records (¶19: they decide together).</summary>
        public List<string> AgreedWith { get; set; } = [];
    }
}
