using Jtai.Inspectorate.Evidence;
using Jtai.Ofsted.Data;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Ofsted.IssuesOfConcern;

/// <summary>
/// The steps of an issue of concern (¶70–71): the senior officer's one written response, the
/// raising inspector's and the lead's evaluations (shared once both are in), and the two signatures
/// (the second closes it). Each checks the stage it needs; a closed issue takes no step.
/// </summary>
public sealed partial class IssueOfConcern
{
    public const int TextLength = 10_000;
    public const int ChildReferenceLength = 50;
    public const int NameLength = 200;
    public const int EmailLength = 320;

    public static IssueOfConcern Raise(Guid inspectionId, RaiseConcernRequest request, string by, string byName, string byInspectorate, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), InspectionId = inspectionId, Category = request.Category!, Description = request.Description!.Trim(),
        ChildReference = request.ChildReference?.Trim(), Agency = request.Agency!, SeniorOfficerName = request.SeniorOfficerName!.Trim(),
        SeniorOfficerRole = request.SeniorOfficerRole!.Trim(), SeniorOfficerEmail = request.SeniorOfficerEmail!.Trim(),
        RaisedBy = by, RaisedByName = byName, RaisedByInspectorate = byInspectorate, RaisedAt = now,
    };

    /// <summary>¶70: the senior officer's written response, recorded once (by them, or by the lead from a KIT meeting).</summary>
    public void RecordResponse(Standing standing, string text, string by, DateTimeOffset now)
    {
        EnsureSeniorOfficerIfPartner(standing);
        EnsureOpen();
        if (ResponseAt is not null) throw new DomainRuleException("one-written-response", "The senior officer's written response is already recorded.");
        Response = text.Trim();
        ResponseRecordedBy = by;
        ResponseAt = now;
    }

    /// <summary>The raising inspector and the lead each evaluate the response; once both have, it is shared with the senior officer.</summary>
    public void Evaluate(Standing standing, string text, string by, DateTimeOffset now)
    {
        EnsureEvaluatedByRaiserOrLead(standing);
        var raiser = IsRaiser(standing);
        var lead = standing.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted);
        EnsureOpen();
        if (ResponseAt is null)
            throw new DomainRuleException("evaluate-after-response", "The senior officer's written response must be recorded before it is evaluated.");
        text = text.Trim();
        if (raiser) { InspectorEvaluation = text; InspectorEvaluatedAt = now; }
        if (lead) { LeadEvaluation = text; LeadEvaluatedBy = by; LeadEvaluatedAt = now; }
        if (InspectorEvaluatedAt is not null && LeadEvaluatedAt is not null) EvaluationSharedAt ??= now;
    }

    /// <summary>The lead inspector and the senior officer both sign the final record; the second signature closes it.</summary>
    public void Sign(Standing standing, string by, string byName, DateTimeOffset now)
    {
        EnsureSeniorOfficerIfPartner(standing);
        var lead = standing.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted);
        EnsureOpen();
        if (EvaluationSharedAt is null)
            throw new DomainRuleException("sign-after-evaluation", "Both the raising inspector's and the lead's evaluations must be shared before the record is signed.");
        if (lead) { LeadSignedBy ??= by; LeadSignedAt ??= now; }
        else { SeniorOfficerSignedBy ??= byName; SeniorOfficerSignedAt ??= now; }
        if (LeadSignedAt is not null && SeniorOfficerSignedAt is not null) ClosedAt = now;
    }

    private void EnsureOpen()
    {
        if (ClosedAt is not null) throw new DomainRuleException("issue-closed", "The issue of concern is signed and closed.");
    }
}

public sealed partial record RaiseConcernRequest : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Category, "category")) errors.OneOf(Category, ConcernCategories.All, "category");
        if (errors.Required(Description, "description") && errors.MaxLength(Description, IssueOfConcern.TextLength, "description"))
            foreach (var name in Names.UnexplainedNamesIn(Description, []))
                errors.Add("description", $"The description names '{name}': refer to the child by case reference and initials (¶76).");
        errors.MaxLength(ChildReference, IssueOfConcern.ChildReferenceLength, "childReference");
        if (errors.Required(Agency, "agency")) errors.OneOf(Agency, Agencies.All, "agency");
        if (errors.Required(SeniorOfficerName, "seniorOfficerName")) errors.MaxLength(SeniorOfficerName, IssueOfConcern.NameLength, "seniorOfficerName");
        if (errors.Required(SeniorOfficerRole, "seniorOfficerRole")) errors.MaxLength(SeniorOfficerRole, IssueOfConcern.NameLength, "seniorOfficerRole");
        if (errors.Required(SeniorOfficerEmail, "seniorOfficerEmail")
            && (SeniorOfficerEmail.Length > IssueOfConcern.EmailLength || !System.Net.Mail.MailAddress.TryCreate(SeniorOfficerEmail.Trim(), out _)))
            errors.Add("seniorOfficerEmail", "'seniorOfficerEmail' must be the senior officer's e-mail address: the concern is sent there at once (¶70).");
    }
}

public sealed partial record ConcernTextRequest : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Text, "text")) errors.MaxLength(Text, IssueOfConcern.TextLength, "text");
    }
}

public static class IssueOfConcernStore
{
    /// <summary>Saves one step; two steps at once on the same issue (xmin) are a 409 the caller may retry.</summary>
    public static async Task SaveStep(this OfstedDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("one-step-at-a-time", "The issue of concern changed while this step was recorded: read it again.");
        }
    }
}
