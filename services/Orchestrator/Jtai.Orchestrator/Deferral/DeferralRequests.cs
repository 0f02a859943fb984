using Jtai.Calendar.Timeline;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Deferral;

public sealed record DeferralRequestBody(string? Reason, DateOnly? ProposedFieldworkStart) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, DeferralRequest.ReasonLength, "reason");
    }
}

/// <summary>The inspectorates' decision, recorded by Ofsted with the inspectorates it agreed it with (both CQC and HMICFRS).</summary>
public sealed record DeferralDecisionBody(string? Outcome, DateOnly? NewFieldworkStart, string? Reason, IReadOnlyList<string?>? AgreedWith)
{
    public bool Accepted => Outcome == DeferralOutcomes.Accepted;

    /// <summary>
    /// The decision's form with what it depends on: a new fieldwork start the calendar allows, and <paramref name="others"/>, the
    /// other inspectorates taking part, each named in 'agreedWith' (¶19: none in an Ofsted-only inspection). Checked by the handler.
    /// </summary>
    public RequestErrors CheckFor(TimelineCalculator calculator, IReadOnlyList<string> others)
    {
        var errors = new RequestErrors();
        if (errors.Required(Outcome, "outcome")) errors.OneOf(Outcome, DeferralOutcomes.All, "outcome");
        errors.MaxLength(Reason, DeferralRequest.ReasonLength, "reason");
        if (Accepted && errors.Required(NewFieldworkStart, "newFieldworkStart"))
        {
            if (calculator.FieldworkStartProblem(NewFieldworkStart.Value) is { } problem) errors.Add("newFieldworkStart", problem);
        }
        if (!Accepted && NewFieldworkStart is not null)
            errors.Add("newFieldworkStart", "'newFieldworkStart' is given only when the deferral is accepted.");
        var agreedWith = (AgreedWith ?? []).Select(a => a?.Trim().ToLowerInvariant()).Distinct().ToList();
        if (others.Count > 0 && agreedWith.Count == 0) errors.Add("agreedWith", "'agreedWith' is required.");
        else if (agreedWith.Count != others.Count || others.Any(o => !agreedWith.Contains(o)))
            errors.Add("agreedWith", others.Count == 0
                ? "'agreedWith' names nobody: Ofsted alone takes part in this inspection and decides its deferral."
                : $"'agreedWith' must name {string.Join(" and ", others)}: the inspectorates decide a deferral together (¶19).");
        return errors;
    }
}
