using Jtai.Orchestrator.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.SetUp;

/// <summary>
/// What the multi-agency set-up discussion agreed (¶20) and the link person the area identified (¶21). Who took part
/// is the set-up discussion's meeting record (<see cref="SetUpDiscussionId"/>), not a second list: the meeting is the record
/// of who was there and when.
/// </summary>
public sealed class InspectionSetUp
{
    public Guid InspectionId { get; set; }
    /// <summary>The meeting record of kind set-up-discussion the agreement was reached in.</summary>
    public Guid? SetUpDiscussionId { get; set; }
    /// <summary>¶20: steps the team takes for the well-being of local staff, senior leaders included.</summary>
    public string? WellbeingSteps { get; set; }
    /// <summary>¶20: whom the team tells if it has a concern about someone's well-being.</summary>
    public List<SetUpContact> WellbeingContacts { get; set; } = [];
    /// <summary>¶20: equalities duties and reasonable adjustments for individuals, as the partners raised them.</summary>
    public string? EqualitiesAndAdjustments { get; set; }
    /// <summary>¶20: how the partners raise any matter during the inspection (and ¶89: with the lead inspector or the QA manager).</summary>
    public string? RaisingConcerns { get; set; }
    /// <summary>¶20: issues or concerns about the inspection the partners raised at the discussion.</summary>
    public string? IssuesRaised { get; set; }
    /// <summary>¶21: the area's link person, with access to its senior leaders and authority to answer the lead's requests.</summary>
    public SetUpContact? LinkPerson { get; set; }
    public DateTimeOffset? AgreedAt { get; set; }
    public string? AgreedRecordedBy { get; set; }
    public DateTimeOffset? LinkPersonAt { get; set; }
    public string? LinkPersonRecordedBy { get; set; }
    public uint Version { get; set; }

    /// <summary>¶20: what the set-up discussion agreed (a later record replaces it), against the discussion's meeting record.</summary>
    public void Agree(SetUpAgreementBody agreed, List<SetUpContact> wellbeingContacts, string by, DateTimeOffset at)
    {
        SetUpDiscussionId = agreed.SetUpDiscussionId;
        WellbeingSteps = SetUpLimits.Trimmed(agreed.WellbeingSteps);
        WellbeingContacts = wellbeingContacts;
        EqualitiesAndAdjustments = agreed.EqualitiesAndAdjustments!.Trim();
        RaisingConcerns = agreed.RaisingConcerns!.Trim();
        IssuesRaised = SetUpLimits.Trimmed(agreed.IssuesRaised);
        (AgreedAt, AgreedRecordedBy) = (at, by);
    }

    /// <summary>¶21: the link person the area identified (a later change replaces them).</summary>
    public void RecordLinkPerson(SetUpContact person, string by, DateTimeOffset at) =>
        (LinkPerson, LinkPersonAt, LinkPersonRecordedBy) = (person, at, by);
}

/// <summary>A named contact of the area: these people are contacts, so their names and addresses are kept (unlike evidence, ¶76).</summary>
public sealed class SetUpContact
{
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Organisation { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>¶22: a safeguarding incident the area made the inspectors aware of, by kind and in words that name no one.</summary>
public sealed class SafeguardingIncident
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public List<string> Agencies { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>The kinds of incident ¶22 names.</summary>
public static class IncidentKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "significant-investigation", "serious-case-review", "rapid-review", "child-safeguarding-practice-review", "high-media-interest",
    ];
}

/// <summary>
/// ¶24: information beyond Annex A that inspectors asked for, or agreed to look at when the partnership offered it, with the
/// two things that must be shown: it is necessary for an accurate understanding within the inspection's scope, and Annex A
/// does not already bring it.
/// </summary>
public sealed class AdditionalInformation
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Description { get; set; }
    /// <summary>inspectors (asked for it) or local-partnership (offered it).</summary>
    public required string ProposedBy { get; set; }
    /// <summary>The agency that provides it.</summary>
    public required string ProvidedBy { get; set; }
    public required string NecessaryBecause { get; set; }
    public required string NotInAnnexABecause { get; set; }
    public DateTimeOffset AgreedAt { get; set; }
    public required string AgreedBy { get; set; }
}

public static class AdditionalInformationProposers
{
    public const string Inspectors = "inspectors";
    public const string LocalPartnership = "local-partnership";
    public static readonly IReadOnlyList<string> All = [Inspectors, LocalPartnership];
}

