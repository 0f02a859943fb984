using Jtai.Calendar.Registry;
using Jtai.Notices;
using System.Security.Claims;
using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Ofsted.FollowUp;

/// <summary>Ofsted staff take the ILACS follow-up through its steps, and coordinate the multi-agency ones; the rules are <see cref="IlacsFollowUp"/>'s.</summary>
public static class IlacsActionPlanApi
{
    /// <summary>What every step needs: the shared follow-up change, Ofsted's own record of it, the clock and the caller.</summary>
    public sealed record IlacsServices(FollowUpChange Change, OfstedDbContext Db, TimeProvider Clock, ClaimsPrincipal User, CancellationToken Ct)
    {
        public FollowUps FollowUps => Change.FollowUps;
        public string By => User.Id();

        /// <summary>Applies a step (404 when there is no such follow-up) with Ofsted's record of it loaded.</summary>
        public Task<Response> Apply(Guid followUpId, Func<FollowUpCase, IlacsFollowUp, Task> step) =>
            Change.Apply(followUpId, new RequestErrors(), async followUp => await step(followUp, await Ilacs(Db, followUp, Ct)), Ct);

        public Task<Response> Apply(Guid followUpId, Action<FollowUpCase, IlacsFollowUp> step) =>
            Apply(followUpId, (followUp, x) => { step(followUp, x); return Task.CompletedTask; });

        public Task<ActionPlanSubmission> Latest(FollowUpCase followUp) =>
            Db.Set<ActionPlanSubmission>().Where(p => p.FollowUpId == followUp.Id).OrderByDescending(p => p.Id).FirstAsync(Ct);
    }

