using Jtai.Inspectorate.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Cqc.FollowUp;

public enum ManagementReviewState
{
    ManagerToBeNotified,
    /// <summary>The inspection team notified its manager, immediately and automatically (¶112).</summary>
    ManagerNotified,
    /// <summary>A management review meeting is called, with its attendees (¶112).</summary>
    ReviewMeetingScheduled,
    /// <summary>The regulatory response decided is under way (¶113).</summary>
    ActionsInProgress,
    Closed,
}

/// <summary>CQC's follow-up of a priority action for a health service (Annex B ¶112–113), top-down.</summary>
public static class ManagementReview
{
    public const string Process = "management-review";
    public const string NotifyManager = "notify-manager";
    public const string ScheduleMeeting = "schedule-management-review";
    public const string RecordDecision = "record-decision";
    public const string Close = "close";
    public const string MeetingDeadline = "management-review-meeting";
    public const string ActionsDeadline = "regulatory-actions";

    public static readonly Lifecycle<ManagementReviewState> Lifecycle =
        new Lifecycle<ManagementReviewState>(Process, ManagementReviewState.ManagerToBeNotified)
            .Allow(NotifyManager, ManagementReviewState.ManagerNotified, ManagementReviewState.ManagerToBeNotified)
            .Allow(ScheduleMeeting, ManagementReviewState.ReviewMeetingScheduled, ManagementReviewState.ManagerNotified, ManagementReviewState.ReviewMeetingScheduled)
            .Allow(RecordDecision, ManagementReviewState.ActionsInProgress, ManagementReviewState.ReviewMeetingScheduled)
            .Allow(Close, ManagementReviewState.Closed, ManagementReviewState.ActionsInProgress);

    public const string NoFurtherAction = "no-further-action";

    /// <summary>The regulatory responses the meeting may decide (¶113).</summary>
    public static readonly string[] Responses = [NoFurtherAction, "meeting-with-providers", "follow-up-visit", "enforcement"];

    /// <summary>Civil enforcement under CQC's enforcement policy; criminal routes are noted beside them.</summary>
    public static readonly string[] EnforcementActions =
    [
        "requirement-notice", "warning-notice", "imposing-or-varying-conditions", "suspension", "cancellation",
        "urgent-procedure", "special-measures",
    ];
}

/// <summary>
/// The team's manager, sent a notice at once and automatically when the priority action arrived;
/// notified when that notice is delivered (the notify-manager step is taken then).
/// </summary>
public sealed class ManagerNotification
{
    public Guid FollowUpId { get; set; }
    public required string Manager { get; set; }
    public required string Contact { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public Guid? DeliveryId { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
}

public sealed partial class ManagementReviewMeeting
{
    public Guid FollowUpId { get; set; }
    public DateOnly On { get; set; }
    public string[] Attendees { get; set; } = [];
    public required string ScheduledBy { get; set; }
    public string[] Responses { get; set; } = [];
    public string[] Enforcement { get; set; } = [];
    public string? Reasons { get; set; }
    public string? CriminalRoutesNoted { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

/// <summary>One regulatory action the meeting decided, tracked to its closure.</summary>
public sealed partial class RegulatoryAction
{
    public Guid Id { get; set; }
    public Guid FollowUpId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? Outcome { get; set; }
}

internal sealed class ManagerNotificationConfiguration : IEntityTypeConfiguration<ManagerNotification>
{
    public void Configure(EntityTypeBuilder<ManagerNotification> e)
    {
        e.ToTable("manager_notifications");
        e.HasKey(n => n.FollowUpId);
        e.Property(n => n.Manager).HasMaxLength(200);
        e.Property(n => n.Contact).HasMaxLength(200);
        e.HasOne<FollowUpCase>().WithOne().HasForeignKey<ManagerNotification>(n => n.FollowUpId);
    }
}

internal sealed class ManagementReviewMeetingConfiguration : IEntityTypeConfiguration<ManagementReviewMeeting>
{
    public void Configure(EntityTypeBuilder<ManagementReviewMeeting> e)
    {
        e.ToTable("management_review_meetings");
        e.HasKey(m => m.FollowUpId);
        e.Property(m => m.ScheduledBy).HasMaxLength(200);
        e.Property(m => m.Reasons).HasMaxLength(ManagementReviewMeeting.ReasonsLength);
        e.Property(m => m.CriminalRoutesNoted).HasMaxLength(ManagementReviewMeeting.CriminalRoutesLength);
        e.Property(m => m.DecidedBy).HasMaxLength(200);
        e.HasOne<FollowUpCase>().WithOne().HasForeignKey<ManagementReviewMeeting>(m => m.FollowUpId);
    }
}

internal sealed class RegulatoryActionConfiguration : IEntityTypeConfiguration<RegulatoryAction>
{
    public void Configure(EntityTypeBuilder<RegulatoryAction> e)
    {
        e.ToTable("regulatory_actions");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.HasIndex(a => a.FollowUpId);
        e.Property(a => a.Kind).HasMaxLength(60);
        e.Property(a => a.ClosedBy).HasMaxLength(200);
        e.Property(a => a.Outcome).HasMaxLength(RegulatoryAction.OutcomeLength);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(a => a.FollowUpId);
    }
}
