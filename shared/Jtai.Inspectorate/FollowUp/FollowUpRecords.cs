using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// One inspectorate's follow-up of one area for priority action (Annex B ¶110–117): what every
/// inspectorate's follow-up has alike. What each inspectorate records besides lives in its service.
/// </summary>
public sealed class FollowUpCase
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public Guid PriorityActionId { get; set; }
    public required string Inspectorate { get; set; }
    public required string Process { get; set; }
    public required string State { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    /// <summary>The agencies the priority action concerns; partners of these agencies see the follow-up.</summary>
    public required string[] Agencies { get; set; }
    /// <summary>Several agencies or the MASA: the inspectorates coordinate (¶110).</summary>
    public bool Coordinated { get; set; }
    public required string Text { get; set; }
    public DateOnly? LetterDate { get; set; }
    public DateOnly? PublishedDate { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Steps taken so far (published with each FollowUpAdvanced as its sequence).</summary>
    public int Steps { get; set; }
    public uint Version { get; set; }
}

/// <summary>Every step taken on a follow-up, in order: the history the inspectorate can show.</summary>
public sealed class FollowUpStep
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public required string Step { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public string? Note { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A date the follow-up must meet (a draft action plan, the local policing body's comments). Its
/// reminder and overdue points are deadline rows; reaching them is recorded here.
/// </summary>
public sealed class FollowUpDeadline
{
    public Guid FollowUpId { get; set; }
    public required string Name { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public DateTimeOffset? MetAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? OverdueAt { get; set; }
}

internal sealed class FollowUpCaseConfiguration : IEntityTypeConfiguration<FollowUpCase>
{
    public void Configure(EntityTypeBuilder<FollowUpCase> e)
    {
        e.ToTable("follow_ups");
        e.HasKey(f => f.Id);
        e.Property(f => f.Id).ValueGeneratedNever();
        // One follow-up per priority action in this service, whatever the bus delivers.
        e.HasIndex(f => f.PriorityActionId).IsUnique();
        e.HasIndex(f => f.InspectionId);
        // The lists' order and cursors: every follow-up, and a partner's area's, a page costing the same however many there are.
        e.HasIndex(f => new { f.OpenedAt, f.Id });
        e.HasIndex(f => new { f.LocalAreaCode, f.OpenedAt, f.Id });
        e.Property(f => f.Inspectorate).HasMaxLength(20);
        e.Property(f => f.Process).HasMaxLength(40);
        e.Property(f => f.State).HasMaxLength(60);
        e.Property(f => f.LocalAreaCode).HasMaxLength(20);
        e.Property(f => f.LocalAreaName).HasMaxLength(200);
        e.Property(f => f.Text).HasMaxLength(4000);
        // xmin: two people moving the same follow-up at once cannot both win.
        e.Property(f => f.Version).IsRowVersion();
    }
}

internal sealed class FollowUpStepConfiguration : IEntityTypeConfiguration<FollowUpStep>
{
    public void Configure(EntityTypeBuilder<FollowUpStep> e)
    {
        e.ToTable("follow_up_steps");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).UseIdentityAlwaysColumn();
        e.HasIndex(s => s.FollowUpId);
        e.Property(s => s.Step).HasMaxLength(60);
        e.Property(s => s.From).HasMaxLength(60);
        e.Property(s => s.To).HasMaxLength(60);
        e.Property(s => s.Note).HasMaxLength(4000);
        e.Property(s => s.By).HasMaxLength(200);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(s => s.FollowUpId);
    }
}

internal sealed class FollowUpDeadlineConfiguration : IEntityTypeConfiguration<FollowUpDeadline>
{
    public void Configure(EntityTypeBuilder<FollowUpDeadline> e)
    {
        e.ToTable("follow_up_deadlines");
        e.HasKey(d => new { d.FollowUpId, d.Name });
        e.Property(d => d.Name).HasMaxLength(60);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(d => d.FollowUpId);
    }
}
