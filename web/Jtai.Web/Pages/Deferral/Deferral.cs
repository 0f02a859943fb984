namespace Jtai.Web.Pages.Deferral;

/// <summary>The partnership's deferral request and the inspectorates' decision (¶19), as the orchestrator shows it.</summary>
public sealed record DeferralRequestView(Guid Id, Guid InspectionId, string Reason, DateOnly? ProposedFieldworkStart, DateTimeOffset RequestedAt,
    string RequestedBy, string? RequestedByAgency, string? Outcome, string? DecisionReason, DateTimeOffset? DecidedAt, string? DecidedBy,
    DateOnly PreviousFieldworkStart, DateOnly? NewFieldworkStart);

public static class DeferralPaths
{
    public static string Requests(Guid id) => $"/api/orchestrator/inspections/{id}/deferral-requests";
    public static string Decision(Guid id, Guid requestId) => $"{Requests(id)}/{requestId}/decision";
}
