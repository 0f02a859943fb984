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

/// <summary>
/// ¶19: after notification and before fieldwork starts (so also while information is being gathered)
/// the partnership may ask for one deferral; the inspectorates decide together, Ofsted recording the
/// decision with CQC's and HMICFRS's agreement. Accepting moves fieldwork and recomputes every date from the inspection's
/// pinned framework version; the replaced timeline stays on the request. The rules are <see cref="DeferralRequest"/>'s;
/// the inspection's stages move through <see cref="Transitions"/>.
/// </summary>
public static class DeferralApi
{
    /// <summary>The partnership asks (¶19); Ofsted's lead or managers may record the request for it.</summary>
    private static readonly AccessRule RequestDeferral = Rules.PartnersOfArea.Or(Rules.OfstedLeadOrManagers, "request-deferral");

    public static IEndpointRouteBuilder MapDeferralApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/deferral-requests").WithTags("Deferral").ValidateRequests();
        group.MapPost("/", Request).RequireStanding(RequestDeferral);
        group.MapGet("/", List).RequireStanding(Rules.SeesInspection);
        group.MapPost("/{requestId:guid}/decision", Decide).RequireStanding(Rules.OfstedLeadOrManagers);
        return app;
    }

    /// <summary>What both steps need: the caller, the store, the inspection's transitions and the clock.</summary>
    public sealed record DeferralServices(ClaimsPrincipal User, OrchestratorDbContext Db, Transitions Transitions, TimeProvider Clock, CancellationToken Ct)
    {
        public DateOnly Today => LondonTime.Today(Clock);
    }

    private static async Task<Results<Created<DeferralRequestView>, NotFound, ValidationProblem>> Request(
        Guid inspectionId, DeferralRequestBody body, Standing standing, [AsParameters] DeferralServices s)
    {
        DeferralRequest? request = null;
        var moved = await s.Transitions.Move(inspectionId, Stages.DeferralRequested, s.User.Id(), body.Reason!.Trim(), async inspection =>
        {
            var requested = await s.Db.Set<DeferralRequest>().AnyAsync(d => d.InspectionId == inspection.Id, s.Ct);
            s.Db.Add(request = DeferralRequest.Ask(inspection, requested, body.Reason!, body.ProposedFieldworkStart, s.User.Id(), standing.Agency,
                s.Clock.GetUtcNow(), s.Today));
        }, s.Ct);
        if (moved is null) return TypedResults.NotFound();
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/deferral-requests/{request!.Id}", DeferralRequestView.From(request));
    }

    private static async Task<Results<Ok<DeferralRequestView>, NotFound, ValidationProblem>> Decide(
        Guid inspectionId, Guid requestId, DeferralDecisionBody body, InspectionTimelines timelines, TimelineCalculator calculator,
        FrameworkCatalog frameworks, [AsParameters] DeferralServices s)
    {
        // ¶19: Ofsted decides with the other inspectorates taking part (none, in an Ofsted-only inspection).
        if (await s.Db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, s.Ct) is not { } scheduled) return TypedResults.NotFound();
        var others = frameworks.TakingPart(scheduled).Where(i => i != Inspectorates.Ofsted).ToList();
        if (body.CheckFor(calculator, others) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());

        DeferralRequest? request = null;
        var moved = await s.Transitions.Move(inspectionId, body.Accepted ? Stages.Deferred : Stages.DeferralRefused, s.User.Id(), body.Reason?.Trim(), async inspection =>
        {
            request = await s.Db.Set<DeferralRequest>().SingleOrDefaultAsync(d => d.Id == requestId && d.InspectionId == inspection.Id, s.Ct)
                ?? throw DeferralRequest.Unknown(inspection.Id, requestId);
            request.Decide(body.Outcome!, body.Reason, others, s.User.Id(), s.Clock.GetUtcNow());
            if (!body.Accepted) return;

            var newStart = body.NewFieldworkStart!.Value;
            var notice = frameworks.Get(inspection.Theme, inspection.FrameworkVersion).NoticeWorkingDays;
            var previous = await s.Db.Set<InspectionMilestone>().AsNoTracking().Where(m => m.InspectionId == inspection.Id)
                .OrderBy(m => m.DueAt).Select(m => new { m.Key, m.Date, m.DueAt }).ToListAsync(s.Ct);
            request.MoveFieldwork(inspection, newStart, calculator.Calendar.AddWorkingDays(newStart, -notice), notice, s.Today,
                JsonSerializer.Serialize(previous, JsonSerializerOptions.Web));
            await timelines.Plan(inspection, s.Ct);
        }, s.Ct);
        if (moved is null) return TypedResults.NotFound();
        return TypedResults.Ok(DeferralRequestView.From(request!));
    }

    private static async Task<Ok<List<DeferralRequestView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var requests = await db.Set<DeferralRequest>().AsNoTracking().Where(d => d.InspectionId == inspectionId).OrderBy(d => d.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(requests.Select(DeferralRequestView.From).ToList());
    }
}
