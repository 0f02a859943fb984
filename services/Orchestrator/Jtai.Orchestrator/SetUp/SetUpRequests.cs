using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.SetUp;

/// <summary>A named contact of the area: the link person (¶21) or one of the well-being contacts (¶20).</summary>
public sealed record SetUpContactBody(string? Name, string? Role, string? Organisation, string? Email, string? Phone) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => Check(this, "", errors);

    /// <summary>The contact, or null with its mistakes named under <paramref name="prefix"/> (empty for a contact on its own).</summary>
    public static SetUpContact? Check(SetUpContactBody? body, string prefix, RequestErrors errors)
    {
        string F(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        if (body is null) { errors.Add(prefix.Length == 0 ? "name" : prefix, "A contact needs a name, role, organisation and e-mail address."); return null; }
        var ok = Text(body.Name, F("name"), errors) & Text(body.Role, F("role"), errors) & Text(body.Organisation, F("organisation"), errors);
        if (errors.Required(body.Email, F("email")) && !(body.Email.Length <= SetUpLimits.Email && System.Net.Mail.MailAddress.TryCreate(body.Email.Trim(), out _)))
        {
            errors.Add(F("email"), $"'{F("email")}' must be an e-mail address.");
            ok = false;
        }
        else if (string.IsNullOrWhiteSpace(body.Email)) ok = false;
        ok &= errors.MaxLength(body.Phone, SetUpLimits.Phone, F("phone"));
        return ok ? body.ToContact() : null;
    }

    /// <summary>The contact this body names, once checked.</summary>
    public SetUpContact ToContact() =>
        new() { Name = Name!.Trim(), Role = Role!.Trim(), Organisation = Organisation!.Trim(), Email = Email!.Trim(), Phone = SetUpLimits.Trimmed(Phone) };

    private static bool Text(string? value, string field, RequestErrors errors) =>
        errors.Required(value, field) && errors.MaxLength(value, SetUpLimits.Short, field);
}

/// <summary>What the set-up discussion agreed (¶20), recorded against the discussion's meeting record.</summary>
public sealed record SetUpAgreementBody(Guid? SetUpDiscussionId, string? WellbeingSteps, List<SetUpContactBody?>? WellbeingContacts,
    string? EqualitiesAndAdjustments, string? RaisingConcerns, string? IssuesRaised)
{
    /// <summary>The well-being contacts, or null with the errors; <paramref name="discussionRecorded"/>: the meeting is this inspection's set-up discussion.</summary>
    public List<SetUpContact>? Check(bool discussionRecorded, out RequestErrors errors)
    {
        errors = new RequestErrors();
        if (errors.Required(SetUpDiscussionId, "setUpDiscussionId") && !discussionRecorded)
            errors.Add("setUpDiscussionId", "'setUpDiscussionId' is not a set-up discussion recorded for this inspection: record the meeting first, with who attended (¶20).");
        errors.MaxLength(WellbeingSteps, SetUpLimits.Text, "wellbeingSteps");
        var contacts = new List<SetUpContact>();
        if (WellbeingContacts is not { Count: > 0 })
            errors.Add("wellbeingContacts", "'wellbeingContacts' names at least one person to tell of a concern about someone's well-being (¶20).");
        else if (WellbeingContacts.Count > 20) errors.Add("wellbeingContacts", "'wellbeingContacts' lists at most 20 people.");
        else
            for (var i = 0; i < WellbeingContacts.Count; i++)
                if (SetUpContactBody.Check(WellbeingContacts[i], $"wellbeingContacts[{i}]", errors) is { } contact) contacts.Add(contact);
        if (errors.Required(EqualitiesAndAdjustments, "equalitiesAndAdjustments")) errors.MaxLength(EqualitiesAndAdjustments, SetUpLimits.Text, "equalitiesAndAdjustments");
        if (errors.Required(RaisingConcerns, "raisingConcerns")) errors.MaxLength(RaisingConcerns, SetUpLimits.Text, "raisingConcerns");
        errors.MaxLength(IssuesRaised, SetUpLimits.Text, "issuesRaised");
        return errors.Any ? null : contacts;
    }
}

/// <summary>¶22: a safeguarding incident, by kind, in words that name no one, with the agencies concerned.</summary>
public sealed record SafeguardingIncidentBody(string? Kind, string? Summary, List<string?>? Agencies) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Kind, "kind")) errors.OneOf(Kind, IncidentKinds.All, "kind");
        if (errors.Required(Summary, "summary")) errors.MaxLength(Summary, SetUpLimits.Text, "summary");
        SetUpStage.Agencies(Agencies, "agencies", errors);
    }

    public SafeguardingIncident ToIncident(Guid inspectionId, string by, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = Kind!, Summary = Summary!.Trim(), Agencies = Agencies!.Select(a => a!).Distinct().ToList(),
        RecordedAt = at, RecordedBy = by,
    };
}

/// <summary>¶24: information beyond Annex A, agreed only with both justifications shown.</summary>
public sealed record AdditionalInformationBody(string? Description, string? ProposedBy, string? ProvidedBy, string? NecessaryBecause, string? NotInAnnexABecause)
    : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Description, "description")) errors.MaxLength(Description, SetUpLimits.Text, "description");
        if (errors.Required(ProposedBy, "proposedBy")) errors.OneOf(ProposedBy, AdditionalInformationProposers.All, "proposedBy");
        if (errors.Required(ProvidedBy, "providedBy")) errors.OneOf(ProvidedBy, Agencies.All, "providedBy");
        if (string.IsNullOrWhiteSpace(NecessaryBecause))
            errors.Add("necessaryBecause", "'necessaryBecause' is required: why the information is necessary for an accurate understanding of children's experiences and the partnership's effectiveness within the inspection's scope (¶24).");
        else errors.MaxLength(NecessaryBecause, SetUpLimits.Text, "necessaryBecause");
        if (string.IsNullOrWhiteSpace(NotInAnnexABecause))
            errors.Add("notInAnnexABecause", "'notInAnnexABecause' is required: why the Annex A request does not already bring it (¶24).");
        else errors.MaxLength(NotInAnnexABecause, SetUpLimits.Text, "notInAnnexABecause");
    }

    public AdditionalInformation ToAdditionalInformation(Guid inspectionId, string by, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), InspectionId = inspectionId, Description = Description!.Trim(), ProposedBy = ProposedBy!, ProvidedBy = ProvidedBy!,
        NecessaryBecause = NecessaryBecause!.Trim(), NotInAnnexABecause = NotInAnnexABecause!.Trim(), AgreedAt = at, AgreedBy = by,
    };
}
