using Jtai.ServiceDefaults.Problems;

namespace Jtai.Cqc.FollowUp;

public sealed record ScheduleReviewMeetingRequest(DateOnly? On, IReadOnlyList<string?>? Attendees) : IValidatedRequest
{
    public List<string?> Trimmed => (Attendees ?? []).Select(a => a?.Trim()).ToList();

    public void Validate(RequestErrors errors)
    {
        errors.Required(On, "on");
        var attendees = Trimmed;
        if (attendees.Count == 0) errors.Add("attendees", "Name who attends the management review meeting.");
        for (var i = 0; i < attendees.Count; i++)
            if (errors.Required(attendees[i], $"attendees[{i}]")) errors.MaxLength(attendees[i], ManagementReviewMeeting.AttendeeLength, $"attendees[{i}]");
    }
}

/// <summary>The meeting's decision (¶113): its responses, the enforcement actions when enforcement is one, and its reasons.</summary>
public sealed record ReviewDecisionRequest(IReadOnlyList<string?>? Responses, IReadOnlyList<string?>? Enforcement, string? Reasons, string? CriminalRoutesNoted, DateOnly? ActionsDueOn)
    : IValidatedRequest
{
    public List<string> Decided => (Responses ?? []).Select(r => r ?? "").Distinct().ToList();
    public List<string> EnforcementActions => (Enforcement ?? []).Select(r => r ?? "").Distinct().ToList();

    public void Validate(RequestErrors errors)
    {
        var responses = Decided;
        var enforcement = EnforcementActions;
        if (responses.Count == 0) errors.Add("responses", $"Give the decision: one or more of {string.Join(", ", ManagementReview.Responses)}.");
        for (var i = 0; i < responses.Count; i++) errors.OneOf(responses[i], ManagementReview.Responses, $"responses[{i}]");
        if (responses.Contains(ManagementReview.NoFurtherAction) && responses.Count > 1)
            errors.Add("responses", "'no-further-action' cannot be combined with a regulatory response.");
        if (responses.Contains("enforcement") && enforcement.Count == 0)
            errors.Add("enforcement", $"Enforcement names its action: {string.Join(", ", ManagementReview.EnforcementActions)}.");
        if (!responses.Contains("enforcement") && enforcement.Count > 0)
            errors.Add("enforcement", "Enforcement actions are given only when the decision includes 'enforcement'.");
        for (var i = 0; i < enforcement.Count; i++) errors.OneOf(enforcement[i], ManagementReview.EnforcementActions, $"enforcement[{i}]");
        if (errors.Required(Reasons, "reasons")) errors.MaxLength(Reasons, ManagementReviewMeeting.ReasonsLength, "reasons");
        errors.MaxLength(CriminalRoutesNoted, ManagementReviewMeeting.CriminalRoutesLength, "criminalRoutesNoted");
        if (responses.Contains(ManagementReview.NoFurtherAction) && ActionsDueOn is not null)
            errors.Add("actionsDueOn", "No further action has nothing to be due.");
    }
}

public sealed record CloseActionRequest(string? Outcome) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Outcome, "outcome")) errors.MaxLength(Outcome, RegulatoryAction.OutcomeLength, "outcome");
    }
}
