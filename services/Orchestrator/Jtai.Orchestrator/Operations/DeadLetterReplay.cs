using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Operations;

/// <summary>
/// One message an operator moved from an _error queue back to its queue: who, when, which message,
/// what had failed, and the outcome of the move. Kept for the record; never updated by the replay itself.
/// </summary>
public sealed class DeadLetterReplay
{
    public Guid Id { get; set; }
    public DateTimeOffset ReplayedAt { get; set; }
    public required string ReplayedBy { get; set; }
    public required string ReplayedByName { get; set; }
    public required string ErrorQueue { get; set; }
    public required string SourceQueue { get; set; }
    public Guid? MessageId { get; set; }
    public string? MessageType { get; set; }
    public Guid? InspectionId { get; set; }
    public string? TraceId { get; set; }
    /// <summary>The failure that had sent it to the error queue (exception type and message).</summary>
    public string? FaultReason { get; set; }
    public DateTimeOffset? FirstFailedAt { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    /// <summary>replayed (back on its queue) | not-found (no longer in the error queue).</summary>
    public required string Outcome { get; set; }
}

public sealed class DeadLetterReplayConfiguration : IEntityTypeConfiguration<DeadLetterReplay>
{
    public void Configure(EntityTypeBuilder<DeadLetterReplay> e)
    {
        e.ToTable("dead_letter_replays");
        e.HasKey(r => r.Id);
        e.Property(r => r.ReplayedBy).HasMaxLength(200);
        e.Property(r => r.ReplayedByName).HasMaxLength(200);
        e.Property(r => r.ErrorQueue).HasMaxLength(255);
        e.Property(r => r.SourceQueue).HasMaxLength(255);
        e.Property(r => r.MessageType).HasMaxLength(300);
        e.Property(r => r.TraceId).HasMaxLength(32);
        e.Property(r => r.FaultReason).HasMaxLength(2000);
        e.Property(r => r.Outcome).HasMaxLength(20);
        // The replay history's order and its cursor (newest first): a page costs the same however many replays are on record.
        e.HasIndex(r => new { r.ReplayedAt, r.Id });
        e.HasIndex(r => r.MessageId);
    }
}