    public static WebApplicationBuilder AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.AddFollowUpMechanics<IlacsFollowUpDetails>();
        // Without an address the DfE would never be told of a priority action (¶111): refuse to start instead.
        builder.Services.AddOptions<DfeOptions>().Bind(builder.Configuration.GetSection("FollowUp:Dfe"))
            .Validate(d => !string.IsNullOrWhiteSpace(d.Name) && System.Net.Mail.MailAddress.TryCreate(d.Email, out _),
                "FollowUp:Dfe:Name and :Email must name the Department for Education's contact for priority actions and their e-mail address.")
            .ValidateOnStart();
        builder.Services.AddNoticeKinds(DfeNotice.Kind);
        builder.Services.AddNoticeOutcome<DfeInformed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var group = app.MapFollowUpReads(OfstedService.Name).ValidateRequests();
        group.MapPost("/{followUpId:guid}/dfe-informed", InformDfe);
        group.MapPost("/{followUpId:guid}/action-plan/request", RequestPlan);
        group.MapPost("/{followUpId:guid}/action-plan/received", Receive);
        group.MapPost("/{followUpId:guid}/action-plan/reviewed", Review);
        group.MapPost("/{followUpId:guid}/action-plan/accepted", Accept);
        group.MapPost("/{followUpId:guid}/action-plan/returned", Return);
        group.MapPost("/{followUpId:guid}/monitoring-visits", ScheduleVisit);
        group.MapPost("/{followUpId:guid}/close", Close);
        group.MapPost("/{followUpId:guid}/coordination", Coordinate);
        group.MapPost("/{followUpId:guid}/letter-shared-with-departments", LetterShared);
        group.MapPost("/{followUpId:guid}/repeat-jtai-decision", RepeatJtai);
        return app;
    }

    /// <summary>
    /// Ofsted informs the DfE (¶111): done by the notice sent when the follow-up opened; this records it
    /// when the DfE was told another way (for example after that notice failed), with the time.
    /// </summary>
    private static Task<Response> InformDfe(Guid followUpId, InformDfeRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, x) => x.RecordDfeInformed(s.FollowUps, followUp, request.Contact!, s.By, s.Clock.GetUtcNow()));

    /// <summary>The action plan is asked for: the draft within 20 working days of the letter, the final within 70.</summary>
    private static Task<Response> RequestPlan(Guid followUpId, RequestActionPlanRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, x) => x.RequestActionPlan(s.FollowUps, followUp, request.LetterDate, s.By, s.Clock.GetUtcNow(), s.Ct));

    private static Task<Response> Receive(Guid followUpId, ReceiveActionPlanRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, async (followUp, x) =>
            s.Db.Set<ActionPlanSubmission>().Add(await x.Receive(s.FollowUps, followUp, request.Stage!, request.ReceivedOn!.Value, s.By, s.Ct)));

    private static Task<Response> Review(Guid followUpId, ReviewActionPlanRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, async (followUp, _) =>
        {
            s.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReviewActionPlan, s.By, request.Notes);
            (await s.Latest(followUp)).Review(request.Notes!, s.Clock.GetUtcNow());
        });

    private static Task<Response> Accept(Guid followUpId, ActionPlanOutcomeRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, async (followUp, x) =>
        {
            // The step is checked first: before a plan is received there is none to accept (409, not a missing row).
            x.Accept(s.FollowUps, followUp, request.Reason, s.By);
            (await s.Latest(followUp)).Accept(request.Reason);
        });

    private static Task<Response> Return(Guid followUpId, ReturnActionPlanRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, async (followUp, _) =>
        {
            s.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReturnActionPlan, s.By, request.Reason);
            (await s.Latest(followUp)).Return(request.Reason!);
        });

    private static Task<Response> ScheduleVisit(Guid followUpId, MonitoringVisitRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, _) => s.Db.Set<MonitoringVisit>().Add(MonitoringVisit.Schedule(s.FollowUps, followUp, request.On!.Value, request.Focus!, s.By)));

    private static Task<Response> Close(Guid followUpId, CloseRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, _) => s.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.Close, s.By, request.Decision));

    /// <summary>Several agencies or the MASA: the inspectorates discuss how to coordinate their follow-up (¶110).</summary>
    private static Task<Response> Coordinate(Guid followUpId, CoordinationRequest request, ClaimsPrincipal user,
        FollowUpChange change, [AsParameters] IlacsServices s)
    {
        var errors = new RequestErrors();
        var sharedWith = (request.SharedWith ?? []).Select(s => s ?? "").Distinct().ToList();
        // Always with the other safeguarding partners' inspectorates (the MASA's, ¶110: CQC and HMICFRS); any other
        // inspectorate of the registry may be added (HMI Probation where a youth justice service is concerned).
        var required = InspectorateRegistry.Current.FollowingUp(Agencies.Masa).Where(i => i != Inspectorates.Ofsted).ToList();
        foreach (var other in required.Where(o => !sharedWith.Contains(o)))
            errors.Add("sharedWith", $"The coordination record is shared with {string.Join(" and ", required)}: '{other}' is missing.");
        var others = Inspectorates.All.Where(i => i != Inspectorates.Ofsted).ToList();
        for (var i = 0; i < sharedWith.Count; i++) errors.OneOf(sharedWith[i], others, $"sharedWith[{i}]");
        if (errors.Required(request.Note, "note")) errors.MaxLength(request.Note, 4000, "note");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Ilacs(s.Db, followUp, s.Ct);
            x.RecordCoordination(change.FollowUps, followUp, sharedWith, request.Note!, user.Id(), s.Clock.GetUtcNow());
        }, s.Ct);
    }

    /// <summary>The final letter goes to the government departments before it is published (¶110).</summary>
    private static Task<Response> LetterShared(Guid followUpId, LetterSharedRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, x) =>
            x.RecordLetterShared(s.FollowUps, followUp, [.. request.Named.Select(d => d!)], request.SharedOn!.Value, s.By));

    /// <summary>Whether to carry out a JTAI of the same scope once the partnership has had time to respond (¶110).</summary>
    private static Task<Response> RepeatJtai(Guid followUpId, RepeatJtaiRequest request, [AsParameters] IlacsServices s) =>
        s.Apply(followUpId, (followUp, x) => x.DecideRepeatJtai(s.FollowUps, followUp, request.Repeat!.Value, request.Reason!, s.By, s.Clock.GetUtcNow()));

    private static Task<IlacsFollowUp> Ilacs(OfstedDbContext db, FollowUpCase followUp, CancellationToken ct) =>
        db.Set<IlacsFollowUp>().SingleAsync(x => x.FollowUpId == followUp.Id, ct);
}
