using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.HmiProbation.FollowUp;

public enum ImprovementMonitoringState
{
    /// <summary>Opened from the priority action; HMI Probation has yet to ask for an improvement plan.</summary>
    PlanToBeRequested,
    /// <summary>The youth justice service's management board or the probation delivery unit is asked for a plan by a date.</summary>
    PlanRequested,
    /// <summary>The plan arrived and is being reviewed.</summary>
    PlanReceived,
    /// <summary>The plan is accepted; progress is reviewed, and HMI Probation may bring its own inspection forward (¶7–8).</summary>
    Monitoring,
    Closed,
}

/// <summary>
/// HMI Probation's follow-up of a priority action for a youth justice service (youth offending team) or a probation
/// service, top-down. The programme note (¶7–8) has each inspectorate scrutinise an agency's contribution through its
/// own routine programme: HMI Probation asks the service for an improvement plan, reviews it (returning it when it does
/// not answer the action), monitors its progress and may bring forward a youth justice or probation inspection.
/// </summary>
public static class ImprovementMonitoring
{
    public const string Process = "improvement-monitoring";
    public const string RequestPlan = "request-improvement-plan";
    public const string ReceivePlan = "receive-improvement-plan";
    public const string ReturnPlan = "return-improvement-plan";
    public const string AcceptPlan = "accept-improvement-plan";
    public const string ProgressReview = "progress-review";
    public const string InspectionBroughtForward = "inspection-brought-forward";
    public const string Close = "close";
    /// <summary>The deadline row for the plan (reminder before, overdue after).</summary>
    public const string PlanDeadline = "improvement-plan";

    public static readonly Lifecycle<ImprovementMonitoringState> Lifecycle =
        new Lifecycle<ImprovementMonitoringState>(Process, ImprovementMonitoringState.PlanToBeRequested)
            .Allow(RequestPlan, ImprovementMonitoringState.PlanRequested, ImprovementMonitoringState.PlanToBeRequested)
            .Allow(ReceivePlan, ImprovementMonitoringState.PlanReceived, ImprovementMonitoringState.PlanRequested)
            .Allow(ReturnPlan, ImprovementMonitoringState.PlanRequested, ImprovementMonitoringState.PlanReceived)
            .Allow(AcceptPlan, ImprovementMonitoringState.Monitoring, ImprovementMonitoringState.PlanReceived)
            .Allow(Close, ImprovementMonitoringState.Closed, ImprovementMonitoringState.Monitoring);

    /// <summary>HMI Probation's own inspections it may bring forward (its programmes, ¶7).</summary>
    public static readonly string[] Inspections = ["youth-justice-inspection", "probation-inspection"];
}

/// <summary>What HMI Probation records of one improvement plan and its monitoring; the plan's rules are here.</summary>
public sealed class ImprovementPlan
{
    public Guid FollowUpId { get; set; }
    /// <summary>Who is asked: the youth justice service's management board chair or the probation delivery unit's head.</summary>
    public string? RequestedOf { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? Summary { get; set; }
    public string? ReturnedBecause { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public string? Decision { get; set; }

    /// <summary>Asked of someone by a date to come (again after a return, with a new date).</summary>
    public void Request(string of, DateOnly dueOn, DateOnly today)
    {
        if (dueOn <= today) throw new DomainRuleException("plan-due-in-future", "The improvement plan is asked for by a date to come.");
        RequestedOf = of;
        DueOn = dueOn;
        ReceivedOn = null;
        Summary = null;
    }

    /// <summary>Received on a day that has come, not before it was asked for.</summary>
    public void Receive(DateOnly receivedOn, string summary, DateOnly today)
    {
        if (receivedOn > today) throw new DomainRuleException("received-not-in-future", "A plan is recorded as received on a day that has come.");
        ReceivedOn = receivedOn;
        Summary = summary;
    }

    public void Return(string because) => ReturnedBecause = because;

    public void Accept(DateOnly on, string decision)
    {
        if (ReceivedOn is { } received && on < received)
            throw new DomainRuleException("accepted-after-received", "A plan is accepted on or after the day it was received.");
        AcceptedOn = on;
        Decision = decision;
    }
}

/// <summary>One review of progress against the accepted plan, or an inspection brought forward.</summary>
public sealed class ProgressEntry
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public DateOnly On { get; set; }
    /// <summary>progress-review, or the inspection brought forward (youth-justice-inspection, probation-inspection).</summary>
    public required string Kind { get; set; }
    public required string Note { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> e)
    {
        e.ToTable("improvement_plans");
        e.HasKey(p => p.FollowUpId);
        e.HasOne<FollowUpCase>().WithOne().HasForeignKey<ImprovementPlan>(p => p.FollowUpId);
        e.Property(p => p.RequestedOf).HasMaxLength(ImprovementMonitoringLimits.Name);
        e.Property(p => p.Summary).HasMaxLength(ImprovementMonitoringLimits.Text);
        e.Property(p => p.ReturnedBecause).HasMaxLength(ImprovementMonitoringLimits.Text);
        e.Property(p => p.Decision).HasMaxLength(ImprovementMonitoringLimits.Text);
    }
}

internal sealed class ProgressEntryConfiguration : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> e)
    {
        e.ToTable("progress_entries");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).UseIdentityAlwaysColumn();
        e.HasIndex(p => p.FollowUpId);
        e.Property(p => p.Kind).HasMaxLength(40);
        e.Property(p => p.Note).HasMaxLength(ImprovementMonitoringLimits.Text);
        e.Property(p => p.RecordedBy).HasMaxLength(ImprovementMonitoringLimits.Name);
        e.HasOne<FollowUpCase>().WithMany().HasForeignKey(p => p.FollowUpId);
    }
}

/// <summary>The lengths the requests are checked against and the columns hold.</summary>
public static class ImprovementMonitoringLimits
{
    public const int Name = 200;
    public const int Text = 4000;
}
