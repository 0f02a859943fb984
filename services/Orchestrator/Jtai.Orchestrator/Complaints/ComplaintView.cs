using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Complaints;

/// <summary>The whole complaint, for the complainant's area and the investigating inspectorate (and all inspectorates for process/findings).</summary>
public sealed record ComplaintView(Guid Id, Guid InspectionId, string Kind, string HandledBy, string Status, DateTimeOffset SubmittedAt,
    string? Text, string? SubmittedBy, string? Agency, string? InspectorName, bool? WithdrawalRequested, string? ExceptionalCircumstances,
    string? LeadInvestigator, DateOnly? AcknowledgementDueOn, DateTimeOffset? AcknowledgedAt, bool? WithdrawalAgreed, DateOnly? ResponseDueOn,
    string? ResponseText, DateTimeOffset? ResponseSharedAt, DateTimeOffset? RespondedAt, bool? Upheld, DateTimeOffset? ClosedAt,
    bool? AcknowledgementOverdue, bool? ResponseOverdue)
{
    /// <summary>A conduct complaint's details stay with its inspectorate; the others learn its kind, status and whether upheld (¶125).</summary>
    public static ComplaintView For(Standing standing, Complaint c, IReadOnlySet<string> fired)
    {
        var full = standing.IsPartner || c.Kind == ComplaintKinds.ProcessOrFindings || standing.Inspectorate == c.HandledBy;
        if (!full) return Confidential(c);
        return Full(c, c.AcknowledgedAt is null && fired.Contains(ComplaintDeadlines.Key(c, ComplaintDeadlines.Acknowledgement)),
            c.ClosedAt is null && fired.Contains(ComplaintDeadlines.Key(c, ComplaintDeadlines.Response)));
    }

    public static string StatusOf(Complaint c) => c.ClosedAt is not null ? "closed" : c.AcknowledgedAt is not null ? "acknowledged" : "received";

    public static ComplaintView Full(Complaint c, bool ackOverdue, bool responseOverdue) => new(c.Id, c.InspectionId, c.Kind, c.HandledBy, StatusOf(c),
        c.SubmittedAt, c.Text, c.SubmittedBy, c.Agency, c.InspectorName, c.WithdrawalRequested, c.ExceptionalCircumstances, c.LeadInvestigator,
        c.AcknowledgementDueOn, c.AcknowledgedAt, c.WithdrawalAgreed, c.ResponseDueOn, c.ResponseText, c.ResponseSharedAt, c.RespondedAt, c.Upheld,
        c.ClosedAt, ackOverdue, responseOverdue);

    /// <summary>¶124: another inspectorate learns that a conduct complaint exists and whether it was upheld, nothing more.</summary>
    public static ComplaintView Confidential(Complaint c) => new(c.Id, c.InspectionId, c.Kind, c.HandledBy, StatusOf(c), c.SubmittedAt,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, c.ClosedAt is null ? null : c.Upheld, c.ClosedAt, null, null);
}
