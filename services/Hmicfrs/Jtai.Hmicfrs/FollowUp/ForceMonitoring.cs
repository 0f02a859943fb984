using Jtai.Inspectorate.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Hmicfrs.FollowUp;

public enum ForceMonitoringState
{
    /// <summary>Opened from the priority action; HMICFRS has yet to report it as a cause of concern (¶114).</summary>
    CauseOfConcernToBeReported,
    /// <summary>The force's progress is reviewed through scan (¶115).</summary>
    Scan,
    /// <summary>Not responding, or not succeeding: the HMI meets the chief constable and PCC (¶116).</summary>
    Engage,
    /// <summary>The HMI judged the improvement set out has been made.</summary>
    Disengaged,
    Closed,
}

/// <summary>HMICFRS's force monitoring of a cause of concern (Annex B ¶114–117), top-down.</summary>
public static class ForceMonitoring
{
    public const string Process = "force-monitoring";
    public const string ReportCauseOfConcern = "report-cause-of-concern";
    public const string EscalateToEngage = "escalate-to-engage";
    public const string Disengage = "disengage";
    public const string Close = "close";
    /// <summary>Police Act 1996 s55: the local policing body publishes its comments within 56 days of the report.</summary>
    public const string PolicingBodyComments = "local-policing-body-comments";
    public const int PolicingBodyCommentsDays = 56;

    public static readonly Lifecycle<ForceMonitoringState> Lifecycle =
        new Lifecycle<ForceMonitoringState>(Process, ForceMonitoringState.CauseOfConcernToBeReported)
            .Allow(ReportCauseOfConcern, ForceMonitoringState.Scan, ForceMonitoringState.CauseOfConcernToBeReported)
            .Allow(EscalateToEngage, ForceMonitoringState.Engage, ForceMonitoringState.Scan)
            .Allow(Disengage, ForceMonitoringState.Disengaged, ForceMonitoringState.Engage)
            .Allow(Close, ForceMonitoringState.Closed, ForceMonitoringState.Scan, ForceMonitoringState.Disengaged);

    /// <summary>Why a force moves to engage (¶115).</summary>
    public static readonly string[] EscalationReasons = ["not-responding", "not-succeeding"];

    public static readonly ForceMonitoringState[] Monitored =
        [ForceMonitoringState.Scan, ForceMonitoringState.Engage, ForceMonitoringState.Disengaged];
}

/// <summary>What HMICFRS records of one cause of concern and the force's monitoring.</summary>
public sealed partial class CauseOfConcern
{
    public Guid FollowUpId { get; set; }
    public string? Concern { get; set; }
    public string[] Recommendations { get; set; } = [];
    public DateOnly? ReportPublishedOn { get; set; }
    public DateOnly? PolicingBodyCommentsPublishedOn { get; set; }

    public string? EscalationReason { get; set; }
    public string? EscalationDetail { get; set; }
    public DateOnly? HmiMeetingOn { get; set; }
    public string? ChiefConstable { get; set; }
    public string? PoliceAndCrimeCommissioner { get; set; }
    public string? ActionsIdentified { get; set; }
    public DateOnly? RootCauseAnalysisReceivedOn { get; set; }
    public string? RootCauseAnalysis { get; set; }
    public DateOnly? ImprovementPlanReceivedOn { get; set; }
    public string? ImprovementPlan { get; set; }
    public string? ImprovementRequired { get; set; }
    public string? ImprovementRequiredSetBy { get; set; }

    public DateOnly? DisengagedOn { get; set; }
    public string? DisengagementDecision { get; set; }
    public string? DisengagementEvidence { get; set; }
    public string? DisengagedBy { get; set; }
}

/// <summary>A revisit or re-inspection focused on the cause of concern (¶117).</summary>
public sealed partial class Revisit
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public DateOnly On { get; set; }
    public required string Kind { get; set; }
    public required string Focus { get; set; }
    public required string ScheduledBy { get; set; }
}

internal sealed class CauseOfConcernConfiguration : IEntityTypeConfiguration<CauseOfConcern>
{
    public void Configure(EntityTypeBuilder<CauseOfConcern> e)
    {
        e.ToTable("causes_of_concern");
        e.HasKey(c => c.FollowUpId);
        e.HasOne<FollowUpCase>().WithOne().HasForeignKey<CauseOfConcern>(c => c.FollowUpId);
        foreach (var text in new[] { nameof(CauseOfConcern.Concern), nameof(CauseOfConcern.EscalationDetail), nameof(CauseOfConcern.ActionsIdentified),
                     nameof(CauseOfConcern.RootCauseAnalysis), nameof(CauseOfConcern.ImprovementPlan), nameof(CauseOfConcern.ImprovementRequired),
                     nameof(CauseOfConcern.DisengagementDecision), nameof(CauseOfConcern.DisengagementEvidence) })
            e.Property(text).HasMaxLength(CauseOfConcern.TextLength);
        e.Property(c => c.EscalationReason).HasMaxLength(40);
        e.Property(c => c.ChiefConstable).HasMaxLength(CauseOfConcern.NameLength);
        e.Property(c => c.PoliceAndCrimeCommissioner).HasMaxLength(CauseOfConcern.NameLength);
        e.Property(c => c.ImprovementRequiredSetBy).HasMaxLength(200);
        e.Property(c => c.DisengagedBy).HasMaxLength(200);
    }
}

internal sealed class RevisitConfiguration : IEntityTypeConfiguration<Revisit>
{
    public void Configure(EntityTypeBuilder<Revisit> e)
    {
        e.ToTable("revisits");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).UseIdentityAlwaysColumn();
        e.HasIndex(r => r.FollowUpId);
        e.Property(r => r.Kind).HasMaxLength(20);
        e.Property(r => r.Focus).HasMaxLength(Revisit.FocusLength);
        e.Property(r => r.ScheduledBy).HasMaxLength(200);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(r => r.FollowUpId);
    }
}
