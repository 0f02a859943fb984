using System.Security.Claims;
using System.Text.Json;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Deferral;

public sealed record DeferralRequestBody(string? Reason, DateOnly? ProposedFieldworkStart);

/// <summary>The inspectorates' decision, recorded by Ofsted with the inspectorates it agreed it with (both CQC and HMICFRS).</summary>
public sealed record DeferralDecisionBody(string? Outcome, DateOnly? NewFieldworkStart, string? Reason, IReadOnlyList<string?>? AgreedWith);

/// <summary>
/// ¶19: after notification and before fieldwork starts (so also while information is being gathered)
/// the partnership may ask for one deferral; the inspectorates decide together, Ofsted recording the
/// decision with CQC's and HMICFRS's agreement. Accepting moves fieldwork and recomputes every date from the inspection's
/// pinned framework version; the replaced timeline stays on the request.
/// </summary>
public static class DeferralApi
{
    /// <summary>The partnership asks (¶19); Ofsted's lead or managers may record the request for it.</summary>
    private static readonly AccessRule RequestDeferral = Rules.PartnersOfArea.Or(Rules.OfstedLeadOrManagers, "request-deferral");

    public static IEndpointRouteBuilder MapDeferralApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/deferral-requests").WithTags("Deferral");
        group.MapPost("/", Request).RequireStanding(RequestDeferral);
        group.MapGet("/", List).RequireStanding(Rules.SeesInspection);
        group.MapPost("/{requestId:guid}/decision", Decide).RequireStanding(Rules.OfstedLeadOrManagers);
        return app;
    }

    private static async Task<Results<Created<DeferralRequestView>, NotFound, ValidationProblem>> Request(
        Guid inspectionId, DeferralRequestBody body, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, Transitions transitions,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.Reason, "reason")) errors.MaxLength(body.Reason, 2000, "reason");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        DeferralRequest? request = null;
        var moved = await transitions.Move(inspectionId, Stages.DeferralRequested, user.Id(), body.Reason!.Trim(), async inspection =>
        {
            if (LondonTime.Today(clock) >= inspection.FieldworkStart)
                throw new DomainRuleException("deferral-window", "A deferral is requested between notification and the start of fieldwork (¶19); fieldwork has started.");
            if (await db.Set<DeferralRequest>().AnyAsync(d => d.InspectionId == inspection.Id, ct))
                throw new DomainRuleException("one-deferral", "The partnership may request one deferral of an inspection (¶19), and it already has.");
            db.Add(request = new DeferralRequest
            {
                Id = Guid.NewGuid(), InspectionId = inspection.Id, Reason = body.Reason!.Trim(),
                ProposedFieldworkStart = body.ProposedFieldworkStart, RequestedAt = clock.GetUtcNow(), RequestedBy = user.Id(),
                RequestedByAgency = standing.Agency, PreviousFieldworkStart = inspection.FieldworkStart,
            });
        }, ct);
        if (moved is null) return TypedResults.NotFound();
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/deferral-requests/{request!.Id}", DeferralRequestView.From(request));
    }

    private static async Task<Results<Ok<DeferralRequestView>, NotFound, ValidationProblem>> Decide(
        Guid inspectionId, Guid requestId, DeferralDecisionBody body, ClaimsPrincipal user, OrchestratorDbContext db,
        Transitions transitions, InspectionTimelines timelines, TimelineCalculator calculator, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.Outcome, "outcome")) errors.OneOf(body.Outcome, DeferralOutcomes.All, "outcome");
        errors.MaxLength(body.Reason, 2000, "reason");
        var accepted = body.Outcome == DeferralOutcomes.Accepted;
        if (accepted && errors.Required(body.NewFieldworkStart, "newFieldworkStart"))
        {
            if (calculator.FieldworkStartProblem(body.NewFieldworkStart.Value) is { } problem) errors.Add("newFieldworkStart", problem);
        }
        if (!accepted && body.NewFieldworkStart is not null)
            errors.Add("newFieldworkStart", "'newFieldworkStart' is given only when the deferral is accepted.");
        // ¶19: Ofsted decides with the other inspectorates taking part (none, in an Ofsted-only inspection).
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } scheduled) return TypedResults.NotFound();
        var others = frameworks.TakingPart(scheduled).Where(i => i != Inspectorates.Ofsted).ToList();
        var agreedWith = (body.AgreedWith ?? []).Select(a => a?.Trim().ToLowerInvariant()).Distinct().ToList();
        if (others.Count > 0 && agreedWith.Count == 0) errors.Add("agreedWith", "'agreedWith' is required.");
        else if (agreedWith.Count != others.Count || others.Any(o => !agreedWith.Contains(o)))
            errors.Add("agreedWith", others.Count == 0
                ? "'agreedWith' names nobody: Ofsted alone takes part in this inspection and decides its deferral."
                : $"'agreedWith' must name {string.Join(" and ", others)}: the inspectorates decide a deferral together (¶19).");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        DeferralRequest? request = null;
        var to = accepted ? Stages.Deferred : Stages.DeferralRefused;
        var moved = await transitions.Move(inspectionId, to, user.Id(), body.Reason?.Trim(), async inspection =>
        {
            request = await db.Set<DeferralRequest>().SingleOrDefaultAsync(d => d.Id == requestId && d.InspectionId == inspection.Id, ct)
                ?? throw new DomainRuleException("deferral-request", $"Inspection {inspection.Id} has no deferral request {requestId}.", StatusCodes.Status404NotFound);
            if (request.Outcome is not null)
                throw new DomainRuleException("deferral-decided", $"The deferral request was already {request.Outcome}.");
            request.Outcome = body.Outcome;
            request.DecisionReason = body.Reason?.Trim();
            request.DecidedAt = clock.GetUtcNow();
            request.DecidedBy = user.Id();
            request.AgreedWith = [.. others];
            if (!accepted) return;

            if (body.NewFieldworkStart!.Value <= inspection.FieldworkStart)
                throw new DomainRuleException("deferral-later", $"A deferral moves fieldwork later than {inspection.FieldworkStart:yyyy-MM-dd}.", StatusCodes.Status400BadRequest);
            var notice = frameworks.Get(inspection.Theme, inspection.FrameworkVersion).NoticeWorkingDays;
            if (calculator.Calendar.AddWorkingDays(body.NewFieldworkStart.Value, -notice) < LondonTime.Today(clock))
                throw new DomainRuleException("notice-period",
                    $"Fieldwork on {body.NewFieldworkStart:yyyy-MM-dd} leaves no time to notify the area again {notice} working days before.", StatusCodes.Status400BadRequest);
            var previous = await db.Set<InspectionMilestone>().AsNoTracking().Where(m => m.InspectionId == inspection.Id)
                .OrderBy(m => m.DueAt).Select(m => new { m.Key, m.Date, m.DueAt }).ToListAsync(ct);
            request.PreviousTimeline = JsonSerializer.Serialize(previous, JsonSerializerOptions.Web);
            request.NewFieldworkStart = body.NewFieldworkStart;
            inspection.FieldworkStart = body.NewFieldworkStart.Value;
            await timelines.Plan(inspection, ct);
        }, ct);
        if (moved is null) return TypedResults.NotFound();
        return TypedResults.Ok(DeferralRequestView.From(request!));
    }

    private static async Task<Ok<List<DeferralRequestView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var requests = await db.Set<DeferralRequest>().AsNoTracking().Where(d => d.InspectionId == inspectionId).OrderBy(d => d.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(requests.Select(DeferralRequestView.From).ToList());
    }
}
