using System.Security.Claims;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.InformalConcerns;

/// <summary>¶89–90: the partnership's informal concerns about the inspection, from raising to the QA manager's discussion.</summary>
public static class InformalConcernsApi
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/informal-concerns";

    /// <summary>¶89: the partnership raises a concern with the lead inspector or the QA manager, who resolve it with them.</summary>
    private static readonly AccessRule LeadsOrQa = Rules.LeadsOnTeam.Or(Rules.AssignedQa, "leads-or-assigned-qa");

    public static IEndpointRouteBuilder MapInformalConcerns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Informal concerns")
            .ValidateRequests();
        group.MapGet("/", List);
        group.MapPost("/", Raise).RequireStanding(Rules.PartnersOfArea);
        group.MapPost("/{concernId:guid}/resolution", Resolve).RequireStanding(LeadsOrQa);
        group.MapPost("/{concernId:guid}/escalation", Escalate).RequireStanding(Rules.PartnersOfArea);
        group.MapPost("/{concernId:guid}/qa-discussion", Discuss).RequireStanding(Rules.AssignedQa);
        return app;
    }

    /// <summary>Staff see every concern of the inspection; a partner agency the ones it raised.</summary>
    private static async Task<Ok<List<InformalConcernView>>> List(Guid inspectionId, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        var concerns = db.Set<InformalConcern>().AsNoTracking().Where(c => c.InspectionId == inspectionId);
        if (standing.IsPartner) concerns = concerns.Where(c => c.Agency == standing.Agency);
        return TypedResults.Ok((await concerns.OrderBy(c => c.RaisedAt).ToListAsync(ct)).Select(InformalConcernView.From).ToList());
    }

    /// <summary>What the steps on a concern need: storage, the caller, the clock.</summary>
    public sealed record ConcernServices(OrchestratorDbContext Db, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct)
    {
        public async Task<Ok<InformalConcernView>> Saved(InformalConcern concern)
        {
            await Db.SaveConcern(Ct);
            return TypedResults.Ok(InformalConcernView.From(concern));
        }
    }

    private static async Task<Results<Created<InformalConcernView>, ValidationProblem>> Raise(
        Guid inspectionId, InformalConcernRequest request, [AsParameters] ConcernServices s)
    {
        var finalLetterIssued = await s.Db.Letter(inspectionId, s.Ct) is { IsFinal: true };
        var concern = InformalConcern.Raise(inspectionId, finalLetterIssued, s.User.Agency()!, request.RaisedWith!, request.Text!, s.User.Id(), s.Clock.GetUtcNow());
        s.Db.Add(concern);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/informal-concerns/{concern.Id}", InformalConcernView.From(concern));
    }

    private static async Task<Results<Ok<InformalConcernView>, ValidationProblem, NotFound>> Resolve(
        Guid inspectionId, Guid concernId, ConcernResolutionRequest request, [AsParameters] ConcernServices s)
    {
        if (await s.Db.InformalConcern(inspectionId, concernId, s.Ct) is not { } concern) return TypedResults.NotFound();
        concern.Resolve(request.Resolution!.Trim(), s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(concern);
    }

    private static async Task<Results<Ok<InformalConcernView>, NotFound>> Escalate(
        Guid inspectionId, Guid concernId, Standing standing, WorkingDayCalendar calendar, [AsParameters] ConcernServices s)
    {
        if (await s.Db.InformalConcern(inspectionId, concernId, s.Ct) is not { } concern || concern.Agency != standing.Agency) return TypedResults.NotFound();
        var fieldworkEnd = await s.Db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspectionId && m.Key == MilestoneKeys.FieldworkEnd)
            .Select(m => m.Date).SingleAsync(s.Ct);
        concern.Escalate(LondonTime.Today(s.Clock), calendar.AddWorkingDays(fieldworkEnd, 1), s.Clock.GetUtcNow());
        return await s.Saved(concern);
    }

    private static async Task<Results<Ok<InformalConcernView>, ValidationProblem, NotFound>> Discuss(
        Guid inspectionId, Guid concernId, ConcernDiscussionRequest request, [AsParameters] ConcernServices s)
    {
        if (await s.Db.InformalConcern(inspectionId, concernId, s.Ct) is not { } concern) return TypedResults.NotFound();
        concern.Discussed(request.Outcome!.Trim(), request.Resolved!.Value, request.Joining, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(concern);
    }
}
