using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.CaseSelection;

/// <summary>
/// One of the 30 children the lead inspector selected (¶97), the partners' answers about them
/// (¶98) and whether the lead then chose the child for audit (¶99).
/// </summary>
public sealed class SelectedChild
{
    public Guid InspectionId { get; set; }
    public required string ChildId { get; set; }
    public DateTimeOffset SelectedAt { get; set; }
    public required string SelectedBy { get; set; }

    public bool? ChildKnownToPolice { get; set; }
    public bool? ParentsOrCarersKnownToPolice { get; set; }
    public string? PoliceAnsweredBy { get; set; }
    public DateTimeOffset? PoliceAnsweredAt { get; set; }

    public bool? HealthSupportBeyondUniversalServices { get; set; }
    public string? HealthAnsweredBy { get; set; }
    public DateTimeOffset? HealthAnsweredAt { get; set; }

    public bool ForAudit { get; set; }
    public DateTimeOffset? ForAuditAt { get; set; }
}

internal sealed class SelectedChildConfiguration : IEntityTypeConfiguration<SelectedChild>
{
    public void Configure(EntityTypeBuilder<SelectedChild> e)
    {
        e.ToTable("selected_children");
        e.HasKey(c => new { c.InspectionId, c.ChildId });
        e.Property(c => c.ChildId).HasMaxLength(200);
        e.Property(c => c.SelectedBy).HasMaxLength(200);
        e.Property(c => c.PoliceAnsweredBy).HasMaxLength(200);
        e.Property(c => c.HealthAnsweredBy).HasMaxLength(200);
    }
}
