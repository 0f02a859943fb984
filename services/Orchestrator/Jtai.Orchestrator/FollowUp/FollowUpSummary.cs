using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.FollowUp;

/// <summary>
/// The orchestrator's row per inspectorate follow-up of a priority action, kept from the
/// inspectorates' events, so the joint follow-up of an inspection reads in one place (Annex B ¶110).
/// </summary>
public sealed class FollowUpSummary
{
    public Guid FollowUpId { get; set; }
    public Guid InspectionId { get; set; }
    /// <summary>Null until FollowUpOpened arrives (events travel on separate queues and may cross).</summary>
    public Guid? PriorityActionId { get; set; }
    public required string Inspectorate { get; set; }
    public required string Process { get; set; }
    public required string State { get; set; }
    public bool Coordinated { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public string? LastStep { get; set; }
    /// <summary>Sequence of the step shown (0: opened; -1: nothing shown yet): a lower one arriving late changes nothing.</summary>
    public int LastSequence { get; set; } = -1;
    /// <summary>When the state shown was reached; null while only a deadline event has arrived.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>Deadlines whose reminder went out, and those that became overdue.</summary>
    public string[] Reminded { get; set; } = [];
    public string[] Overdue { get; set; } = [];
    public uint Version { get; set; }
}

public sealed record FollowUpSummaryView(
    Guid FollowUpId, Guid? PriorityActionId, string Inspectorate, string Process, string State, bool Coordinated,
    DateTimeOffset? OpenedAt, string? LastStep, DateTimeOffset? UpdatedAt, IReadOnlyList<string> Reminded, IReadOnlyList<string> Overdue)
{
    public static FollowUpSummaryView From(FollowUpSummary s) => new(s.FollowUpId, s.PriorityActionId, s.Inspectorate, s.Process, s.State,
        s.Coordinated, s.OpenedAt, s.LastStep, s.UpdatedAt, s.Reminded, s.Overdue);
}

internal sealed class FollowUpSummaryConfiguration : IEntityTypeConfiguration<FollowUpSummary>
{
    public void Configure(EntityTypeBuilder<FollowUpSummary> e)
    {
        e.ToTable("follow_up_summaries");
        e.HasKey(s => s.FollowUpId);
        e.Property(s => s.FollowUpId).ValueGeneratedNever();
        e.HasIndex(s => s.InspectionId);
        e.Property(s => s.Inspectorate).HasMaxLength(20);
        e.Property(s => s.Process).HasMaxLength(40);
        e.Property(s => s.State).HasMaxLength(60);
        e.Property(s => s.LastStep).HasMaxLength(60);
        // xmin: two steps of one follow-up consumed at once cannot both win; the loser is retried and re-reads.
        e.Property(s => s.Version).IsRowVersion();
    }
}
