using Jtai.Calendar.Frameworks;
using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Team;

/// <summary>
/// The inspection's team (¶10–12). Who may change which place is <see cref="TeamChanges"/>'; the rules of a
/// place (not once the inspection has ended, one lead inspector per inspectorate) are <see cref="TeamAssignment"/>'s.
/// </summary>
public static class TeamApi
{
    public static WebApplicationBuilder AddTeam(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IInspectionFactsSource, TeamStanding>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTeamApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/team").WithTags("Team");
        group.MapGet("/", List).RequireStanding(Rules.StaffOnInspection);
        group.MapPut("/{userId}", Assign).RequireStanding(TeamChanges.Rule);
        group.MapDelete("/{userId}", Remove).RequireStanding(TeamChanges.Rule);
        return app;
    }

    /// <summary>What the changes share: the caller's standing, the team's store, the outbox and the clock.</summary>
    public sealed record TeamServices(Standing Standing, OrchestratorDbContext Db, IOutbox Outbox, TimeProvider Clock, CancellationToken Ct)
    {
        public Task<TeamAssignment?> Find(Guid inspectionId, string userId) =>
            Db.Set<TeamAssignment>().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.UserId == userId, Ct);
    }

    private static async Task<Ok<List<TeamMemberView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var team = await db.Set<TeamAssignment>().AsNoTracking().Where(a => a.InspectionId == inspectionId)
            .OrderBy(a => a.Inspectorate).ThenBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(team.Select(TeamMemberView.From).ToList());
    }

    private static async Task<Results<Ok<TeamMemberView>, NotFound, ValidationProblem>> Assign(
        Guid inspectionId, string userId, AssignTeamMemberRequest request, FrameworkCatalog frameworks, [AsParameters] TeamServices s)
    {
        if (request.CheckFor(userId) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await s.Db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, s.Ct) is not { } inspection) return TypedResults.NotFound();
        // The team is drawn from the inspectorates taking part (an Ofsted-only inspection: three Ofsted inspectors).
        var takingPart = frameworks.TakingPart(inspection);
        if (!takingPart.Contains(request.Inspectorate!))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["inspectorate"] = [$"'{request.Inspectorate}' does not take part in this inspection; its framework names {string.Join(", ", takingPart)}."],
            });
        var current = await s.Find(inspectionId, userId);
        TeamChanges.EnsureMayPlace(s.Standing, request.Inspectorate!, current);
        var otherLead = request.TeamRole == JtaiRoles.LeadInspector && await s.Db.Set<TeamAssignment>().AnyAsync(a => a.InspectionId == inspectionId
            && a.Inspectorate == request.Inspectorate && a.TeamRole == JtaiRoles.LeadInspector && a.UserId != userId, s.Ct);
        var assignment = TeamAssignment.Place(current, inspection, userId, request.Name!, request.Inspectorate!, request.TeamRole!, otherLead,
            s.Standing.Subject!, s.Clock.GetUtcNow());
        if (current is null) s.Db.Add(assignment);
        s.Outbox.Publish(new TeamMemberAssigned(inspectionId, userId, assignment.Name, assignment.Inspectorate, assignment.TeamRole, assignment.AssignedAt,
            takingPart));
        try
        {
            await s.Db.SaveChangesAsync(s.Ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw TeamAssignment.OneLead(request.Inspectorate!);
        }
        return TypedResults.Ok(TeamMemberView.From(assignment));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid inspectionId, string userId, [AsParameters] TeamServices s)
    {
        if (await s.Find(inspectionId, userId) is not { } assignment) return TypedResults.NotFound();
        TeamChanges.EnsureMayPlace(s.Standing, assignment.Inspectorate, assignment);
        s.Db.Remove(assignment);
        s.Outbox.Publish(new TeamMemberRemoved(inspectionId, userId, s.Clock.GetUtcNow()));
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.NoContent();
    }
}
