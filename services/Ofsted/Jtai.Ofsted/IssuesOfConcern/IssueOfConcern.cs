using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.IssuesOfConcern;

/// <summary>
/// A serious issue of concern (¶70–71) on the lead inspector's template: raised by an inspector,
/// the senior officer notified at once, their written response, the raising inspector's and the
/// lead's evaluation shared with the senior officer, then signed by the lead and the senior officer.
/// Every step keeps its time. Held by Ofsted, which leads the inspection.
/// </summary>
public sealed partial class IssueOfConcern
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Category { get; set; }
    public required string Description { get; set; }
    public string? ChildReference { get; set; }
    public required string Agency { get; set; }
    public required string SeniorOfficerName { get; set; }
    public required string SeniorOfficerRole { get; set; }
    public required string SeniorOfficerEmail { get; set; }

    public required string RaisedBy { get; set; }
    public required string RaisedByName { get; set; }
    public required string RaisedByInspectorate { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>The notice to the senior officer, queued with the record; notified once it is delivered (¶70).</summary>
    public Guid? NoticeDeliveryId { get; set; }
    public DateTimeOffset? SeniorOfficerNotifiedAt { get; set; }

    public string? Response { get; set; }
    public string? ResponseRecordedBy { get; set; }
    public DateTimeOffset? ResponseAt { get; set; }

    public string? InspectorEvaluation { get; set; }
    public DateTimeOffset? InspectorEvaluatedAt { get; set; }
    public string? LeadEvaluation { get; set; }
    public string? LeadEvaluatedBy { get; set; }
    public DateTimeOffset? LeadEvaluatedAt { get; set; }
    public DateTimeOffset? EvaluationSharedAt { get; set; }

    public string? LeadSignedBy { get; set; }
    public DateTimeOffset? LeadSignedAt { get; set; }
    public string? SeniorOfficerSignedBy { get; set; }
    public DateTimeOffset? SeniorOfficerSignedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public uint Version { get; set; }

    public string Stage => ClosedAt is not null ? "closed"
        : EvaluationSharedAt is not null ? "awaiting-signatures"
        : ResponseAt is not null ? "awaiting-evaluation"
        : "awaiting-response";

    /// <summary>The senior officer: the inspected area's partner of the agency the concern is about.</summary>
    public bool IsSeniorOfficer(Standing s) => s.PartnerSeesInspection && s.Agency == Agency;

    /// <summary>The inspector who raised it, still on the team.</summary>
    public bool IsRaiser(Standing s) => s.OnTeam && s.Subject == RaisedBy;

    /// <summary>Another agency's partner learns nothing of a concern about someone else's agency.</summary>
    public void EnsureSeniorOfficerIfPartner(Standing s)
    {
        if (s.IsPartner && !IsSeniorOfficer(s))
            throw new NotPermittedException("senior-officer", $"This concern is for {Agency}'s senior officer.");
    }

    /// <summary>¶71: the raising inspector and the lead inspector evaluate the response.</summary>
    public void EnsureEvaluatedByRaiserOrLead(Standing s)
    {
        if (!IsRaiser(s) && !s.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted))
            throw new NotPermittedException("raiser-or-lead-evaluates", "The inspector who raised the concern and the lead inspector evaluate the response.");
    }
}

public static class ConcernCategories
{
    public static readonly IReadOnlyList<string> All =
        ["child-at-immediate-risk", "failure-to-follow-child-protection-procedures", "other-serious-concern"];
}

public sealed class IssueOfConcernConfiguration : IEntityTypeConfiguration<IssueOfConcern>
{
    public void Configure(EntityTypeBuilder<IssueOfConcern> e)
    {
        e.ToTable("issues_of_concern");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.Category).HasMaxLength(60);
        e.Property(i => i.ChildReference).HasMaxLength(IssueOfConcern.ChildReferenceLength);
        e.Property(i => i.Agency).HasMaxLength(40);
        e.Property(i => i.SeniorOfficerName).HasMaxLength(IssueOfConcern.NameLength);
        e.Property(i => i.SeniorOfficerRole).HasMaxLength(IssueOfConcern.NameLength);
        e.Property(i => i.SeniorOfficerEmail).HasMaxLength(IssueOfConcern.EmailLength);
        e.Property(i => i.RaisedBy).HasMaxLength(200);
        e.Property(i => i.RaisedByName).HasMaxLength(200);
        e.Property(i => i.RaisedByInspectorate).HasMaxLength(20);
        e.Property(i => i.ResponseRecordedBy).HasMaxLength(200);
        e.Property(i => i.LeadEvaluatedBy).HasMaxLength(200);
        e.Property(i => i.LeadSignedBy).HasMaxLength(200);
        e.Property(i => i.SeniorOfficerSignedBy).HasMaxLength(200);
        e.Property(i => i.Version).IsRowVersion();
        e.HasIndex(i => new { i.InspectionId, i.ClosedAt });
    }
}

public sealed partial record RaiseConcernRequest(string? Category, string? Description, string? ChildReference, string? Agency,
    string? SeniorOfficerName, string? SeniorOfficerRole, string? SeniorOfficerEmail);

public sealed partial record ConcernTextRequest(string? Text);

public sealed record IssueOfConcernView(
    Guid Id, Guid InspectionId, string Stage, string Category, string Description, string? ChildReference, string Agency,
    string SeniorOfficerName, string SeniorOfficerRole, string SeniorOfficerEmail, string RaisedBy, string RaisedByName, string RaisedByInspectorate,
    DateTimeOffset RaisedAt, Guid? NoticeDeliveryId, DateTimeOffset? SeniorOfficerNotifiedAt,
    string? Response, string? ResponseRecordedBy, DateTimeOffset? ResponseAt,
    string? InspectorEvaluation, DateTimeOffset? InspectorEvaluatedAt, string? LeadEvaluation, string? LeadEvaluatedBy, DateTimeOffset? LeadEvaluatedAt,
    DateTimeOffset? EvaluationSharedAt, string? LeadSignedBy, DateTimeOffset? LeadSignedAt, string? SeniorOfficerSignedBy,
    DateTimeOffset? SeniorOfficerSignedAt, DateTimeOffset? ClosedAt)
{
    public static IssueOfConcernView From(IssueOfConcern i) => new(
        i.Id, i.InspectionId, i.Stage, i.Category, i.Description, i.ChildReference, i.Agency, i.SeniorOfficerName, i.SeniorOfficerRole,
        i.SeniorOfficerEmail, i.RaisedBy, i.RaisedByName, i.RaisedByInspectorate, i.RaisedAt, i.NoticeDeliveryId, i.SeniorOfficerNotifiedAt,
        i.Response, i.ResponseRecordedBy, i.ResponseAt, i.InspectorEvaluation, i.InspectorEvaluatedAt, i.LeadEvaluation, i.LeadEvaluatedBy,
        i.LeadEvaluatedAt, i.EvaluationSharedAt, i.LeadSignedBy, i.LeadSignedAt, i.SeniorOfficerSignedBy, i.SeniorOfficerSignedAt, i.ClosedAt);
}
