using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Evidence;

/// <summary>
/// Records one piece of evidence (¶70–76) against the evaluation criteria of the inspection's own
/// framework version. The service validates it (sources, criteria, data minimisation); its
/// problems come back by field and are shown as the GOV.UK error summary.
/// </summary>
public sealed class RecordModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public FrameworkView Framework { get; private set; } = null!;
    public List<PageError> Errors { get; } = [];

    [BindProperty] public EvidenceForm Form { get; set; } = new();
    [TempData] public string? Saved { get; set; }

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
        var gatheredAt = Form.Gathered.ToInstant("gatheredAt-day", "date the evidence was gathered", null, Errors);
        DateTimeOffset? meetingAt = Form.Meeting.IsEmpty && string.IsNullOrWhiteSpace(Form.MeetingTime) ? null
            : Form.Meeting.ToInstant("meetingAt-day", "date of the meeting", Form.MeetingTime, Errors);
        if (Errors.Count > 0) return Page();

        var result = await gateway.Send<EvidenceView>(HttpMethod.Post, path, new
        {
            source = Form.Source,
            sourceDetail = string.IsNullOrEmpty(Form.SourceDetail) ? null : Form.SourceDetail,
            gatheredAt,
            meetingAt,
            criteria = Form.Criteria,
            agencies = Form.Agencies,
            text = Form.Text,
        }, ct);
        if (result.Value is { } saved)
        {
            Saved = $"Evidence record saved ({EvidenceSources.Label(saved.Source)}, {string.Join(", ", saved.Criteria)}).";
            return RedirectToPage("/Evidence/Index", new { id });
        }
        Errors.AddRange(result.Problem!.Messages().Select(m => new PageError(FieldId(m.Field), m.Message)));
        return Page();
    }

    /// <summary>The form field a problem of the service is about (its JSON names).</summary>
    public static string FieldId(string field) => field.Split('[', '.')[0].ToLowerInvariant() switch
    {
        "source" => "source-0",
        "sourcedetail" => "sourceDetail",
        "gatheredat" => "gatheredAt-day",
        "meetingat" => "meetingAt-day",
        "criteria" => "criteria-0",
        "agencies" => "agencies-0",
        _ => "text",
    };

    public DateField GatheredField => new("gatheredAt", "Form.Gathered", "When the evidence was gathered", null, Form.Gathered, ErrorFor("gatheredAt-day"));
    public DateField MeetingField => new("meetingAt", "Form.Meeting", "Date of the meeting, interview or observation",
        "Only for observations, interviews and meetings. For example, 27 3 2027", Form.Meeting, ErrorFor("meetingAt-day"));

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    private async Task Load(Guid id, CancellationToken ct)
    {
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Framework = await gateway.Get<FrameworkView>(EvidencePaths.Framework(Inspection.Theme, Inspection.FrameworkVersion), ct);
    }

    public sealed class EvidenceForm
    {
        public string? Source { get; set; }
        public string? SourceDetail { get; set; }
        public DateParts Gathered { get; set; } = new();
        public DateParts Meeting { get; set; } = new();
        public string? MeetingTime { get; set; }
        public List<string> Criteria { get; set; } = [];
        public List<string> Agencies { get; set; } = [];
        public string? Text { get; set; }
    }
}
