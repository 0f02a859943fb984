using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Inspections;
using System.Security.Claims;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.StatementOfAction;

/// <summary>
/// ¶85–87: the partnership's statement of action, submitted through the lead agency, and each inspectorate's
/// response. The rules are <see cref="StatementOfActionRecord"/>'s; its due date and overdue row are
/// <see cref="StatementOfActionDeadline"/>'s.
/// </summary>
public static class StatementOfActionApi
{
    public static IEndpointRouteBuilder MapStatementOfAction(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/statement-of-action")
            .RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Statement of action")
            .ValidateRequests();
        group.MapGet("/", Get);
        group.MapPost("/", Submit).RequireStanding(Rules.PartnersOfArea);
        // ¶87: the inspectorates review it and respond, one response each.
        group.MapPost("/responses", Respond).RequireStanding(Rules.LeadsOnTeam.Or(Rules.SeniorManagers, "leads-on-team-or-senior-managers"));
        return app;
    }

    private static async Task<Results<Ok<StatementOfActionView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, FrameworkCatalog frameworks, CancellationToken ct)
    {
        if (await Load(db, inspectionId, ct) is not { } statement) return TypedResults.NotFound();
        return TypedResults.Ok(await View(db, frameworks, statement, ct));
    }

    /// <summary>What the steps share: the caller, the store, the frameworks (who takes part) and the clock.</summary>
    public sealed record StatementServices(ClaimsPrincipal User, Standing Standing, OrchestratorDbContext Db, FrameworkCatalog Frameworks, TimeProvider Clock,
        CancellationToken Ct)
    {
        public async Task<Ok<StatementOfActionView>> Save(StatementOfActionRecord statement)
        {
            await Db.SaveLetter(Ct);
            return TypedResults.Ok(await View(Db, Frameworks, statement, Ct));
        }
    }

    private static async Task<Results<Ok<StatementOfActionView>, ValidationProblem, NotFound>> Submit(
        Guid inspectionId, StatementRequest request, IDeadlines deadlines, [AsParameters] StatementServices s)
    {
        if (await Load(s.Db, inspectionId, s.Ct) is not { } statement) return TypedResults.NotFound();
        statement.EnsureSubmittedByLeadAgency(s.Standing.Agency);
        var now = s.Clock.GetUtcNow();
        statement.Submit(request.Text!, s.User.Id(), s.User.Agency(), now);
        await deadlines.Cancel(StatementOfActionDeadline.Key(inspectionId), now, s.Ct);
        // The inspection's timeline shows the same milestone: it is met now, not overdue.
        var milestone = await s.Db.Set<InspectionMilestone>()
            .SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == MilestoneKeys.StatementOfActionDue && m.MetAt == null, s.Ct);
        if (milestone is not null)
        {
            milestone.MetAt = now;
            milestone.MetBy = s.User.Id();
        }
        return await s.Save(statement);
    }

    private static async Task<Results<Ok<StatementOfActionView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, ResponseRequest request, [AsParameters] StatementServices s)
    {
        if (await Load(s.Db, inspectionId, s.Ct) is not { } statement) return TypedResults.NotFound();
        var inspection = await s.Db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, s.Ct);
        statement.Respond(s.Standing.Inspectorate!, s.Frameworks.TakingPart(inspection), request.Text!, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Save(statement);
    }

    private static async Task<StatementOfActionRecord?> Load(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct) =>
        await db.Set<StatementOfActionRecord>().Include(s => s.Responses).SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct);

    /// <summary>Overdue is read off the deadline row: it fired and no statement came before it.</summary>
    private static async Task<StatementOfActionView> View(OrchestratorDbContext db, FrameworkCatalog frameworks, StatementOfActionRecord s, CancellationToken ct)
    {
        // Each inspectorate taking part responds (an Ofsted-only inspection's action plan: Ofsted alone).
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == s.InspectionId, ct);
        var key = StatementOfActionDeadline.Key(s.InspectionId);
        var fired = await db.Deadlines.AsNoTracking().Where(d => d.Key == key && d.FiredAt != null).Select(d => d.FiredAt).SingleOrDefaultAsync(ct);
        var overdue = s.SubmittedAt is null && fired is not null;
        return new StatementOfActionView(s.InspectionId, s.LeadAgency, s.CooperatingAgencies, s.DueOn, s.SubmittedAt is not null, s.Text, s.SubmittedBy,
            s.SubmittedAgency, s.SubmittedAt, overdue, overdue ? fired : null,
            s.Responses.OrderBy(r => r.RespondedAt).Select(r => new StatementResponseView(r.Inspectorate, r.Text, r.RespondedBy, r.RespondedAt)).ToList(),
            frameworks.TakingPart(inspection).Where(i => s.Responses.All(r => r.Inspectorate != i)).ToList());
    }
}
