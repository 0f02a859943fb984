namespace Jtai.Web.Pages.StatementOfAction;

// The orchestrator's statement of action (¶85–87) as the page reads it.

public sealed record StatementResponseView(string Inspectorate, string Text, string RespondedBy, DateTimeOffset RespondedAt);

public sealed record StatementOfActionView(Guid InspectionId, string LeadAgency, List<string> CooperatingAgencies, DateOnly DueOn,
    bool Submitted, string? Text, string? SubmittedBy, string? SubmittedAgency, DateTimeOffset? SubmittedAt, bool Overdue,
    DateTimeOffset? OverdueSince, List<StatementResponseView> Responses, List<string> AwaitingResponseFrom);

public static class StatementPaths
{
    public static string Statement(Guid id) => $"/api/orchestrator/inspections/{id}/statement-of-action";
    public static string Responses(Guid id) => $"{Statement(id)}/responses";
}
