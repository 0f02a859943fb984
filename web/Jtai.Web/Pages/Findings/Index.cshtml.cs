using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Evidence;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Findings;

/// <summary>
/// The findings register (¶77–81): inspectors record findings and link each to evaluative summaries
/// of Ofsted's shared evidence record; the QA manager confirms the links (¶80); the lead inspectors
/// agree the findings once every one rests on confirmed evidence (¶81). The platform decides who
/// does what; the page offers each step and shows the platform's refusal.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public FindingsRegisterView Register { get; private set; } = null!;
    /// <summary>The shared record's evaluative summaries, when this person may read it (null otherwise).</summary>
    public IReadOnlyList<SharedEntryView>? Summaries { get; private set; }
    public FrameworkView Framework { get; private set; } = null!;

    [BindProperty] public FindingForm Form { get; set; } = new();
    [BindProperty] public Guid? SummaryId { get; set; }

    public bool Gathers => User.HasRole(JtaiRoles.LeadInspector) || User.HasRole(JtaiRoles.Inspector) || User.HasRole(JtaiRoles.Hmi);
    public bool ChecksQuality => User.HasRole(JtaiRoles.QaManager);
    public bool Leads => User.HasRole(JtaiRoles.LeadInspector);

    public SharedEntryView? Summary(Guid id) => Summaries?.FirstOrDefault(s => s.Id == id);
    public FocusArea? FocusArea(string code) => Framework.FocusAreaPrompts?.FirstOrDefault(p => p.Code == code);

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostRecord(Guid id, CancellationToken ct)
    {
        var result = await gateway.Send<FindingView>(HttpMethod.Post, FindingPaths.Register(id), new
        {
            kind = Form.Kind, text = Form.Text, agencies = Form.Agencies, services = string.IsNullOrWhiteSpace(Form.Services) ? null : Form.Services,
            criteria = Form.Criteria,
            focusAreas = Form.FocusAreas,
        }, ct);
        if (result.Value is { } finding) return Changed($"{FindingWords.Kind(finding.Kind).Text} recorded. Link it to the evidence it rests on.", new { id });
        Refused(result.Problem!, field => field.Split('[')[0] switch
        {
            "kind" => new FormField("kind-0", "Select the kind of finding"),
            "text" => new FormField("text", "Enter the finding"),
            "agencies" => new FormField("agencies-0", "Select the agencies the finding concerns"),
            "services" => new FormField("services", "Enter the services, practice or arrangements the finding relates to"),
            "criteria" => new FormField("criteria-0", "Select the evaluation criteria"),
            "focusAreas" => new FormField("focusAreas-0"),
            _ => null,
        }, "kind-0");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLink(Guid id, Guid findingId, CancellationToken ct)
    {
        var anchor = $"summary-{findingId}";
        if (SummaryId is null) Errors.Add(new PageError(anchor, "Select the evaluative summary the finding rests on"));
        else
        {
            var problem = await gateway.Send(HttpMethod.Post, FindingPaths.Links(id, findingId), new { summaryId = SummaryId }, ct);
            if (problem is null) return Changed("Finding linked to the evaluative summary.", new { id });
            Refused(problem, _ => new FormField(anchor), anchor);
        }
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirm(Guid id, Guid findingId, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, FindingPaths.ConfirmLinks(id, findingId), null, ct);
        if (problem is null) return Changed("Links confirmed.", new { id });
        Refused(problem, _ => null, $"finding-{findingId}");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAgree(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, FindingPaths.Agree(id), null, ct);
        if (problem is null) return Changed("Findings agreed. The letter can be drafted from them.", new { id });
        Refused(problem, _ => null, "agree");
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var register = gateway.Get<FindingsRegisterView>(FindingPaths.Register(id), ct);
        var entries = gateway.FindAll<SharedEntryView>($"{FindingPaths.SharedRecord(id)}?kind={FindingWords.EvaluativeSummary}", ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var framework = gateway.Get<FrameworkView>(EvidencePaths.Framework(Inspection.Theme, Inspection.FrameworkVersion), ct);
        Register = await register;
        Summaries = (await entries)?.Where(e => e.Kind == FindingWords.EvaluativeSummary).ToList();
        Framework = await framework;
    }

    public sealed class FindingForm
    {
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public List<string> Agencies { get; set; } = [];
        public string? Services { get; set; }
        public List<string> Criteria { get; set; } = [];
        /// <summary>The theme's focus areas it speaks to: the letter's section it appears in.</summary>
        public List<string> FocusAreas { get; set; } = [];
    }
}
