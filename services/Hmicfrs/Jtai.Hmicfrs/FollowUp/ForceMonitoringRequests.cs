using Jtai.ServiceDefaults.Problems;

namespace Jtai.Hmicfrs.FollowUp;

public sealed record ReportCauseOfConcernRequest(string? Concern, IReadOnlyList<string?>? Recommendations, DateOnly? ReportPublishedOn) : IValidatedRequest
{
    public List<string?> Trimmed => (Recommendations ?? []).Select(r => r?.Trim()).ToList();

    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Concern, "concern")) errors.MaxLength(Concern, CauseOfConcern.TextLength, "concern");
        var recommendations = Trimmed;
        if (recommendations.Count == 0)
            errors.Add("recommendations", "A cause of concern is always accompanied by one or more recommendations.");
        for (var i = 0; i < recommendations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(recommendations[i])) errors.Add($"recommendations[{i}]", "A recommendation cannot be empty.");
            else errors.MaxLength(recommendations[i], CauseOfConcern.RecommendationLength, $"recommendations[{i}]");
        }
    }
}

public sealed record EscalateRequest(string? Reason, string? Detail) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Reason, "reason")) errors.OneOf(Reason, ForceMonitoring.EscalationReasons, "reason");
        if (errors.Required(Detail, "detail")) errors.MaxLength(Detail, CauseOfConcern.TextLength, "detail");
    }
}

public sealed record HmiMeetingRequest(DateOnly? HeldOn, string? ChiefConstable, string? PoliceAndCrimeCommissioner, string? ActionsIdentified) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(HeldOn, "heldOn");
        if (errors.Required(ChiefConstable, "chiefConstable")) errors.MaxLength(ChiefConstable, CauseOfConcern.NameLength, "chiefConstable");
        if (errors.Required(PoliceAndCrimeCommissioner, "policeAndCrimeCommissioner"))
            errors.MaxLength(PoliceAndCrimeCommissioner, CauseOfConcern.NameLength, "policeAndCrimeCommissioner");
        if (errors.Required(ActionsIdentified, "actionsIdentified")) errors.MaxLength(ActionsIdentified, CauseOfConcern.TextLength, "actionsIdentified");
    }
}

/// <summary>A document the force sends: the root cause analysis or the improvement plan (¶116).</summary>
public sealed record ForceDocumentRequest(DateOnly? ReceivedOn, string? Summary) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(ReceivedOn, "receivedOn");
        if (errors.Required(Summary, "summary")) errors.MaxLength(Summary, CauseOfConcern.TextLength, "summary");
    }
}

public sealed record ImprovementRequiredRequest(string? Improvement) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Improvement, "improvement")) errors.MaxLength(Improvement, CauseOfConcern.TextLength, "improvement");
    }
}

/// <summary>A recorded decision with its evidence: to disengage, or to close.</summary>
public sealed record DecisionRequest(DateOnly? On, string? Decision, string? Evidence) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(On, "on");
        if (errors.Required(Decision, "decision")) errors.MaxLength(Decision, CauseOfConcern.TextLength, "decision");
        if (errors.Required(Evidence, "evidence")) errors.MaxLength(Evidence, CauseOfConcern.TextLength, "evidence");
    }
}

public sealed record RevisitRequest(DateOnly? On, string? Kind, string? Focus) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(On, "on");
        if (errors.Required(Kind, "kind")) errors.OneOf(Kind, Revisit.Kinds, "kind");
        if (errors.Required(Focus, "focus")) errors.MaxLength(Focus, Revisit.FocusLength, "focus");
    }
}

public sealed record PolicingBodyCommentsRequest(DateOnly? PublishedOn) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.Required(PublishedOn, "publishedOn");
}
