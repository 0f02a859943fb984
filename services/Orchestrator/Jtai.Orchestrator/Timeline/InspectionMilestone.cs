using Jtai.Calendar.WorkingDays;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// One milestone of one inspection, computed from the framework version the inspection pinned:
/// when it is due, whether its deadline has been reached (the DeadlineReached event came back
/// through the broker) and whether it has been met.
/// </summary>
public sealed class InspectionMilestone
{
    public Guid InspectionId { get; set; }
    public required string Key { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset? ReachedAt { get; set; }
    public DateTimeOffset? MetAt { get; set; }
    public string? MetBy { get; set; }

    /// <summary>
    /// Marked met by hand, once: only a milestone nothing recorded meets by itself (the lead's selections, the
    /// statement of action). False when it was already met (nothing changes).
    /// </summary>
    public bool MarkMet(string by, DateTimeOffset now)
    {
        if (MetByRecords.What(Key) is { } what)
            throw new DomainRuleException("milestone-met-by-record", $"'{Key}' is met by {what}, not by marking it met.");
        if (MetAt is not null) return false;
        MetAt = now;
        MetBy = by;
        return true;
    }
}

/// <summary>
/// A milestone as people read it. <c>Status</c>: <c>met</c> (on time), <c>late</c> (met after it was due),
/// <c>overdue</c> (due, not met), <c>pending</c> (not yet due), or <c>passed</c> for a window's end.
/// </summary>
public sealed record MilestoneView(string Key, DateOnly Date, DateTimeOffset DueAt, string Description, DateTimeOffset? ReachedAt,
    DateTimeOffset? MetAt, string? MetBy, string Status)
{
    public static MilestoneView From(InspectionMilestone m, DateTimeOffset now) => new(m.Key, m.Date, LondonTime.ToLondon(m.DueAt), m.Description,
        m.ReachedAt, m.MetAt, m.MetBy, StatusOf(m, now));

    private static string StatusOf(InspectionMilestone m, DateTimeOffset now) => m switch
    {
        { MetAt: { } met } => met <= m.DueAt ? "met" : "late",
        _ when now < m.DueAt => "pending",
        _ when Lifecycle.Stages.WindowEnds.Contains(m.Key) => "passed",
        _ => "overdue",
    };
}

internal sealed class InspectionMilestoneConfiguration : IEntityTypeConfiguration<InspectionMilestone>
{
    public void Configure(EntityTypeBuilder<InspectionMilestone> e)
    {
        e.ToTable("inspection_milestones");
        e.HasKey(m => new { m.InspectionId, m.Key });
        e.Property(m => m.Key).HasMaxLength(100);
        e.Property(m => m.Description).HasMaxLength(1000);
        e.Property(m => m.MetBy).HasMaxLength(200);
        // The operators' overdue list: due, not met.
        e.HasIndex(m => m.DueAt).HasFilter("met_at IS NULL").HasDatabaseName("ix_inspection_milestones_open");
    }
}
