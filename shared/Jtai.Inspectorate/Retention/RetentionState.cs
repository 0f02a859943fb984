using Jtai.Inspectorate.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.Retention;

/// <summary>Where an inspection stands for this inspectorate's retention: when its period started, whether purged.</summary>
public sealed class InspectionRetention
{
    public Guid InspectionId { get; set; }
    public required string Stage { get; set; }
    public DateTimeOffset StageAt { get; set; }
    public DateTimeOffset? TriggeredAt { get; set; }
    public string? TriggerStage { get; set; }
    public DateTimeOffset? NamesRemovedAt { get; set; }
    public DateTimeOffset? PurgedAt { get; set; }
}

/// <summary>A legal hold (e.g. an open complaint): while unreleased, the inspection's evidence is not purged.</summary>
public sealed class LegalHold
{
    public Guid HoldId { get; set; }
    public Guid InspectionId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
}

/// <summary>One day's purge: counts only, never content or identities of people.</summary>
public sealed class PurgeLogEntry
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public int InspectionsPurged { get; set; }
    public int InspectionsHeld { get; set; }
    public Dictionary<string, int> Deleted { get; set; } = [];
}

public sealed class InspectionRetentionConfiguration : IEntityTypeConfiguration<InspectionRetention>
{
    public void Configure(EntityTypeBuilder<InspectionRetention> e)
    {
        e.ToTable("retention_inspections");
        e.HasKey(r => r.InspectionId);
        e.Property(r => r.InspectionId).ValueGeneratedNever();
        e.Property(r => r.Stage).HasMaxLength(40);
        e.Property(r => r.TriggerStage).HasMaxLength(40);
    }
}

public sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.ToTable("legal_holds");
        e.HasKey(h => h.HoldId);
        e.Property(h => h.HoldId).ValueGeneratedNever();
        e.Property(h => h.Reason).HasMaxLength(500);
        e.HasIndex(h => h.InspectionId);
    }
}

public sealed class PurgeLogEntryConfiguration : IEntityTypeConfiguration<PurgeLogEntry>
{
    public void Configure(EntityTypeBuilder<PurgeLogEntry> e)
    {
        e.ToTable("purge_log");
        e.HasKey(p => p.Id);
        // One purge a day, even with several replicas: the second insert fails and rolls its purge back.
        e.HasIndex(p => p.Day).IsUnique();
        e.Property(p => p.Deleted).AsJsonb();
    }
}
