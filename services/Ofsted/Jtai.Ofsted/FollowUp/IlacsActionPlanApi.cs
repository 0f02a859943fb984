using Jtai.Calendar.Registry;
using Jtai.Notices;
using System.Security.Claims;
using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using State = Jtai.Ofsted.FollowUp.IlacsFollowUpState;
using Response = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Jtai.Inspectorate.FollowUp.FollowUpView>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Jtai.Ofsted.FollowUp;

public sealed record InformDfeRequest(string? Contact);
public sealed record RequestActionPlanRequest(DateOnly? LetterDate);
public sealed record ReceiveActionPlanRequest(string? Stage, DateOnly? ReceivedOn);
public sealed record ReviewActionPlanRequest(string? Notes);
public sealed record ActionPlanOutcomeRequest(string? Reason);
public sealed record MonitoringVisitRequest(DateOnly? On, string? Focus);
public sealed record CloseRequest(string? Decision);
public sealed record CoordinationRequest(IReadOnlyList<string?>? SharedWith, string? Note);
public sealed record LetterSharedRequest(IReadOnlyList<string?>? Departments, DateOnly? SharedOn);
public sealed record RepeatJtaiRequest(bool? Repeat, string? Reason);

/// <summary>Ofsted staff take the ILACS follow-up through its steps, and coordinate the multi-agency ones.</summary>
public static class IlacsActionPlanApi
{
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
        var group = app.MapFollowUpReads(OfstedService.Name);
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
    private static Task<Response> InformDfe(Guid followUpId, InformDfeRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Contact, "contact")) errors.MaxLength(request.Contact, 200, "contact");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Ilacs(db, followUp, ct);
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.InformDfe, user.Id(), request.Contact);
            x.DfeInformedAt = clock.GetUtcNow();
            x.DfeInformedBy = user.Id();
            x.DfeContact = request.Contact!.Trim();
        }, ct);
    }

    /// <summary>The action plan is asked for: the draft within 20 working days of the letter, the final within 70.</summary>
    private static Task<Response> RequestPlan(Guid followUpId, RequestActionPlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, TimeProvider clock, CancellationToken ct) =>
        change.Apply(followUpId, new RequestErrors(), async followUp =>
        {
            var letter = request.LetterDate ?? followUp.LetterDate
                ?? throw new DomainRuleException("letter-date-unknown", "The letter's date is not known yet: give 'letterDate' (the action plan's deadlines count from it).");
            var x = await Ilacs(db, followUp, ct);
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.RequestActionPlan, user.Id(), $"letter of {letter:yyyy-MM-dd}");
            followUp.LetterDate = letter;
            x.ActionPlanRequestedAt = clock.GetUtcNow();
            await change.FollowUps.SetDeadline(followUp, IlacsActionPlan.DraftDeadline, change.FollowUps.AddWorkingDays(letter, 20), ct);
            await change.FollowUps.SetDeadline(followUp, IlacsActionPlan.FinalDeadline, change.FollowUps.AddWorkingDays(letter, 70), ct);
        }, ct);

    /// <summary>A plan is received: the draft first, the final once the draft is accepted; a returned plan comes back at the same stage.</summary>
    private static Task<Response> Receive(Guid followUpId, ReceiveActionPlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Stage, "stage")) errors.OneOf(request.Stage, [IlacsActionPlan.Draft, IlacsActionPlan.Final], "stage");
        errors.Required(request.ReceivedOn, "receivedOn");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Ilacs(db, followUp, ct);
            if (request.Stage != x.ExpectedStage)
                throw new DomainRuleException("action-plan-stage", $"The {x.ExpectedStage} action plan is expected now, not the {request.Stage}.");
            if (request.ReceivedOn > change.FollowUps.Today)
                throw new DomainRuleException("received-in-future", "An action plan cannot be received on a date to come.");
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReceiveActionPlan, user.Id(), $"{request.Stage} received {request.ReceivedOn:yyyy-MM-dd}");
            db.Set<ActionPlanSubmission>().Add(new ActionPlanSubmission { FollowUpId = followUp.Id, Stage = request.Stage!, ReceivedOn = request.ReceivedOn!.Value });
            await change.FollowUps.MeetDeadline(followUp, request.Stage == IlacsActionPlan.Draft ? IlacsActionPlan.DraftDeadline : IlacsActionPlan.FinalDeadline, ct);
        }, ct);
    }

    private static Task<Response> Review(Guid followUpId, ReviewActionPlanRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Notes, "notes")) errors.MaxLength(request.Notes, 4000, "notes");
        return change.Apply(followUpId, errors, async followUp =>
        {
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReviewActionPlan, user.Id(), request.Notes);
            var plan = await Latest(db, followUp, ct);
            plan.ReviewedAt = clock.GetUtcNow();
            plan.ReviewNotes = request.Notes!.Trim();
        }, ct);
    }

    /// <summary>Accepting the draft awaits the final; accepting the final starts monitoring.</summary>
    private static Task<Response> Accept(Guid followUpId, ActionPlanOutcomeRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.MaxLength(request.Reason, 4000, "reason");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Ilacs(db, followUp, ct);
            var step = x.ExpectedStage == IlacsActionPlan.Draft ? IlacsActionPlan.AcceptDraft : IlacsActionPlan.AcceptFinal;
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, step, user.Id(), request.Reason);
            var plan = await Latest(db, followUp, ct);
            plan.Outcome = "accepted";
            plan.OutcomeReason = request.Reason?.Trim();
            x.ExpectedStage = IlacsActionPlan.Final;
        }, ct);
    }

    private static Task<Response> Return(Guid followUpId, ActionPlanOutcomeRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Reason, "reason")) errors.MaxLength(request.Reason, 4000, "reason");
        return change.Apply(followUpId, errors, async followUp =>
        {
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReturnActionPlan, user.Id(), request.Reason);
            var plan = await Latest(db, followUp, ct);
            plan.Outcome = "returned";
            plan.OutcomeReason = request.Reason!.Trim();
        }, ct);
    }

    /// <summary>Monitoring visits follow the accepted plan (ILACS).</summary>
    private static Task<Response> ScheduleVisit(Guid followUpId, MonitoringVisitRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.On, "on");
        if (errors.Required(request.Focus, "focus")) errors.MaxLength(request.Focus, 2000, "focus");
        return change.Apply(followUpId, errors, followUp =>
        {
            if (request.On < change.FollowUps.Today) throw new DomainRuleException("visit-in-future", "A monitoring visit is scheduled for a date to come.");
            change.FollowUps.Record(followUp, "monitoring-visit-scheduled", user.Id(), $"{request.On:yyyy-MM-dd}: {request.Focus}",
                State.DraftAccepted, State.Monitoring);
            db.Set<MonitoringVisit>().Add(new MonitoringVisit { FollowUpId = followUp.Id, On = request.On!.Value, Focus = request.Focus!.Trim(), ScheduledBy = user.Id() });
        }, ct);
    }

    private static Task<Response> Close(Guid followUpId, CloseRequest request, ClaimsPrincipal user, FollowUpChange change, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Decision, "decision")) errors.MaxLength(request.Decision, 4000, "decision");
        return change.Apply(followUpId, errors, followUp =>
            change.FollowUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.Close, user.Id(), request.Decision), ct);
    }

    /// <summary>Several agencies or the MASA: the inspectorates discuss how to coordinate their follow-up (¶110).</summary>
    private static Task<Response> Coordinate(Guid followUpId, CoordinationRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
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
            var x = await Coordinated(db, followUp, ct);
            change.FollowUps.Record(followUp, "coordination-recorded", user.Id(), request.Note, IlacsActionPlan.Open);
            x.CoordinationSharedWith = [.. sharedWith];
            x.CoordinationNote = request.Note!.Trim();
            x.CoordinationRecordedAt = clock.GetUtcNow();
        }, ct);
    }

    /// <summary>The final letter goes to the government departments before it is published (¶110).</summary>
    private static Task<Response> LetterShared(Guid followUpId, LetterSharedRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var departments = (request.Departments ?? []).Select(d => d?.Trim()).ToList();
        if (departments.Count == 0) errors.Add("departments", "Name the government departments the letter was shared with.");
        for (var i = 0; i < departments.Count; i++)
            if (errors.Required(departments[i], $"departments[{i}]")) errors.MaxLength(departments[i], 200, $"departments[{i}]");
        errors.Required(request.SharedOn, "sharedOn");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Coordinated(db, followUp, ct);
            if (request.SharedOn > change.FollowUps.Today)
                throw new DomainRuleException("shared-in-future", "Record the sharing once it has happened.");
            if (followUp.PublishedDate is { } published && request.SharedOn >= published)
                throw new DomainRuleException("letter-shared-before-publication",
                    $"The letter is shared with the government departments before it is published ({published:yyyy-MM-dd}).");
            change.FollowUps.Record(followUp, "letter-shared-with-departments", user.Id(), string.Join(", ", departments), IlacsActionPlan.Open);
            x.LetterSharedWithDepartments = [.. departments.Select(d => d!)];
            x.LetterSharedOn = request.SharedOn;
        }, ct);
    }

    /// <summary>Whether to carry out a JTAI of the same scope once the partnership has had time to respond (¶110).</summary>
    private static Task<Response> RepeatJtai(Guid followUpId, RepeatJtaiRequest request, ClaimsPrincipal user,
        FollowUpChange change, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.Repeat, "repeat");
        if (errors.Required(request.Reason, "reason")) errors.MaxLength(request.Reason, 4000, "reason");
        return change.Apply(followUpId, errors, async followUp =>
        {
            var x = await Coordinated(db, followUp, ct);
            change.FollowUps.Record(followUp, "repeat-jtai-decided", user.Id(), $"{(request.Repeat!.Value ? "repeat" : "no repeat")}: {request.Reason}", IlacsActionPlan.Open);
            x.RepeatJtai = request.Repeat;
            x.RepeatJtaiReason = request.Reason!.Trim();
            x.RepeatJtaiDecidedAt = clock.GetUtcNow();
        }, ct);
    }

    private static Task<IlacsFollowUp> Ilacs(OfstedDbContext db, FollowUpCase followUp, CancellationToken ct) =>
        db.Set<IlacsFollowUp>().SingleAsync(x => x.FollowUpId == followUp.Id, ct);

    private static async Task<IlacsFollowUp> Coordinated(OfstedDbContext db, FollowUpCase followUp, CancellationToken ct)
    {
        if (!followUp.Coordinated)
            throw new DomainRuleException("not-coordinated", "Only a priority action concerning several agencies or the MASA is coordinated across the inspectorates.");
        return await Ilacs(db, followUp, ct);
    }

    private static Task<ActionPlanSubmission> Latest(OfstedDbContext db, FollowUpCase followUp, CancellationToken ct) =>
        db.Set<ActionPlanSubmission>().Where(p => p.FollowUpId == followUp.Id).OrderByDescending(p => p.Id).FirstAsync(ct);
}
