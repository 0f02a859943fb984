using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;

namespace Jtai.Web.Pages.Evidence;

/// <summary>The fields of an evidence record as typed (record and edit share them).</summary>
public sealed class EvidenceForm
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string? Source { get; set; }
    public string? SourceDetail { get; set; }
    public DateParts Gathered { get; set; } = new();
    public DateParts Meeting { get; set; } = new();
    public string? MeetingTime { get; set; }
    public List<string> Criteria { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    /// <summary>The theme's focus areas (FA1…) the evidence speaks to: the prompts of the record.</summary>
    public List<string> FocusAreas { get; set; } = [];
    public string? Text { get; set; }

    /// <summary>The form as the record reads now (dates in London).</summary>
    public static EvidenceForm Of(EvidenceView record)
    {
        var meeting = record.MeetingAt is { } at ? TimeZoneInfo.ConvertTime(at, London) : (DateTimeOffset?)null;
        return new EvidenceForm
        {
            Source = record.Source, SourceDetail = record.SourceDetail,
            Gathered = DateParts.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.GatheredAt, London).DateTime)),
            Meeting = DateParts.Of(meeting is { } m ? DateOnly.FromDateTime(m.DateTime) : null),
            MeetingTime = meeting?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Criteria = [.. record.Criteria], Agencies = [.. record.Agencies], FocusAreas = [.. record.FocusAreas ?? []], Text = record.Text,
        };
    }

    /// <summary>The body the service takes, or null with the errors of the dates (which the page checks itself).</summary>
    public object? Body(List<PageError> errors, DateTimeOffset now, IReadOnlyList<PersonReference>? people = null, int? revision = null)
    {
        var gatheredAt = Gathered.ToInstant("gatheredAt-day", "date the evidence was gathered", null, errors, now);
        DateTimeOffset? meetingAt = Meeting.IsEmpty && string.IsNullOrWhiteSpace(MeetingTime) ? null
            : Meeting.ToInstant("meetingAt-day", "date of the meeting", MeetingTime, errors);
        if (errors.Count > 0) return null;
        return new
        {
            source = Source,
            sourceDetail = string.IsNullOrEmpty(SourceDetail) ? null : SourceDetail,
            gatheredAt,
            meetingAt,
            criteria = Criteria,
            agencies = Agencies,
            focusAreas = FocusAreas,
            text = Text,
            people,
            revision,
        };
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
        "focusareas" => "focusAreas-0",
        _ => "text",
    };

    /// <summary>The service's problems beside the fields.</summary>
    public static IEnumerable<PageError> Problems(GatewayProblem problem) =>
        problem.Messages().Select(m => new PageError(FieldId(m.Field), m.Message));
}

/// <summary>What the fields partial needs: the form, the framework's criteria and the errors.</summary>
public sealed record EvidenceFields(EvidenceForm Form, FrameworkView Framework, Func<string, string?> ErrorFor);
