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

public static class StatementOfActionApi
{
    public static IEndpointRouteBuilder MapStatementOfAction(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/statement-of-action")
            .RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Statement of action");
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

    private static async Task<Results<Ok<StatementOfActionView>, ValidationProblem, NotFound>> Submit(
        Guid inspectionId, StatementRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, IDeadlines deadlines, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(db, inspectionId, ct) is not { } statement) return TypedResults.NotFound();
        statement.EnsureSubmittedByLeadAgency(standing.Agency);
        var errors = new RequestErrors();
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 100_000, "text");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (statement.SubmittedAt is not null) throw new DomainRuleException("statement-submitted", "The statement of action has already been submitted.");
        var now = clock.GetUtcNow();
        statement.Text = request.Text!.Trim();
        statement.SubmittedBy = user.Id();
        statement.SubmittedAgency = user.Agency();
        statement.SubmittedAt = now;
        await deadlines.Cancel(StatementOfActionDeadline.Key(inspectionId), now, ct);
        // The inspection's timeline shows the same milestone: it is met now, not overdue.
        var milestone = await db.Set<InspectionMilestone>()
            .SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == MilestoneKeys.StatementOfActionDue && m.MetAt == null, ct);
        if (milestone is not null)
        {
            milestone.MetAt = now;
            milestone.MetBy = user.Id();
        }
        await db.SaveLetter(ct);
        return TypedResults.Ok(await View(db, frameworks, statement, ct));
    }

    private static async Task<Results<Ok<StatementOfActionView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, ResponseRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(db, inspectionId, ct) is not { } statement) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 20_000, "text");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (statement.SubmittedAt is null) throw new DomainRuleException("statement-not-submitted", "The partnership has not submitted its statement of action yet.");
        var inspectorate = standing.Inspectorate!;
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        if (!frameworks.TakingPart(inspection).Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part", $"{inspectorate} does not take part in this inspection: the response is the others'.");
        if (statement.Responses.Any(r => r.Inspectorate == inspectorate))
            throw new DomainRuleException("statement-response-recorded", $"{inspectorate}'s response is already recorded.");
        statement.Responses.Add(new StatementResponse
        {
            InspectionId = inspectionId, Inspectorate = inspectorate, Text = request.Text!.Trim(), RespondedBy = user.Id(), RespondedAt = clock.GetUtcNow(),
        });
        await db.SaveLetter(ct);
        return TypedResults.Ok(await View(db, frameworks, statement, ct));
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
