using System.Security.Claims;
using Jtai.HmiProbation.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using L = Jtai.HmiProbation.FollowUp.ImprovementMonitoringLimits;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;
using State = Jtai.HmiProbation.FollowUp.ImprovementMonitoringState;

namespace Jtai.HmiProbation.FollowUp;

public sealed record RequestPlanRequest(string? RequestedOf, DateOnly? DueOn);
public sealed record ReceivePlanRequest(DateOnly? ReceivedOn, string? Summary);
public sealed record ReturnPlanRequest(string? Because, DateOnly? DueOn);
public sealed record DecisionRequest(DateOnly? On, string? Decision);
public sealed record ProgressRequest(DateOnly? On, string? Kind, string? Note);

/// <summary>HMI Probation's staff move the improvement monitoring; the rules of the plan are on <see cref="ImprovementPlan"/>.</summary>
public static class ImprovementMonitoringApi
{
    public static WebApplicationBuilder AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.AddFollowUpMechanics<ImprovementMonitoringDetails>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var group = app.MapFollowUpReads(HmiProbationService.Name);
        group.MapPost("/{followUpId:guid}/improvement-plan-request", RequestPlan);
        group.MapPost("/{followUpId:guid}/improvement-plan-received", ReceivePlan);
        group.MapPost("/{followUpId:guid}/improvement-plan-returned", ReturnPlan);
        group.MapPost("/{followUpId:guid}/improvement-plan-accepted", AcceptPlan);
        group.MapPost("/{followUpId:guid}/progress", RecordProgress);
        group.MapPost("/{followUpId:guid}/close", Close);
        return app;
    }

    /// <summary>The plan is asked of the service's leaders by a date; a deadline row reminds and marks it overdue.</summary>
    private static Task<Response> RequestPlan(Guid followUpId, RequestPlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmiProbationDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.RequestedOf, "requestedOf")) errors.MaxLength(request.RequestedOf, L.Name, "requestedOf");
        errors.Required(request.DueOn, "dueOn");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var plan = await Plan(db, followUp, ct);
            plan.Request(request.RequestedOf!.Trim(), request.DueOn!.Value, change.FollowUps.Today);
            change.FollowUps.Move(followUp, ImprovementMonitoring.Lifecycle, ImprovementMonitoring.RequestPlan, user.Id(),
                $"of {plan.RequestedOf} by {plan.DueOn:yyyy-MM-dd}");
            await change.FollowUps.SetDeadline(followUp, ImprovementMonitoring.PlanDeadline, plan.DueOn!.Value, ct);
        }, ct);
    }

    private static Task<Response> ReceivePlan(Guid followUpId, ReceivePlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmiProbationDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.ReceivedOn, "receivedOn");
        if (errors.Required(request.Summary, "summary")) errors.MaxLength(request.Summary, L.Text, "summary");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var plan = await Plan(db, followUp, ct);
            plan.Receive(request.ReceivedOn!.Value, request.Summary!.Trim(), change.FollowUps.Today);
            change.FollowUps.Move(followUp, ImprovementMonitoring.Lifecycle, ImprovementMonitoring.ReceivePlan, user.Id(), plan.Summary);
            await change.FollowUps.MeetDeadline(followUp, ImprovementMonitoring.PlanDeadline, ct);
        }, ct);
    }

    /// <summary>A plan that does not answer the priority action goes back with the reason and a new date.</summary>
    private static Task<Response> ReturnPlan(Guid followUpId, ReturnPlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmiProbationDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Because, "because")) errors.MaxLength(request.Because, L.Text, "because");
        errors.Required(request.DueOn, "dueOn");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var plan = await Plan(db, followUp, ct);
            plan.Return(request.Because!.Trim());
            plan.Request(plan.RequestedOf!, request.DueOn!.Value, change.FollowUps.Today);
            change.FollowUps.Move(followUp, ImprovementMonitoring.Lifecycle, ImprovementMonitoring.ReturnPlan, user.Id(), plan.ReturnedBecause);
            await change.FollowUps.SetDeadline(followUp, ImprovementMonitoring.PlanDeadline, plan.DueOn!.Value, ct);
        }, ct);
    }

    private static Task<Response> AcceptPlan(Guid followUpId, DecisionRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmiProbationDbContext db, CancellationToken ct) =>
        change.Apply(followUpId, DecisionErrors(request), async followUp =>
        {
            var plan = await Plan(db, followUp, ct);
            plan.Accept(request.On!.Value, request.Decision!.Trim());
            change.FollowUps.Move(followUp, ImprovementMonitoring.Lifecycle, ImprovementMonitoring.AcceptPlan, user.Id(), plan.Decision);
        }, ct);

    /// <summary>While monitoring: a progress review, or one of HMI Probation's own inspections brought forward (¶7–8).</summary>
    private static Task<Response> RecordProgress(Guid followUpId, ProgressRequest request, ClaimsPrincipal user,
        FollowUpChange change, HmiProbationDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        if (errors.Required(request.Kind, "kind"))
            errors.OneOf(request.Kind, [ImprovementMonitoring.ProgressReview, .. ImprovementMonitoring.Inspections], "kind");
        if (errors.Required(request.Note, "note")) errors.MaxLength(request.Note, L.Text, "note");
        return change.Apply(followUpId, errors, followUp =>
        {
            var step = request.Kind == ImprovementMonitoring.ProgressReview ? ImprovementMonitoring.ProgressReview : ImprovementMonitoring.InspectionBroughtForward;
            change.FollowUps.Record(followUp, step, user.Id(), $"{request.Kind} {request.On:yyyy-MM-dd}: {request.Note}", State.Monitoring);
            db.Set<ProgressEntry>().Add(new ProgressEntry
            {
                FollowUpId = followUp.Id, On = request.On!.Value, Kind = request.Kind!, Note = request.Note!.Trim(), RecordedBy = user.Id(),
            });
        }, ct);
    }

    private static Task<Response> Close(Guid followUpId, DecisionRequest request, ClaimsPrincipal user, FollowUpChange change, CancellationToken ct) =>
        change.Apply(followUpId, DecisionErrors(request), followUp =>
            change.FollowUps.Move(followUp, ImprovementMonitoring.Lifecycle, ImprovementMonitoring.Close, user.Id(), $"{request.On:yyyy-MM-dd}: {request.Decision}"), ct);

    private static RequestErrors DecisionErrors(DecisionRequest request)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        if (errors.Required(request.Decision, "decision")) errors.MaxLength(request.Decision, L.Text, "decision");
        return errors;
    }

    private static Task<ImprovementPlan> Plan(HmiProbationDbContext db, FollowUpCase followUp, CancellationToken ct) =>
        db.Set<ImprovementPlan>().SingleAsync(p => p.FollowUpId == followUp.Id, ct);
}
