using System.Globalization;
using Jtai.Web.Gateway;
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
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

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
        var gatheredAt = Form.Gathered.ToInstant("gatheredAt", "date the evidence was gathered", null, Errors);
        DateTimeOffset? meetingAt = Form.Meeting.IsEmpty && string.IsNullOrWhiteSpace(Form.MeetingTime) ? null
            : Form.Meeting.ToInstant("meetingAt", "date of the meeting", Form.MeetingTime, Errors);
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

    /// <summary>GOV.UK's date input: day, month and year as typed.</summary>
    public sealed class DateParts
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

        /// <summary>The London date (and time, else midday) as an instant, or an error in GOV.UK's words.</summary>
        public DateTimeOffset? ToInstant(string field, string what, string? time, List<PageError> errors)
        {
            if (IsEmpty)
            {
                errors.Add(new PageError($"{field}-day", $"Enter the {what}"));
                return null;
            }
            if (!int.TryParse(Day, out var d) || !int.TryParse(Month, out var m) || !int.TryParse(Year, out var y)
                || y < 2000 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                errors.Add(new PageError($"{field}-day", $"The {what} must be a real date"));
                return null;
            }
            var clock = new TimeOnly(12, 0);
            if (!string.IsNullOrWhiteSpace(time) && !TimeOnly.TryParseExact(time.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
            {
                errors.Add(new PageError($"{field}-day", $"Enter the time of the meeting as hours and minutes, like 14:30"));
                return null;
            }
            var local = new DateTime(y, m, d, clock.Hour, clock.Minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, London.GetUtcOffset(local));
        }
    }
}

/// <summary>A GOV.UK date input: its id, form name, legend, hint, value and error.</summary>
public sealed record DateField(string Id, string Name, string Legend, string? Hint, RecordModel.DateParts Value, string? Error);
