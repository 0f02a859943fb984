using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Complaints;

public sealed record ComplaintRequest(string? Kind, string? Text, string? Inspectorate, string? InspectorName, bool? RequestWithdrawal,
    string? ExceptionalCircumstances, Guid? InformalConcernId = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Kind, "kind")) errors.OneOf(Kind, ComplaintKinds.All, "kind");
        if (errors.Required(Text, "text")) errors.MaxLength(Text, Complaint.TextLength, "text");
        if (Kind == ComplaintKinds.Conduct)
        {
            if (errors.Required(Inspectorate, "inspectorate")) errors.OneOf(Inspectorate, Inspectorates.All, "inspectorate");
            if (errors.Required(InspectorName, "inspectorName")) errors.MaxLength(InspectorName, Complaint.NameLength, "inspectorName");
        }
        if (RequestWithdrawal == true && errors.Required(ExceptionalCircumstances, "exceptionalCircumstances"))
            errors.MaxLength(ExceptionalCircumstances, Complaint.TextLength, "exceptionalCircumstances");
    }
}

public sealed record LeadInvestigatorRequest(string? Name) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Name, "name")) errors.MaxLength(Name, Complaint.NameLength, "name");
    }
}

/// <summary>What the acknowledgement must say depends on the complaint: whether it asked for the letter's withdrawal (¶121).</summary>
public sealed record AcknowledgementRequest(bool? WithdrawalAgreed, string? DecidedBy)
{
    public RequestErrors ValidateFor(Complaint complaint)
    {
        var errors = new RequestErrors();
        if (complaint.WithdrawalRequested)
        {
            errors.Required(WithdrawalAgreed, "withdrawalAgreed");
            if (errors.Required(DecidedBy, "decidedBy")) errors.MaxLength(DecidedBy, Complaint.NameLength, "decidedBy");
        }
        else if (WithdrawalAgreed is not null) errors.Add("withdrawalAgreed", "The complaint did not ask for the letter to be withdrawn.");
        return errors;
    }
}

/// <summary>A response (shared or as a conduct outcome) has its text and says whether it is upheld.</summary>
public sealed record ComplaintResponseRequest(string? Text, bool? Upheld) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Text, "text")) errors.MaxLength(Text, Complaint.TextLength, "text");
        errors.Required(Upheld, "upheld");
    }
}
