using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Lifecycle;

/// <summary>One move of an inspection's lifecycle, kept as its history.</summary>
public sealed class InspectionTransition
{
    public long Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public string? Reason { get; set; }
    public DateOnly FieldworkStart { get; set; }
}

public sealed record InspectionTransitionView(string From, string To, DateTimeOffset At, string By, string? Reason, DateOnly FieldworkStart)
{
    public static InspectionTransitionView Of(InspectionTransition t) => new(t.From, t.To, t.At, t.By, t.Reason, t.FieldworkStart);
}

internal sealed class InspectionTransitionConfiguration : IEntityTypeConfiguration<InspectionTransition>
{
    public void Configure(EntityTypeBuilder<InspectionTransition> e)
    {
        e.ToTable("inspection_transitions");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).UseIdentityAlwaysColumn();
        e.Property(t => t.From).HasMaxLength(40);
        e.Property(t => t.To).HasMaxLength(40);
        e.Property(t => t.By).HasMaxLength(200);
        e.Property(t => t.Reason).HasMaxLength(2000);
        e.HasIndex(t => t.InspectionId);
    }
}