public sealed record SetUpContactView(string Name, string Role, string Organisation, string Email, string? Phone)
{
    public static SetUpContactView From(SetUpContact c) => new(c.Name, c.Role, c.Organisation, c.Email, c.Phone);
}

/// <summary>¶21: the link person, and when the lead recorded them.</summary>
public sealed record LinkPersonView(string Name, string Role, string Organisation, string Email, string? Phone, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>What the set-up discussion agreed, with the discussion itself (when, how, who attended).</summary>
public sealed record SetUpAgreementView(MeetingView SetUpDiscussion, string? WellbeingSteps, IReadOnlyList<SetUpContactView> WellbeingContacts,
    string EqualitiesAndAdjustments, string RaisingConcerns, string? IssuesRaised, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record SafeguardingIncidentView(Guid Id, string Kind, string Summary, IReadOnlyList<string> Agencies, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static SafeguardingIncidentView From(SafeguardingIncident i) => new(i.Id, i.Kind, i.Summary, i.Agencies, i.RecordedAt, i.RecordedBy);
}

public sealed record AdditionalInformationView(Guid Id, string Description, string ProposedBy, string ProvidedBy, string NecessaryBecause,
    string NotInAnnexABecause, DateTimeOffset AgreedAt, string AgreedBy)
{
    public static AdditionalInformationView From(AdditionalInformation a) =>
        new(a.Id, a.Description, a.ProposedBy, a.ProvidedBy, a.NecessaryBecause, a.NotInAnnexABecause, a.AgreedAt, a.AgreedBy);
}

/// <summary>The inspection's set-up as the team and the area's partners read it (¶20–24).</summary>
public sealed record SetUpView(Guid InspectionId, SetUpAgreementView? Agreement, LinkPersonView? LinkPerson,
    IReadOnlyList<SafeguardingIncidentView> SafeguardingIncidents, IReadOnlyList<AdditionalInformationView> AdditionalInformation);

internal sealed class InspectionSetUpConfiguration : IEntityTypeConfiguration<InspectionSetUp>
{
    public void Configure(EntityTypeBuilder<InspectionSetUp> e)
    {
        e.ToTable("inspection_set_ups");
        e.HasKey(s => s.InspectionId);
        e.Property(s => s.WellbeingSteps).HasMaxLength(SetUpLimits.Text);
        e.Property(s => s.EqualitiesAndAdjustments).HasMaxLength(SetUpLimits.Text);
        e.Property(s => s.RaisingConcerns).HasMaxLength(SetUpLimits.Text);
        e.Property(s => s.IssuesRaised).HasMaxLength(SetUpLimits.Text);
        e.Property(s => s.AgreedRecordedBy).HasMaxLength(200);
        e.Property(s => s.LinkPersonRecordedBy).HasMaxLength(200);
        e.OwnsMany(s => s.WellbeingContacts, c => c.ToJson());
        e.OwnsOne(s => s.LinkPerson, c => c.ToJson());
        e.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class SafeguardingIncidentConfiguration : IEntityTypeConfiguration<SafeguardingIncident>
{
    public void Configure(EntityTypeBuilder<SafeguardingIncident> e)
    {
        e.ToTable("safeguarding_incidents");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.Kind).HasMaxLength(60);
        e.Property(i => i.Summary).HasMaxLength(SetUpLimits.Text);
        e.Property(i => i.RecordedBy).HasMaxLength(200);
        e.HasIndex(i => i.InspectionId);
    }
}

internal sealed class AdditionalInformationConfiguration : IEntityTypeConfiguration<AdditionalInformation>
{
    public void Configure(EntityTypeBuilder<AdditionalInformation> e)
    {
        e.ToTable("additional_information");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Description).HasMaxLength(SetUpLimits.Text);
        e.Property(a => a.ProposedBy).HasMaxLength(40);
        e.Property(a => a.ProvidedBy).HasMaxLength(40);
        e.Property(a => a.NecessaryBecause).HasMaxLength(SetUpLimits.Text);
        e.Property(a => a.NotInAnnexABecause).HasMaxLength(SetUpLimits.Text);
        e.Property(a => a.AgreedBy).HasMaxLength(200);
        e.HasIndex(a => a.InspectionId);
    }
}

public static class SetUpLimits
{
    public const int Text = 4000;
    public const int Short = 200;
    public const int Email = 320;
    public const int Phone = 40;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
