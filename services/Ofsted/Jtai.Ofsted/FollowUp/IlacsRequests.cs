using Jtai.ServiceDefaults.Problems;

namespace Jtai.Ofsted.FollowUp;

public sealed record InformDfeRequest(string? Contact) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Contact, "contact")) errors.MaxLength(Contact, IlacsFollowUp.ContactLength, "contact");
    }
}

public sealed record RequestActionPlanRequest(DateOnly? LetterDate);

public sealed record ReceiveActionPlanRequest(string? Stage, DateOnly? ReceivedOn) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Stage, "stage")) errors.OneOf(Stage, [IlacsActionPlan.Draft, IlacsActionPlan.Final], "stage");
        errors.Required(ReceivedOn, "receivedOn");
    }
}

public sealed record ReviewActionPlanRequest(string? Notes) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Notes, "notes")) errors.MaxLength(Notes, IlacsFollowUp.NoteLength, "notes");
    }
}

/// <summary>Accepting may give a reason.</summary>
public sealed record ActionPlanOutcomeRequest(string? Reason) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.MaxLength(Reason, IlacsFollowUp.NoteLength, "reason");
}

/// <summary>Returning a plan always says why (the same body as accepting, with the reason required).</summary>
public sealed record ReturnActionPlanRequest(string? Reason) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, IlacsFollowUp.NoteLength, "reason");
    }
}

public sealed record MonitoringVisitRequest(DateOnly? On, string? Focus) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(On, "on");
        if (errors.Required(Focus, "focus")) errors.MaxLength(Focus, MonitoringVisit.FocusLength, "focus");
    }
}

public sealed record CloseRequest(string? Decision) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Decision, "decision")) errors.MaxLength(Decision, IlacsFollowUp.NoteLength, "decision");
    }
}

public sealed record CoordinationRequest(IReadOnlyList<string?>? SharedWith, string? Note);

public sealed record LetterSharedRequest(IReadOnlyList<string?>? Departments, DateOnly? SharedOn) : IValidatedRequest
{
    public List<string?> Named => (Departments ?? []).Select(d => d?.Trim()).ToList();

    public void Validate(RequestErrors errors)
    {
        var departments = Named;
        if (departments.Count == 0) errors.Add("departments", "Name the government departments the letter was shared with.");
        for (var i = 0; i < departments.Count; i++)
            if (errors.Required(departments[i], $"departments[{i}]")) errors.MaxLength(departments[i], IlacsFollowUp.DepartmentLength, $"departments[{i}]");
        errors.Required(SharedOn, "sharedOn");
    }
}

public sealed record RepeatJtaiRequest(bool? Repeat, string? Reason) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(Repeat, "repeat");
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, IlacsFollowUp.NoteLength, "reason");
    }
}
