using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Findings;

/// <summary>
/// A provisional finding (¶36, ¶78–79): a strength, an area for improvement or an area for priority
/// action, naming the agencies or services it concerns and its EC numbers, resting on evaluative
/// summaries of the shared evidence record (¶80: the QA manager checks each links to evidence).
/// </summary>
public sealed partial class Finding
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public List<string> Agencies { get; set; } = [];
    public string? Services { get; set; }
    public List<string> Criteria { get; set; } = [];
    /// <summary>The theme's focus areas (FA1…) the finding speaks to: the letter's section it appears in.</summary>
    public List<string> FocusAreas { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? LinksConfirmedBy { get; set; }
    public DateTimeOffset? LinksConfirmedAt { get; set; }
    public List<FindingLink> Links { get; set; } = [];

    public const int TextLength = 5_000;
    public const int ServicesLength = 500;
}

/// <summary>A finding rests on this evaluative summary (its id in Ofsted's shared evidence record).</summary>
public sealed class FindingLink
{
    public Guid FindingId { get; set; }
    public Guid SummaryId { get; set; }
    public required string LinkedBy { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>The team agreed the inspection's findings; after this the register is closed to changes.</summary>
public sealed partial class FindingsAgreement
{
    public Guid InspectionId { get; set; }
    public required string AgreedBy { get; set; }
    public DateTimeOffset AgreedAt { get; set; }
    public int Findings { get; set; }
}

public static class FindingKinds
{
    public const string Strength = "strength";
    public const string AreaForImprovement = "area-for-improvement";
    public const string AreaForPriorityAction = "area-for-priority-action";
    public static readonly IReadOnlyList<string> All = [Strength, AreaForImprovement, AreaForPriorityAction];
}

public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> e)
    {
        e.ToTable("findings");
        e.HasKey(f => f.Id);
        e.Property(f => f.Id).ValueGeneratedNever();
        e.Property(f => f.Kind).HasMaxLength(40);
        e.Property(f => f.Services).HasMaxLength(Finding.ServicesLength);
        e.Property(f => f.CreatedBy).HasMaxLength(200);
        e.Property(f => f.LinksConfirmedBy).HasMaxLength(200);
        e.HasIndex(f => f.InspectionId);
        e.HasMany(f => f.Links).WithOne().HasForeignKey(l => l.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FindingLinkConfiguration : IEntityTypeConfiguration<FindingLink>
{
    public void Configure(EntityTypeBuilder<FindingLink> e)
    {
        e.ToTable("finding_links");
        e.HasKey(l => new { l.FindingId, l.SummaryId });
        e.Property(l => l.LinkedBy).HasMaxLength(200);
    }
}

public sealed class FindingsAgreementConfiguration : IEntityTypeConfiguration<FindingsAgreement>
{
    public void Configure(EntityTypeBuilder<FindingsAgreement> e)
    {
        e.ToTable("findings_agreements");
        e.HasKey(a => a.InspectionId);
        e.Property(a => a.InspectionId).ValueGeneratedNever();
        e.Property(a => a.AgreedBy).HasMaxLength(200);
    }
}

public sealed record FindingLinkView(Guid SummaryId, string LinkedBy, DateTimeOffset LinkedAt);

public sealed record FindingView(Guid Id, Guid InspectionId, string Kind, string Text, IReadOnlyList<string> Agencies, string? Services,
    IReadOnlyList<string> Criteria, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<FindingLinkView> Links,
    string? LinksConfirmedBy, DateTimeOffset? LinksConfirmedAt, IReadOnlyList<string> FocusAreas)
{
    public static FindingView From(Finding f) => new(f.Id, f.InspectionId, f.Kind, f.Text, f.Agencies, f.Services, f.Criteria, f.CreatedBy,
        f.CreatedAt, f.Links.OrderBy(l => l.LinkedAt).Select(l => new FindingLinkView(l.SummaryId, l.LinkedBy, l.LinkedAt)).ToList(),
        f.LinksConfirmedBy, f.LinksConfirmedAt, f.FocusAreas);
}

public sealed record FindingsRegisterView(Guid InspectionId, bool Agreed, string? AgreedBy, DateTimeOffset? AgreedAt, IReadOnlyList<FindingView> Findings);
