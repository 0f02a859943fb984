using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using State = Jtai.Hmicfrs.FollowUp.ForceMonitoringState;

namespace Jtai.Hmicfrs.FollowUp;

/// <summary>
/// The rules of force monitoring (Annex B ¶114–117) on HMICFRS's record of the cause of concern:
/// each step moves the shared follow-up through <see cref="ForceMonitoring.Lifecycle"/> (409 when
/// not allowed now) or is recorded in the states that allow it.
/// </summary>
public sealed partial class CauseOfConcern
{
    public const int TextLength = 4000;
    public const int NameLength = 200;
    public const int RecommendationLength = 2000;

    /// <summary>A cause of concern always has one or more recommendations (¶114); monitoring starts in scan.</summary>
    public async Task Report(FollowUps followUps, FollowUpCase followUp, string concern, IReadOnlyList<string> recommendations,
        DateOnly? reportPublishedOn, string by, CancellationToken ct)
    {
        var published = reportPublishedOn ?? ReportPublishedOn ?? followUp.PublishedDate
            ?? throw new DomainRuleException("report-date-unknown",
                "The report's publication date is not known yet: give 'reportPublishedOn' (the local policing body's comments are due 56 days after it).");
        followUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.ReportCauseOfConcern, by, concern);
        Concern = concern.Trim();
        Recommendations = [.. recommendations];
        ReportPublishedOn = published;
        await followUps.SetDeadline(followUp, ForceMonitoring.PolicingBodyComments, published.AddDays(ForceMonitoring.PolicingBodyCommentsDays), ct);
    }

    /// <summary>Engage only with its reason: the force is not responding, or not succeeding (¶115).</summary>
    public void Escalate(FollowUps followUps, FollowUpCase followUp, string reason, string detail, string by)
    {
        followUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.EscalateToEngage, by, $"{reason}: {detail}");
        EscalationReason = reason;
        EscalationDetail = detail.Trim();
    }

    /// <summary>In engage the HMI meets the chief constable and the police and crime commissioner (¶116).</summary>
    public void RecordHmiMeeting(FollowUps followUps, FollowUpCase followUp, DateOnly heldOn, string chiefConstable, string commissioner,
        string actionsIdentified, string by)
    {
        followUps.Record(followUp, "hmi-meeting", by, $"held {heldOn:yyyy-MM-dd}", State.Engage);
        HmiMeetingOn = heldOn;
        ChiefConstable = chiefConstable.Trim();
        PoliceAndCrimeCommissioner = commissioner.Trim();
        ActionsIdentified = actionsIdentified.Trim();
    }

    /// <summary>The chief constable's root cause analysis follows the HMI's meeting (¶116).</summary>
    public void ReceiveRootCauseAnalysis(FollowUps followUps, FollowUpCase followUp, DateOnly receivedOn, string summary, string by)
    {
        if (HmiMeetingOn is null)
            throw new DomainRuleException("hmi-meeting-first", "The root cause analysis follows the HMI's meeting with the chief constable and PCC: record the meeting first.");
        followUps.Record(followUp, "root-cause-analysis", by, null, State.Engage);
        RootCauseAnalysisReceivedOn = receivedOn;
        RootCauseAnalysis = summary.Trim();
    }

    /// <summary>The improvement plan is formulated from the root cause analysis (¶116).</summary>
    public void ReceiveImprovementPlan(FollowUps followUps, FollowUpCase followUp, DateOnly receivedOn, string summary, string by)
    {
        if (RootCauseAnalysis is null)
            throw new DomainRuleException("root-cause-analysis-first", "The improvement plan is formulated from the root cause analysis: record it first.");
        followUps.Record(followUp, "improvement-plan", by, null, State.Engage);
        ImprovementPlanReceivedOn = receivedOn;
        ImprovementPlan = summary.Trim();
    }

    /// <summary>The HMI sets the level of improvement required to be disengaged (¶116).</summary>
    public void SetImprovementRequired(FollowUps followUps, FollowUpCase followUp, string improvement, string by)
    {
        followUps.Record(followUp, "improvement-required", by, improvement, State.Engage);
        ImprovementRequired = improvement.Trim();
        ImprovementRequiredSetBy = by;
    }

    /// <summary>Disengaged only by the HMI's recorded decision with its evidence, against the improvement they set.</summary>
    public void Disengage(FollowUps followUps, FollowUpCase followUp, DateOnly on, string decision, string evidence, string by)
    {
        if (FollowUps.StateOf<State>(followUp) == State.Engage && ImprovementRequired is null)
            throw new DomainRuleException("improvement-required-not-set",
                "The HMI has not set the level of improvement required to be disengaged: set it before deciding to disengage.");
        followUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.Disengage, by, decision);
        DisengagedOn = on;
        DisengagementDecision = decision.Trim();
        DisengagementEvidence = evidence.Trim();
        DisengagedBy = by;
    }

    /// <summary>The local policing body's published comments (Police Act 1996 s55) meet their deadline.</summary>
    public async Task RecordPolicingBodyComments(FollowUps followUps, FollowUpCase followUp, DateOnly publishedOn, string by, CancellationToken ct)
    {
        followUps.Record(followUp, "policing-body-comments-published", by, $"published {publishedOn:yyyy-MM-dd}", ForceMonitoring.Monitored);
        PolicingBodyCommentsPublishedOn = publishedOn;
        await followUps.MeetDeadline(followUp, ForceMonitoring.PolicingBodyComments, ct);
    }
}

public sealed partial class Revisit
{
    public const int FocusLength = 2000;
    public static readonly string[] Kinds = ["revisit", "re-inspection"];

    /// <summary>HMICFRS may revisit or re-inspect, focused on the cause of concern (¶117), on a date to come.</summary>
    public static Revisit Schedule(FollowUps followUps, FollowUpCase followUp, DateOnly on, string kind, string focus, string by)
    {
        if (on < followUps.Today) throw new DomainRuleException("revisit-in-future", "A revisit is scheduled for a date to come.");
        followUps.Record(followUp, "revisit-scheduled", by, $"{kind} on {on:yyyy-MM-dd}: {focus}", ForceMonitoring.Monitored);
        return new Revisit { FollowUpId = followUp.Id, On = on, Kind = kind, Focus = focus.Trim(), ScheduledBy = by };
    }
}
