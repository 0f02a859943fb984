namespace Jtai.Web.Pages.Complaints;

// The orchestrator's formal complaints (Annex C) as the pages read them.

/// <summary>A complaint; another inspectorate reads only the kind, status and whether a conduct complaint was upheld (¶124).</summary>
public sealed record ComplaintView(Guid Id, Guid InspectionId, string Kind, string HandledBy, string Status, DateTimeOffset SubmittedAt,
    string? Text, string? SubmittedBy, string? Agency, string? InspectorName, bool? WithdrawalRequested, string? ExceptionalCircumstances,
    string? LeadInvestigator, DateOnly? AcknowledgementDueOn, DateTimeOffset? AcknowledgedAt, bool? WithdrawalAgreed, DateOnly? ResponseDueOn,
    string? ResponseText, DateTimeOffset? ResponseSharedAt, DateTimeOffset? RespondedAt, bool? Upheld, DateTimeOffset? ClosedAt,
    bool? AcknowledgementOverdue, bool? ResponseOverdue)
{
    public bool AboutConduct => Kind == ComplaintWords.Conduct;
}

public static class ComplaintPaths
{
    public static string Complaints(Guid id) => $"/api/orchestrator/inspections/{id}/complaints";
    public static string Complaint(Guid id, Guid complaintId) => $"{Complaints(id)}/{complaintId}";
    public static string Step(Guid id, Guid complaintId, string step) => $"{Complaint(id, complaintId)}/{step}";
}

public static class ComplaintWords
{
    public const string ProcessOrFindings = "process-or-findings";
    public const string Conduct = "conduct";

    public static string Kind(string kind) => kind switch
    {
        ProcessOrFindings => "About the process or the findings",
        Conduct => "About an inspector's conduct",
        _ => Display.Words(kind),
    };

    public static (string Text, string Colour) Status(string status) => status switch
    {
        "received" => ("Received", "govuk-tag--blue"),
        "acknowledged" => ("Acknowledged", "govuk-tag--yellow"),
        "closed" => ("Closed", "govuk-tag--grey"),
        _ => (Display.Words(status), "govuk-tag--grey"),
    };
}
