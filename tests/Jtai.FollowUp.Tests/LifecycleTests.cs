using Jtai.Cqc.FollowUp;
using Jtai.Hmicfrs.FollowUp;
using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted.FollowUp;
using Jtai.ServiceDefaults.Problems;
using Xunit;

namespace Jtai.FollowUp.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void Force_monitoring_goes_scan_then_engage_then_disengaged_and_nowhere_else()
    {
        var lifecycle = ForceMonitoring.Lifecycle;
        var state = lifecycle.Next(ForceMonitoringState.CauseOfConcernToBeReported, ForceMonitoring.ReportCauseOfConcern);
        Assert.Equal(ForceMonitoringState.Scan, state);
        Assert.Equal(ForceMonitoringState.Engage, lifecycle.Next(state, ForceMonitoring.EscalateToEngage));
        Assert.Equal(ForceMonitoringState.Disengaged, lifecycle.Next(ForceMonitoringState.Engage, ForceMonitoring.Disengage));

        var refused = Assert.Throws<DomainRuleException>(() => lifecycle.Next(ForceMonitoringState.Scan, ForceMonitoring.Disengage));
        Assert.Equal("follow-up-transition", refused.Rule);
        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("engage", refused.Message);
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(ForceMonitoringState.CauseOfConcernToBeReported, ForceMonitoring.EscalateToEngage));
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(ForceMonitoringState.Closed, ForceMonitoring.ReportCauseOfConcern));
    }

    [Fact]
    public void An_action_plan_is_received_before_it_is_reviewed_and_reviewed_before_it_is_accepted_or_returned()
    {
        var lifecycle = IlacsActionPlan.Lifecycle;
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(IlacsFollowUpState.DfeToBeInformed, IlacsActionPlan.RequestActionPlan));
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(IlacsFollowUpState.ActionPlanRequested, IlacsActionPlan.AcceptDraft));
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(IlacsFollowUpState.ActionPlanReceived, IlacsActionPlan.ReturnActionPlan));
        Assert.Equal(IlacsFollowUpState.ActionPlanReceived, lifecycle.Next(IlacsFollowUpState.ActionPlanReturned, IlacsActionPlan.ReceiveActionPlan));
        Assert.Equal(IlacsFollowUpState.Monitoring, lifecycle.Next(IlacsFollowUpState.ActionPlanReviewed, IlacsActionPlan.AcceptFinal));
        Assert.Equal([IlacsActionPlan.AcceptDraft, IlacsActionPlan.AcceptFinal, IlacsActionPlan.ReturnActionPlan],
            lifecycle.StepsFrom("action-plan-reviewed"));
    }

    [Fact]
    public void Cqc_decides_only_after_the_meeting_is_called_and_closes_only_with_actions_under_way()
    {
        var lifecycle = ManagementReview.Lifecycle;
        Assert.Equal("manager-to-be-notified", lifecycle.InitialState);
        Assert.Equal([ManagementReview.NotifyManager], lifecycle.StepsFrom(lifecycle.InitialState));
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(ManagementReviewState.ManagerNotified, ManagementReview.RecordDecision));
        Assert.Throws<DomainRuleException>(() => lifecycle.Next(ManagementReviewState.ReviewMeetingScheduled, ManagementReview.Close));
        // A meeting may be rescheduled before it decides.
        Assert.Equal(ManagementReviewState.ReviewMeetingScheduled,
            lifecycle.Next(ManagementReviewState.ReviewMeetingScheduled, ManagementReview.ScheduleMeeting));
    }

    [Fact]
    public void An_unknown_step_is_a_programming_error_not_a_rule()
    {
        Assert.Throws<InvalidOperationException>(() => ForceMonitoring.Lifecycle.Next(ForceMonitoringState.Scan, "fly"));
        Assert.Throws<ArgumentException>(() => new Lifecycle<ForceMonitoringState>("p", ForceMonitoringState.Scan).Allow("x", ForceMonitoringState.Engage));
    }

    [Fact]
    public void States_are_kebab_case_both_ways()
    {
        Assert.Equal("cause-of-concern-to-be-reported", Lifecycle<ForceMonitoringState>.Name(ForceMonitoringState.CauseOfConcernToBeReported));
        Assert.Equal(IlacsFollowUpState.DfeInformed, Lifecycle<IlacsFollowUpState>.Parse("dfe-informed"));
        Assert.Throws<InvalidOperationException>(() => Lifecycle<IlacsFollowUpState>.Parse("informed"));
    }
}
