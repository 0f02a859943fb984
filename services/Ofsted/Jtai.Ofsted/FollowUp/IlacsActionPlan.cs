using Jtai.Inspectorate.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.FollowUp;

public enum IlacsFollowUpState
{
    /// <summary>Ofsted is to inform the Department for Education (¶111).</summary>
    DfeToBeInformed,
    DfeInformed,
    /// <summary>The local authority is asked for an action plan under the ILACS process (¶111).</summary>
    ActionPlanRequested,
    ActionPlanReceived,
    ActionPlanReviewed,
    ActionPlanReturned,
    /// <summary>The draft is accepted; the final plan is awaited.</summary>
    DraftAccepted,
    /// <summary>The final plan is accepted; monitoring visits follow it.</summary>
    Monitoring,
    Closed,
}

/// <summary>Ofsted's follow-up of a priority action for the local authority (Annex B ¶110–111), top-down.</summary>
public static class IlacsActionPlan
{
    public const string Process = "ilacs-action-plan";
    public const string InformDfe = "inform-dfe";
    public const string RequestActionPlan = "request-action-plan";
    public const string ReceiveActionPlan = "receive-action-plan";
    public const string ReviewActionPlan = "review-action-plan";
    public const string AcceptDraft = "accept-draft-action-plan";
    public const string AcceptFinal = "accept-final-action-plan";
    public const string ReturnActionPlan = "return-action-plan";
    public const string Close = "close";

    public const string Draft = "draft";
    public const string Final = "final";
    /// <summary>ILACS: the draft action plan within 20 working days of the letter, the final within 70.</summary>
    public const string DraftDeadline = "draft-action-plan";
    public const string FinalDeadline = "final-action-plan";

    public static readonly Lifecycle<IlacsFollowUpState> Lifecycle =
        new Lifecycle<IlacsFollowUpState>(Process, IlacsFollowUpState.DfeToBeInformed)
            .Allow(InformDfe, IlacsFollowUpState.DfeInformed, IlacsFollowUpState.DfeToBeInformed)
            .Allow(RequestActionPlan, IlacsFollowUpState.ActionPlanRequested, IlacsFollowUpState.DfeInformed)
            .Allow(ReceiveActionPlan, IlacsFollowUpState.ActionPlanReceived,
                IlacsFollowUpState.ActionPlanRequested, IlacsFollowUpState.ActionPlanReturned, IlacsFollowUpState.DraftAccepted)
            .Allow(ReviewActionPlan, IlacsFollowUpState.ActionPlanReviewed, IlacsFollowUpState.ActionPlanReceived)
            .Allow(AcceptDraft, IlacsFollowUpState.DraftAccepted, IlacsFollowUpState.ActionPlanReviewed)
            .Allow(AcceptFinal, IlacsFollowUpState.Monitoring, IlacsFollowUpState.ActionPlanReviewed)
            .Allow(ReturnActionPlan, IlacsFollowUpState.ActionPlanReturned, IlacsFollowUpState.ActionPlanReviewed)
            .Allow(Close, IlacsFollowUpState.Closed, IlacsFollowUpState.Monitoring);

    public static readonly IlacsFollowUpState[] Open = Enum.GetValues<IlacsFollowUpState>().Where(s => s != IlacsFollowUpState.Closed).ToArray();
}

/// <summary>What Ofsted records of one follow-up beside the shared part.</summary>
public sealed partial class IlacsFollowUp
{
    public Guid FollowUpId { get; set; }
    /// <summary>The notice to the DfE queued when the follow-up opened (¶111); informed once it is delivered.</summary>
    public Guid? DfeNoticeDeliveryId { get; set; }
    public DateTimeOffset? DfeInformedAt { get; set; }
    public string? DfeInformedBy { get; set; }
    public string? DfeContact { get; set; }
    public DateTimeOffset? ActionPlanRequestedAt { get; set; }
    /// <summary>The plan now expected: draft until the draft is accepted, then final.</summary>
    public string ExpectedStage { get; set; } = IlacsActionPlan.Draft;

    // Several agencies or the MASA (¶110).
    public string[] CoordinationSharedWith { get; set; } = [];
    public string? CoordinationNote { get; set; }
    public DateTimeOffset? CoordinationRecordedAt { get; set; }
    public string[] LetterSharedWithDepartments { get; set; } = [];
    public DateOnly? LetterSharedOn { get; set; }
    public bool? RepeatJtai { get; set; }
    public string? RepeatJtaiReason { get; set; }
    public DateTimeOffset? RepeatJtaiDecidedAt { get; set; }
}

/// <summary>One action plan the local authority sent, and what Ofsted made of it.</summary>
public sealed partial class ActionPlanSubmission
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public required string Stage { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNotes { get; set; }
    /// <summary>accepted or returned.</summary>
    public string? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
}

public sealed partial class MonitoringVisit
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public DateOnly On { get; set; }
    public required string Focus { get; set; }
    public required string ScheduledBy { get; set; }
}

internal sealed class IlacsFollowUpConfiguration : IEntityTypeConfiguration<IlacsFollowUp>
{
    public void Configure(EntityTypeBuilder<IlacsFollowUp> e)
    {
        e.ToTable("ilacs_follow_ups");
        e.HasKey(x => x.FollowUpId);
        e.Property(x => x.DfeInformedBy).HasMaxLength(IlacsFollowUp.ContactLength);
        e.Property(x => x.DfeContact).HasMaxLength(IlacsFollowUp.ContactLength);
        e.Property(x => x.ExpectedStage).HasMaxLength(10);
        e.Property(x => x.CoordinationNote).HasMaxLength(IlacsFollowUp.NoteLength);
        e.Property(x => x.RepeatJtaiReason).HasMaxLength(IlacsFollowUp.NoteLength);
        e.HasOne<FollowUpCase>().WithOne().HasForeignKey<IlacsFollowUp>(x => x.FollowUpId);
    }
}

internal sealed class ActionPlanSubmissionConfiguration : IEntityTypeConfiguration<ActionPlanSubmission>
{
    public void Configure(EntityTypeBuilder<ActionPlanSubmission> e)
    {
        e.ToTable("action_plan_submissions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.HasIndex(x => x.FollowUpId);
        e.Property(x => x.Stage).HasMaxLength(10);
        e.Property(x => x.ReviewNotes).HasMaxLength(IlacsFollowUp.NoteLength);
        e.Property(x => x.Outcome).HasMaxLength(20);
        e.Property(x => x.OutcomeReason).HasMaxLength(IlacsFollowUp.NoteLength);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(x => x.FollowUpId);
    }
}

internal sealed class MonitoringVisitConfiguration : IEntityTypeConfiguration<MonitoringVisit>
{
    public void Configure(EntityTypeBuilder<MonitoringVisit> e)
    {
        e.ToTable("monitoring_visits");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.HasIndex(x => x.FollowUpId);
        e.Property(x => x.Focus).HasMaxLength(MonitoringVisit.FocusLength);
        e.Property(x => x.ScheduledBy).HasMaxLength(200);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(x => x.FollowUpId);
    }
}
