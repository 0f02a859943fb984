using System.Security.Claims;
using Jtai.Hmicfrs.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Hmicfrs.FollowUp;

/// <summary>
/// HMICFRS staff move force monitoring; the HMI alone sets the improvement required and disengages (¶116).
/// The rules are <see cref="CauseOfConcern"/>'s.
/// </summary>
public static class ForceMonitoringApi
{
    /// <summary>HMICFRS's HMI (¶116).</summary>
    private static readonly AccessRule Hmi = Rules.RoleOf(Inspectorates.Hmicfrs, JtaiRoles.Hmi);

    public static WebApplicationBuilder AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.AddFollowUpMechanics<ForceMonitoringDetails>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var group = app.MapFollowUpReads(HmicfrsService.Name).ValidateRequests();
        group.MapPost("/{followUpId:guid}/cause-of-concern", Report);
        group.MapPost("/{followUpId:guid}/escalate-to-engage", Escalate);
        group.MapPost("/{followUpId:guid}/hmi-meeting", HmiMeeting);
        group.MapPost("/{followUpId:guid}/root-cause-analysis", RootCauseAnalysis);
        group.MapPost("/{followUpId:guid}/improvement-plan", ImprovementPlan);
        group.MapPost("/{followUpId:guid}/improvement-required", ImprovementRequired).RequireStanding(Hmi);
        group.MapPost("/{followUpId:guid}/disengage", Disengage).RequireStanding(Hmi);
        group.MapPost("/{followUpId:guid}/revisits", ScheduleRevisit);
        group.MapPost("/{followUpId:guid}/policing-body-comments", PolicingBodyComments);
        group.MapPost("/{followUpId:guid}/close", Close);
        return app;
    }

    /// <summary>What every step needs: the shared follow-up change, HMICFRS's own record of it and the caller.</summary>
    public sealed record ForceMonitoringServices(FollowUpChange Change, HmicfrsDbContext Db, ClaimsPrincipal User, CancellationToken Ct)
    {
        public FollowUps FollowUps => Change.FollowUps;
        public string By => User.Id();

        /// <summary>Applies a step (404 when there is no such follow-up) with the cause of concern loaded.</summary>
        public Task<Response> Apply(Guid followUpId, Func<FollowUpCase, CauseOfConcern, Task> step) =>
            Change.Apply(followUpId, new RequestErrors(), async followUp =>
                await step(followUp, await Db.Set<CauseOfConcern>().SingleAsync(c => c.FollowUpId == followUp.Id, Ct)), Ct);

        public Task<Response> Apply(Guid followUpId, Action<FollowUpCase, CauseOfConcern> step) =>
            Apply(followUpId, (followUp, concern) => { step(followUp, concern); return Task.CompletedTask; });
    }

    private static Task<Response> Report(Guid followUpId, ReportCauseOfConcernRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) =>
            concern.Report(s.FollowUps, followUp, request.Concern!, [.. request.Trimmed.Select(r => r!)], request.ReportPublishedOn, s.By, s.Ct));

    private static Task<Response> Escalate(Guid followUpId, EscalateRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.Escalate(s.FollowUps, followUp, request.Reason!, request.Detail!, s.By));

    private static Task<Response> HmiMeeting(Guid followUpId, HmiMeetingRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.RecordHmiMeeting(s.FollowUps, followUp, request.HeldOn!.Value, request.ChiefConstable!,
            request.PoliceAndCrimeCommissioner!, request.ActionsIdentified!, s.By));

    private static Task<Response> RootCauseAnalysis(Guid followUpId, ForceDocumentRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.ReceiveRootCauseAnalysis(s.FollowUps, followUp, request.ReceivedOn!.Value, request.Summary!, s.By));

    private static Task<Response> ImprovementPlan(Guid followUpId, ForceDocumentRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.ReceiveImprovementPlan(s.FollowUps, followUp, request.ReceivedOn!.Value, request.Summary!, s.By));

    private static Task<Response> ImprovementRequired(Guid followUpId, ImprovementRequiredRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.SetImprovementRequired(s.FollowUps, followUp, request.Improvement!, s.By));

    private static Task<Response> Disengage(Guid followUpId, DecisionRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) =>
            concern.Disengage(s.FollowUps, followUp, request.On!.Value, request.Decision!, request.Evidence!, s.By));

    private static Task<Response> ScheduleRevisit(Guid followUpId, RevisitRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, _) =>
            s.Db.Set<Revisit>().Add(Revisit.Schedule(s.FollowUps, followUp, request.On!.Value, request.Kind!, request.Focus!, s.By)));

    private static Task<Response> PolicingBodyComments(Guid followUpId, PolicingBodyCommentsRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, concern) => concern.RecordPolicingBodyComments(s.FollowUps, followUp, request.PublishedOn!.Value, s.By, s.Ct));

    /// <summary>Monitoring ends by a recorded decision with its evidence (from scan, or once disengaged).</summary>
    private static Task<Response> Close(Guid followUpId, DecisionRequest request, [AsParameters] ForceMonitoringServices s) =>
        s.Apply(followUpId, (followUp, _) => s.FollowUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.Close, s.By,
            $"{request.On:yyyy-MM-dd}: {request.Decision} (evidence: {request.Evidence})"));
}
