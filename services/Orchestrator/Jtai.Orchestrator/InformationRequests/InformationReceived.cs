using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.InformationRequests;

/// <summary>What one agency delivered of one item of the information request: first and latest delivery.</summary>
public sealed class InformationReceived
{
    public Guid InspectionId { get; set; }
    public required string ItemKey { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset FirstReceivedAt { get; set; }
    public DateTimeOffset LastReceivedAt { get; set; }
    public required string LastReceivedBy { get; set; }
    public int Version { get; set; }
    public required string Summary { get; set; }
}

internal sealed class InformationReceivedConfiguration : IEntityTypeConfiguration<InformationReceived>
{
    public void Configure(EntityTypeBuilder<InformationReceived> e)
    {
        e.ToTable("information_received");
        e.HasKey(r => new { r.InspectionId, r.ItemKey, r.Agency });
        e.Property(r => r.ItemKey).HasMaxLength(60);
        e.Property(r => r.Agency).HasMaxLength(40);
        e.Property(r => r.LastReceivedBy).HasMaxLength(200);
        e.Property(r => r.Summary).HasMaxLength(500);
    }
}
