using Jtai.Notices;
using System.Security.Claims;
using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Cqc.FollowUp;

/// <summary>
/// CQC staff call the management review, record its decision and close each action it decided.
/// The rules are <see cref="ManagementReviewMeeting"/>'s and <see cref="RegulatoryAction"/>'s.
/// </summary>
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
        var group = app.MapFollowUpReads(CqcService.Name).ValidateRequests();
        group.MapPost("/{followUpId:guid}/management-review-meeting", ScheduleMeeting);
        group.MapPost("/{followUpId:guid}/decision", RecordDecision);
        group.MapPost("/{followUpId:guid}/actions/{actionId:guid}/close", CloseAction);
        return app;
    }

    /// <summary>What every step needs: the shared follow-up change, CQC's own record of the review, the caller and the clock.</summary>
    public sealed record ManagementReviewServices(FollowUpChange Change, CqcDbContext Db, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct)
    {
        public FollowUps FollowUps => Change.FollowUps;
        public string By => User.Id();

        /// <summary>Applies a step (404 when there is no such follow-up); the request's form was checked by the filter.</summary>
        public Task<Response> Apply(Guid followUpId, Func<FollowUpCase, Task> step) => Change.Apply(followUpId, new RequestErrors(), step, Ct);

        public Task<ManagementReviewMeeting?> Meeting(FollowUpCase followUp) =>
            Db.Set<ManagementReviewMeeting>().SingleOrDefaultAsync(m => m.FollowUpId == followUp.Id, Ct);
    }

    private static Task<Response> ScheduleMeeting(Guid followUpId, ScheduleReviewMeetingRequest request, [AsParameters] ManagementReviewServices s) =>
        s.Apply(followUpId, async followUp =>
        {
            if (await s.Meeting(followUp) is not { } meeting)
                s.Db.Set<ManagementReviewMeeting>().Add(meeting = new ManagementReviewMeeting { FollowUpId = followUp.Id, ScheduledBy = s.By });
            await meeting.Schedule(s.FollowUps, followUp, request.On!.Value, [.. request.Trimmed.Select(a => a!)], s.By, s.Ct);
        });

    /// <summary>
    /// The meeting decides whether regulatory action is required, with reasons (¶113): no further
    /// action, or any of a meeting with providers, a follow-up visit and enforcement under CQC's
    /// enforcement policy. Each response becomes an action tracked to closure.
    /// </summary>
    private static Task<Response> RecordDecision(Guid followUpId, ReviewDecisionRequest request, [AsParameters] ManagementReviewServices s) =>
        s.Apply(followUpId, async followUp =>
        {
            var actions = await ManagementReviewMeeting.RecordDecision(s.FollowUps, followUp, await s.Meeting(followUp), request.Decided,
                request.EnforcementActions, request.Reasons!, request.CriminalRoutesNoted, request.ActionsDueOn, s.By, s.Clock.GetUtcNow(), s.Ct);
            s.Db.Set<RegulatoryAction>().AddRange(actions);
        });

    /// <summary>An action reaches its closure with its outcome; the last one closes the follow-up.</summary>
    private static Task<Response> CloseAction(Guid followUpId, Guid actionId, CloseActionRequest request, [AsParameters] ManagementReviewServices s) =>
        s.Apply(followUpId, async followUp =>
        {
            var actions = await s.Db.Set<RegulatoryAction>().Where(a => a.FollowUpId == followUp.Id).ToListAsync(s.Ct);
            await RegulatoryAction.Close(s.FollowUps, followUp, actions, actionId, request.Outcome!, s.By, s.Clock.GetUtcNow(), s.Ct);
        });
}
