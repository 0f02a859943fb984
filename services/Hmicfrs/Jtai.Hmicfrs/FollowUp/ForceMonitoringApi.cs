using System.Security.Claims;
using Jtai.Hmicfrs.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using State = Jtai.Hmicfrs.FollowUp.ForceMonitoringState;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Hmicfrs.FollowUp;

public sealed record ReportCauseOfConcernRequest(string? Concern, IReadOnlyList<string?>? Recommendations, DateOnly? ReportPublishedOn);
public sealed record EscalateRequest(string? Reason, string? Detail);
public sealed record HmiMeetingRequest(DateOnly? HeldOn, string? ChiefConstable, string? PoliceAndCrimeCommissioner, string? ActionsIdentified);
public sealed record ForceDocumentRequest(DateOnly? ReceivedOn, string? Summary);
public sealed record ImprovementRequiredRequest(string? Improvement);
public sealed record DecisionRequest(DateOnly? On, string? Decision, string? Evidence);
public sealed record RevisitRequest(DateOnly? On, string? Kind, string? Focus);
public sealed record PolicingBodyCommentsRequest(DateOnly? PublishedOn);

/// <summary>HMICFRS staff move force monitoring; the HMI alone sets the improvement required and disengages (¶116).</summary>
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
        var group = app.MapFollowUpReads(HmicfrsService.Name);
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

    /// <summary>A cause of concern always has one or more recommendations (¶114); monitoring starts in scan.</summary>
    private static Task<Response> Report(Guid followUpId, ReportCauseOfConcernRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Concern, "concern")) errors.MaxLength(request.Concern, 4000, "concern");
        var recommendations = (request.Recommendations ?? []).Select(r => r?.Trim()).ToList();
        if (recommendations.Count == 0)
            errors.Add("recommendations", "A cause of concern is always accompanied by one or more recommendations.");
        for (var i = 0; i < recommendations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(recommendations[i])) errors.Add($"recommendations[{i}]", "A recommendation cannot be empty.");
            else errors.MaxLength(recommendations[i], 2000, $"recommendations[{i}]");
        }
        return change.Apply(followUpId, errors, async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            var published = request.ReportPublishedOn ?? concern.ReportPublishedOn ?? followUp.PublishedDate
                ?? throw new DomainRuleException("report-date-unknown",
                    "The report's publication date is not known yet: give 'reportPublishedOn' (the local policing body's comments are due 56 days after it).");
            change.FollowUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.ReportCauseOfConcern, user.Id(), request.Concern);
            concern.Concern = request.Concern!.Trim();
            concern.Recommendations = [.. recommendations.Select(r => r!)];
            concern.ReportPublishedOn = published;
            await change.FollowUps.SetDeadline(followUp, ForceMonitoring.PolicingBodyComments, published.AddDays(ForceMonitoring.PolicingBodyCommentsDays), ct);
        }, ct);
    }

    /// <summary>Engage only with its reason: the force is not responding, or not succeeding (¶115).</summary>
    private static Task<Response> Escalate(Guid followUpId, EscalateRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Reason, "reason")) errors.OneOf(request.Reason, ForceMonitoring.EscalationReasons, "reason");
        if (errors.Required(request.Detail, "detail")) errors.MaxLength(request.Detail, 4000, "detail");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            change.FollowUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.EscalateToEngage, user.Id(), $"{request.Reason}: {request.Detail}");
            concern.EscalationReason = request.Reason;
            concern.EscalationDetail = request.Detail!.Trim();
        }, ct);
    }

    /// <summary>In engage the HMI meets the chief constable and the police and crime commissioner (¶116).</summary>
    private static Task<Response> HmiMeeting(Guid followUpId, HmiMeetingRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.HeldOn, "heldOn");
        if (errors.Required(request.ChiefConstable, "chiefConstable")) errors.MaxLength(request.ChiefConstable, 200, "chiefConstable");
        if (errors.Required(request.PoliceAndCrimeCommissioner, "policeAndCrimeCommissioner"))
            errors.MaxLength(request.PoliceAndCrimeCommissioner, 200, "policeAndCrimeCommissioner");
        if (errors.Required(request.ActionsIdentified, "actionsIdentified")) errors.MaxLength(request.ActionsIdentified, 4000, "actionsIdentified");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            change.FollowUps.Record(followUp, "hmi-meeting", user.Id(), $"held {request.HeldOn:yyyy-MM-dd}", State.Engage);
            concern.HmiMeetingOn = request.HeldOn;
            concern.ChiefConstable = request.ChiefConstable!.Trim();
            concern.PoliceAndCrimeCommissioner = request.PoliceAndCrimeCommissioner!.Trim();
            concern.ActionsIdentified = request.ActionsIdentified!.Trim();
        }, ct);
    }

    /// <summary>The chief constable's root cause analysis follows the HMI's meeting (¶116).</summary>
    private static Task<Response> RootCauseAnalysis(Guid followUpId, ForceDocumentRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct) =>
        change.Apply(followUpId, DocumentErrors(request), async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            if (concern.HmiMeetingOn is null)
                throw new DomainRuleException("hmi-meeting-first", "The root cause analysis follows the HMI's meeting with the chief constable and PCC: record the meeting first.");
            change.FollowUps.Record(followUp, "root-cause-analysis", user.Id(), null, State.Engage);
            concern.RootCauseAnalysisReceivedOn = request.ReceivedOn;
            concern.RootCauseAnalysis = request.Summary!.Trim();
        }, ct);

    /// <summary>The improvement plan is formulated from the root cause analysis (¶116).</summary>
    private static Task<Response> ImprovementPlan(Guid followUpId, ForceDocumentRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct) =>
        change.Apply(followUpId, DocumentErrors(request), async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            if (concern.RootCauseAnalysis is null)
                throw new DomainRuleException("root-cause-analysis-first", "The improvement plan is formulated from the root cause analysis: record it first.");
            change.FollowUps.Record(followUp, "improvement-plan", user.Id(), null, State.Engage);
            concern.ImprovementPlanReceivedOn = request.ReceivedOn;
            concern.ImprovementPlan = request.Summary!.Trim();
        }, ct);

    /// <summary>The HMI sets the level of improvement required to be disengaged (¶116).</summary>
    private static Task<Response> ImprovementRequired(Guid followUpId, ImprovementRequiredRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Improvement, "improvement")) errors.MaxLength(request.Improvement, 4000, "improvement");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            change.FollowUps.Record(followUp, "improvement-required", user.Id(), request.Improvement, State.Engage);
            concern.ImprovementRequired = request.Improvement!.Trim();
            concern.ImprovementRequiredSetBy = user.Id();
        }, ct);
    }

    /// <summary>Disengaged only by the HMI's recorded decision with its evidence, against the improvement they set.</summary>
    private static Task<Response> Disengage(Guid followUpId, DecisionRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct) =>
        change.Apply(followUpId, DecisionErrors(request), async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            if (FollowUps.StateOf<State>(followUp) == State.Engage && concern.ImprovementRequired is null)
                throw new DomainRuleException("improvement-required-not-set",
                    "The HMI has not set the level of improvement required to be disengaged: set it before deciding to disengage.");
            change.FollowUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.Disengage, user.Id(), request.Decision);
            concern.DisengagedOn = request.On;
            concern.DisengagementDecision = request.Decision!.Trim();
            concern.DisengagementEvidence = request.Evidence!.Trim();
            concern.DisengagedBy = user.Id();
        }, ct);

    /// <summary>HMICFRS may revisit or re-inspect, focused on the cause of concern (¶117).</summary>
    private static Task<Response> ScheduleRevisit(Guid followUpId, RevisitRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        if (errors.Required(request.Kind, "kind")) errors.OneOf(request.Kind, ["revisit", "re-inspection"], "kind");
        if (errors.Required(request.Focus, "focus")) errors.MaxLength(request.Focus, 2000, "focus");
        return change.Apply(followUpId, errors, followUp =>
        {
            if (request.On < change.FollowUps.Today) throw new DomainRuleException("revisit-in-future", "A revisit is scheduled for a date to come.");
            change.FollowUps.Record(followUp, "revisit-scheduled", user.Id(), $"{request.Kind} on {request.On:yyyy-MM-dd}: {request.Focus}", ForceMonitoring.Monitored);
            db.Set<Revisit>().Add(new Revisit { FollowUpId = followUp.Id, On = request.On!.Value, Kind = request.Kind!, Focus = request.Focus!.Trim(), ScheduledBy = user.Id() });
        }, ct);
    }

    /// <summary>The local policing body's published comments (Police Act 1996 s55) meet their deadline.</summary>
    private static Task<Response> PolicingBodyComments(Guid followUpId, PolicingBodyCommentsRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmicfrsDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.PublishedOn, "publishedOn");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var concern = await Concern(db, followUp, ct);
            change.FollowUps.Record(followUp, "policing-body-comments-published", user.Id(), $"published {request.PublishedOn:yyyy-MM-dd}", ForceMonitoring.Monitored);
            concern.PolicingBodyCommentsPublishedOn = request.PublishedOn;
            await change.FollowUps.MeetDeadline(followUp, ForceMonitoring.PolicingBodyComments, ct);
        }, ct);
    }

    /// <summary>Monitoring ends by a recorded decision with its evidence (from scan, or once disengaged).</summary>
    private static Task<Response> Close(Guid followUpId, DecisionRequest request, ClaimsPrincipal user,
        FollowUpChange change, CancellationToken ct) =>
        change.Apply(followUpId, DecisionErrors(request), followUp =>
            change.FollowUps.Move(followUp, ForceMonitoring.Lifecycle, ForceMonitoring.Close, user.Id(), $"{request.On:yyyy-MM-dd}: {request.Decision} (evidence: {request.Evidence})"), ct);

    private static RequestErrors DocumentErrors(ForceDocumentRequest request)
    {
        var errors = new RequestErrors();
        errors.Required(request.ReceivedOn, "receivedOn");
        if (errors.Required(request.Summary, "summary")) errors.MaxLength(request.Summary, 4000, "summary");
        return errors;
    }

    private static RequestErrors DecisionErrors(DecisionRequest request)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        if (errors.Required(request.Decision, "decision")) errors.MaxLength(request.Decision, 4000, "decision");
        if (errors.Required(request.Evidence, "evidence")) errors.MaxLength(request.Evidence, 4000, "evidence");
        return errors;
    }

    private static Task<CauseOfConcern> Concern(HmicfrsDbContext db, FollowUpCase followUp, CancellationToken ct) =>
        db.Set<CauseOfConcern>().SingleAsync(c => c.FollowUpId == followUp.Id, ct);
}
