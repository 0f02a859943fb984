using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.SchoolsHmi;

/// <summary>
/// ¶69: the schools HMI's sample, as it was carried out: the cases sampled (by case reference, ¶76) and the schools that had made
/// referrals contacted, each with when, how and with whom. What the HMI concludes is evidence (¶72) in Ofsted's evidence record;
/// this is which cases and schools were sampled, so the team and the managers can see the sample's reach.
/// </summary>
public sealed class SchoolsSampleItem
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    /// <summary>case-sampling or school-contact.</summary>
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Mode { get; set; }
    /// <summary>The school (for a case, the school that made the referral).</summary>
    public required string School { get; set; }
    /// <summary>The school's unique reference number, when known.</summary>
    public string? SchoolUrn { get; set; }
    public string? CaseReference { get; set; }
    /// <summary>When the school made the referral that brought it into the sample.</summary>
    public DateOnly ReferralMadeOn { get; set; }
    /// <summary>Whom the HMI spoke with, by role (¶76).</summary>
    public string? SpokeWith { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

public static class SchoolsSampleKinds
{
    public const string CaseSampling = "case-sampling";
    public const string SchoolContact = "school-contact";
    public static readonly IReadOnlyList<string> All = [CaseSampling, SchoolContact];
}

public sealed record SchoolsSampleItemView(Guid Id, string Kind, DateTimeOffset At, string Mode, string School, string? SchoolUrn, string? CaseReference,
    DateOnly ReferralMadeOn, string? SpokeWith, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static SchoolsSampleItemView From(SchoolsSampleItem s) =>
        new(s.Id, s.Kind, Jtai.Calendar.WorkingDays.LondonTime.ToLondon(s.At), s.Mode, s.School, s.SchoolUrn, s.CaseReference, s.ReferralMadeOn, s.SpokeWith,
            s.RecordedAt, s.RecordedBy);
}

/// <summary>The sample and its reach: how many cases and how many different schools.</summary>
public sealed record SchoolsSampleView(Guid InspectionId, int CasesSampled, int SchoolsContacted, int SchoolsReached, IReadOnlyList<SchoolsSampleItemView> Items);

internal sealed class SchoolsSampleItemConfiguration : IEntityTypeConfiguration<SchoolsSampleItem>
{
    public void Configure(EntityTypeBuilder<SchoolsSampleItem> e)
    {
        e.ToTable("schools_sample");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Kind).HasMaxLength(20);
        e.Property(s => s.Mode).HasMaxLength(20);
        e.Property(s => s.School).HasMaxLength(200);
        e.Property(s => s.SchoolUrn).HasMaxLength(6);
        e.Property(s => s.CaseReference).HasMaxLength(40);
        e.Property(s => s.SpokeWith).HasMaxLength(200);
        e.Property(s => s.RecordedBy).HasMaxLength(200);
        e.HasIndex(s => new { s.InspectionId, s.At });
    }
}
