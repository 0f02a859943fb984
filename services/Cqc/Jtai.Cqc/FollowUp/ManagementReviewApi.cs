using Jtai.Notices;
using System.Security.Claims;
using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using State = Jtai.Cqc.FollowUp.ManagementReviewState;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Cqc.FollowUp;

public sealed record ScheduleReviewMeetingRequest(DateOnly? On, IReadOnlyList<string?>? Attendees);
public sealed record ReviewDecisionRequest(IReadOnlyList<string?>? Responses, IReadOnlyList<string?>? Enforcement, string? Reasons, string? CriminalRoutesNoted, DateOnly? ActionsDueOn);
public sealed record CloseActionRequest(string? Outcome);

/// <summary>CQC staff call the management review, record its decision and close each action it decided.</summary>
public static class ManagementReviewApi
{
    public static WebApplicationBuilder AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.AddFollowUpMechanics<ManagementReviewDetails>();
        // No manager configured would mean a priority action nobody is told of: refuse to start instead.
        builder.Services.AddOptions<ManagerOptions>().Bind(builder.Configuration.GetSection("FollowUp:Manager"))
            .Validate(m => !string.IsNullOrWhiteSpace(m.Name) && System.Net.Mail.MailAddress.TryCreate(m.Contact, out _),
                "FollowUp:Manager:Name and :Contact must name the manager CQC's inspection teams notify and their e-mail address.")
            .ValidateOnStart();
        builder.Services.AddNoticeKinds(ManagerNotice.Kind);
        builder.Services.AddNoticeOutcome<ManagerNotified>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var group = app.MapFollowUpReads(CqcService.Name);
        group.MapPost("/{followUpId:guid}/management-review-meeting", ScheduleMeeting);
        group.MapPost("/{followUpId:guid}/decision", RecordDecision);
        group.MapPost("/{followUpId:guid}/actions/{actionId:guid}/close", CloseAction);
        return app;
    }

    /// <summary>The meeting may be attended by the regulation team and others as needed (¶112); rescheduling replaces it.</summary>
    private static Task<Response> ScheduleMeeting(Guid followUpId, ScheduleReviewMeetingRequest request, ClaimsPrincipal user,
        FollowUpChange change, CqcDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        var attendees = (request.Attendees ?? []).Select(a => a?.Trim()).ToList();
        if (attendees.Count == 0) errors.Add("attendees", "Name who attends the management review meeting.");
        for (var i = 0; i < attendees.Count; i++)
            if (errors.Required(attendees[i], $"attendees[{i}]")) errors.MaxLength(attendees[i], 200, $"attendees[{i}]");
        return change.Apply(followUpId, errors, async followUp =>
        {
            if (request.On < change.FollowUps.Today) throw new DomainRuleException("meeting-in-future", "A management review meeting is scheduled for a date to come.");
            change.FollowUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.ScheduleMeeting, user.Id(),
                $"{request.On:yyyy-MM-dd} with {string.Join(", ", attendees)}");
            var meeting = await db.Set<ManagementReviewMeeting>().SingleOrDefaultAsync(m => m.FollowUpId == followUp.Id, ct);
            if (meeting is null) db.Set<ManagementReviewMeeting>().Add(meeting = new ManagementReviewMeeting { FollowUpId = followUp.Id, ScheduledBy = user.Id() });
            meeting.On = request.On!.Value;
            meeting.Attendees = [.. attendees.Select(a => a!)];
            meeting.ScheduledBy = user.Id();
            // The decision is due at the meeting: a reminder before it, overdue if none is recorded by its end.
            await change.FollowUps.SetDeadline(followUp, ManagementReview.MeetingDeadline, meeting.On, ct);
        }, ct);
    }

    /// <summary>
    /// The meeting decides whether regulatory action is required, with reasons (¶113): no further
    /// action, or any of a meeting with providers, a follow-up visit and enforcement under CQC's
    /// enforcement policy. Each response becomes an action tracked to closure.
    /// </summary>
    private static Task<Response> RecordDecision(Guid followUpId, ReviewDecisionRequest request, ClaimsPrincipal user,
        FollowUpChange change, CqcDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var responses = (request.Responses ?? []).Select(r => r ?? "").Distinct().ToList();
        var enforcement = (request.Enforcement ?? []).Select(r => r ?? "").Distinct().ToList();
        if (responses.Count == 0) errors.Add("responses", $"Give the decision: one or more of {string.Join(", ", ManagementReview.Responses)}.");
        for (var i = 0; i < responses.Count; i++) errors.OneOf(responses[i], ManagementReview.Responses, $"responses[{i}]");
        if (responses.Contains(ManagementReview.NoFurtherAction) && responses.Count > 1)
            errors.Add("responses", "'no-further-action' cannot be combined with a regulatory response.");
        if (responses.Contains("enforcement") && enforcement.Count == 0)
            errors.Add("enforcement", $"Enforcement names its action: {string.Join(", ", ManagementReview.EnforcementActions)}.");
        if (!responses.Contains("enforcement") && enforcement.Count > 0)
            errors.Add("enforcement", "Enforcement actions are given only when the decision includes 'enforcement'.");
        for (var i = 0; i < enforcement.Count; i++) errors.OneOf(enforcement[i], ManagementReview.EnforcementActions, $"enforcement[{i}]");
        if (errors.Required(request.Reasons, "reasons")) errors.MaxLength(request.Reasons, 4000, "reasons");
        errors.MaxLength(request.CriminalRoutesNoted, 2000, "criminalRoutesNoted");
        if (responses.Contains(ManagementReview.NoFurtherAction) && request.ActionsDueOn is not null)
            errors.Add("actionsDueOn", "No further action has nothing to be due.");

        return change.Apply(followUpId, errors, async followUp =>
        {
            var now = clock.GetUtcNow();
            change.FollowUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.RecordDecision, user.Id(),
                $"{string.Join(", ", [.. responses, .. enforcement])}: {request.Reasons}");
            var meeting = await db.Set<ManagementReviewMeeting>().SingleAsync(m => m.FollowUpId == followUp.Id, ct);
            meeting.Responses = [.. responses];
            meeting.Enforcement = [.. enforcement];
            meeting.Reasons = request.Reasons!.Trim();
            meeting.CriminalRoutesNoted = string.IsNullOrWhiteSpace(request.CriminalRoutesNoted) ? null : request.CriminalRoutesNoted.Trim();
            meeting.DecidedAt = now;
            meeting.DecidedBy = user.Id();
            await change.FollowUps.MeetDeadline(followUp, ManagementReview.MeetingDeadline, ct);

            if (responses.Contains(ManagementReview.NoFurtherAction))
            {
                change.FollowUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.Close, user.Id(), "no further action");
                return;
            }
            foreach (var kind in responses.Where(r => r != "enforcement").Concat(enforcement))
                db.Set<RegulatoryAction>().Add(new RegulatoryAction { Id = Guid.NewGuid(), FollowUpId = followUp.Id, Kind = kind, OpenedAt = now });
            if (request.ActionsDueOn is { } due) await change.FollowUps.SetDeadline(followUp, ManagementReview.ActionsDeadline, due, ct);
        }, ct);
    }

    /// <summary>An action reaches its closure with its outcome; the last one closes the follow-up.</summary>
    private static Task<Response> CloseAction(Guid followUpId, Guid actionId, CloseActionRequest request, ClaimsPrincipal user,
        FollowUpChange change, CqcDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Outcome, "outcome")) errors.MaxLength(request.Outcome, 2000, "outcome");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var actions = await db.Set<RegulatoryAction>().Where(a => a.FollowUpId == followUp.Id).ToListAsync(ct);
            var action = actions.SingleOrDefault(a => a.Id == actionId)
                ?? throw new DomainRuleException("unknown-action", $"Follow-up {followUp.Id} has no action {actionId}.", 404);
            if (action.ClosedAt is not null) throw new DomainRuleException("action-closed", $"The {action.Kind} action is already closed.");
            change.FollowUps.Record(followUp, "action-closed", user.Id(), $"{action.Kind}: {request.Outcome}", State.ActionsInProgress);
            action.ClosedAt = clock.GetUtcNow();
            action.ClosedBy = user.Id();
            action.Outcome = request.Outcome!.Trim();
            if (actions.All(a => a.ClosedAt is not null))
            {
                await change.FollowUps.MeetDeadline(followUp, ManagementReview.ActionsDeadline, ct);
                change.FollowUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.Close, user.Id(), "every action closed");
            }
        }, ct);
    }
}
