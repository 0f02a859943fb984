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
        var group = app.MapGroup(Path).RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Informal concerns");
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

    private static async Task<Results<Created<InformalConcernView>, ValidationProblem>> Raise(
        Guid inspectionId, InformalConcernRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.RaisedWith, "raisedWith")) errors.OneOf(request.RaisedWith, ConcernRecipients.All, "raisedWith");
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 10_000, "text");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        // From the final letter, the way to raise a concern is a formal complaint (Annex C ¶120).
        if (await db.Letter(inspectionId, ct) is { IsFinal: true })
            throw new DomainRuleException("concern-before-final-letter",
                "The final letter has been issued: a concern about the inspection is now a formal complaint (Annex C).");
        var concern = new InformalConcern
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Agency = user.Agency()!, RaisedBy = user.Id(), RaisedAt = clock.GetUtcNow(),
            RaisedWith = request.RaisedWith!, Text = request.Text!.Trim(), State = InformalConcernStates.Raised,
        };
        db.Add(concern);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/informal-concerns/{concern.Id}", InformalConcernView.From(concern));
    }

    private static async Task<Results<Ok<InformalConcernView>, ValidationProblem, NotFound>> Resolve(
        Guid inspectionId, Guid concernId, ConcernResolutionRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Resolution, "resolution")) errors.MaxLength(request.Resolution, 10_000, "resolution");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await db.InformalConcern(inspectionId, concernId, ct) is not { } concern) return TypedResults.NotFound();
        concern.Resolve(request.Resolution!.Trim(), user.Id(), clock.GetUtcNow());
        await Save(db, ct);
        return TypedResults.Ok(InformalConcernView.From(concern));
    }

    private static async Task<Results<Ok<InformalConcernView>, NotFound>> Escalate(
        Guid inspectionId, Guid concernId, Standing standing, OrchestratorDbContext db, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (await db.InformalConcern(inspectionId, concernId, ct) is not { } concern || concern.Agency != standing.Agency) return TypedResults.NotFound();
        var fieldworkEnd = await db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspectionId && m.Key == MilestoneKeys.FieldworkEnd)
            .Select(m => m.Date).SingleAsync(ct);
        concern.Escalate(LondonTime.Today(clock), calendar.AddWorkingDays(fieldworkEnd, 1), clock.GetUtcNow());
        await Save(db, ct);
        return TypedResults.Ok(InformalConcernView.From(concern));
    }

    private static async Task<Results<Ok<InformalConcernView>, ValidationProblem, NotFound>> Discuss(
        Guid inspectionId, Guid concernId, ConcernDiscussionRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Outcome, "outcome")) errors.MaxLength(request.Outcome, 10_000, "outcome");
        errors.Required(request.Resolved, "resolved");
        var joining = new List<string>();
        var list = request.QaManagersJoining ?? [];
        for (var i = 0; i < list.Count; i++)
            if (errors.OneOf(list[i], [.. Inspectorates.All.Where(x => x != Inspectorates.Ofsted)], $"qaManagersJoining[{i}]") && !joining.Contains(list[i]!)) joining.Add(list[i]!);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await db.InformalConcern(inspectionId, concernId, ct) is not { } concern) return TypedResults.NotFound();
        concern.Discussed(request.Outcome!.Trim(), request.Resolved!.Value, joining, user.Id(), clock.GetUtcNow());
        await Save(db, ct);
        return TypedResults.Ok(InformalConcernView.From(concern));
    }

    private static async Task Save(OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("concern-changed", "The concern changed meanwhile (another request won): read it again.");
        }
    }
}
