using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using State = Jtai.Cqc.FollowUp.ManagementReviewState;

namespace Jtai.Cqc.FollowUp;

/// <summary>
/// The rules of CQC's management review (Annex B ¶112–113) on its meeting and the regulatory actions it
/// decides: each step moves the shared follow-up through <see cref="ManagementReview.Lifecycle"/> (409 when
/// not allowed now) or is recorded in the state that allows it.
/// </summary>
public sealed partial class ManagementReviewMeeting
{
    public const int AttendeeLength = 200;
    public const int ReasonsLength = 4000;
    public const int CriminalRoutesLength = 2000;

    /// <summary>The meeting may be attended by the regulation team and others as needed (¶112); rescheduling replaces it.</summary>
    public async Task Schedule(FollowUps followUps, FollowUpCase followUp, DateOnly on, IReadOnlyList<string> attendees, string by, CancellationToken ct)
    {
        if (on < followUps.Today) throw new DomainRuleException("meeting-in-future", "A management review meeting is scheduled for a date to come.");
        followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.ScheduleMeeting, by, $"{on:yyyy-MM-dd} with {string.Join(", ", attendees)}");
        On = on;
        Attendees = [.. attendees];
        ScheduledBy = by;
        // The decision is due at the meeting: a reminder before it, overdue if none is recorded by its end.
        await followUps.SetDeadline(followUp, ManagementReview.MeetingDeadline, On, ct);
    }

    /// <summary>
    /// The meeting decides whether regulatory action is required, with reasons (¶113): no further action
    /// closes the follow-up; otherwise each response (each enforcement action by name) becomes an action
    /// tracked to closure, returned to be stored. The meeting exists once the lifecycle allows the decision.
    /// </summary>
    public static async Task<IReadOnlyList<RegulatoryAction>> RecordDecision(FollowUps followUps, FollowUpCase followUp, ManagementReviewMeeting? meeting,
        IReadOnlyList<string> responses, IReadOnlyList<string> enforcement, string reasons, string? criminalRoutesNoted, DateOnly? actionsDueOn,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.RecordDecision, by, $"{string.Join(", ", [.. responses, .. enforcement])}: {reasons}");
        meeting = meeting ?? throw new InvalidOperationException($"Follow-up {followUp.Id} is decided without its management review meeting.");
        meeting.Responses = [.. responses];
        meeting.Enforcement = [.. enforcement];
        meeting.Reasons = reasons.Trim();
        meeting.CriminalRoutesNoted = string.IsNullOrWhiteSpace(criminalRoutesNoted) ? null : criminalRoutesNoted.Trim();
        meeting.DecidedAt = now;
        meeting.DecidedBy = by;
        await followUps.MeetDeadline(followUp, ManagementReview.MeetingDeadline, ct);

        if (responses.Contains(ManagementReview.NoFurtherAction))
        {
            followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.Close, by, "no further action");
            return [];
        }
        var actions = responses.Where(r => r != "enforcement").Concat(enforcement)
            .Select(kind => new RegulatoryAction { Id = Guid.NewGuid(), FollowUpId = followUp.Id, Kind = kind, OpenedAt = now }).ToList();
        if (actionsDueOn is { } due) await followUps.SetDeadline(followUp, ManagementReview.ActionsDeadline, due, ct);
        return actions;
    }
}

public sealed partial class RegulatoryAction
{
    public const int OutcomeLength = 2000;

    /// <summary>An action reaches its closure with its outcome, once; the last one closes the follow-up.</summary>
    public static async Task Close(FollowUps followUps, FollowUpCase followUp, IReadOnlyList<RegulatoryAction> actions, Guid actionId, string outcome,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        var action = actions.SingleOrDefault(a => a.Id == actionId)
            ?? throw new DomainRuleException("unknown-action", $"Follow-up {followUp.Id} has no action {actionId}.", 404);
        if (action.ClosedAt is not null) throw new DomainRuleException("action-closed", $"The {action.Kind} action is already closed.");
        followUps.Record(followUp, "action-closed", by, $"{action.Kind}: {outcome}", State.ActionsInProgress);
        action.ClosedAt = now;
        action.ClosedBy = by;
        action.Outcome = outcome.Trim();
        if (actions.All(a => a.ClosedAt is not null))
        {
            await followUps.MeetDeadline(followUp, ManagementReview.ActionsDeadline, ct);
            followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.Close, by, "every action closed");
        }
    }
}
