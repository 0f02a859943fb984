using Jtai.Calendar.Frameworks;
using Jtai.Contracts.Events;
using Jtai.Orchestrator.Inspections;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Team;

public sealed record AssignTeamMemberRequest(string? Name, string? Inspectorate, string? TeamRole);

public static class TeamApi
{
    /// <summary>Team roles (TeamMemberAssigned.TeamRole).</summary>
    public static readonly IReadOnlyList<string> TeamRoles =
        [JtaiRoles.LeadInspector, JtaiRoles.Inspector, JtaiRoles.QaManager, JtaiRoles.Hmi, JtaiRoles.Manager];

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

    private static async Task<Ok<List<TeamMemberView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var team = await db.Set<TeamAssignment>().AsNoTracking().Where(a => a.InspectionId == inspectionId)
            .OrderBy(a => a.Inspectorate).ThenBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(team.Select(TeamMemberView.From).ToList());
    }

    private static async Task<Results<Ok<TeamMemberView>, NotFound, ValidationProblem>> Assign(
        Guid inspectionId, string userId, AssignTeamMemberRequest request, Standing standing, OrchestratorDbContext db,
        IOutbox outbox, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 200) errors.Add("userId", "'userId' must be the person's token subject (at most 200 characters).");
        if (errors.Required(request.Name, "name")) errors.MaxLength(request.Name, 200, "name");
        if (errors.Required(request.Inspectorate, "inspectorate")) errors.OneOf(request.Inspectorate, Inspectorates.All, "inspectorate");
        if (errors.Required(request.TeamRole, "teamRole")) errors.OneOf(request.TeamRole, TeamRoles, "teamRole");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        // The team is drawn from the inspectorates taking part (an Ofsted-only inspection: three Ofsted inspectors).
        if (!frameworks.TakingPart(inspection).Contains(request.Inspectorate!))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["inspectorate"] = [$"'{request.Inspectorate}' does not take part in this inspection; its framework names {string.Join(", ", frameworks.TakingPart(inspection))}."],
            });
        var assignment = await db.Set<TeamAssignment>().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.UserId == userId, ct);
        TeamChanges.EnsureMayPlace(standing, request.Inspectorate!, assignment);
        if (Lifecycle.Stages.Ended.Contains(inspection.Status))
            throw new DomainRuleException("inspection-ended", $"The inspection is {inspection.Status}: its team no longer changes.");
        if (request.TeamRole == JtaiRoles.LeadInspector
            && await db.Set<TeamAssignment>().AnyAsync(a => a.InspectionId == inspectionId && a.Inspectorate == request.Inspectorate
                && a.TeamRole == JtaiRoles.LeadInspector && a.UserId != userId, ct))
            throw OneLead(request.Inspectorate!);

        var at = clock.GetUtcNow();
        if (assignment is null)
            db.Add(assignment = new TeamAssignment { InspectionId = inspectionId, UserId = userId, Name = "", Inspectorate = "", TeamRole = "", AssignedBy = "" });
        assignment.Name = request.Name!.Trim();
        assignment.Inspectorate = request.Inspectorate!;
        assignment.TeamRole = request.TeamRole!;
        assignment.AssignedAt = at;
        assignment.AssignedBy = standing.Subject!;
        outbox.Publish(new TeamMemberAssigned(inspectionId, userId, assignment.Name, assignment.Inspectorate, assignment.TeamRole, at,
            frameworks.TakingPart(inspection)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw OneLead(request.Inspectorate!);
        }
        return TypedResults.Ok(TeamMemberView.From(assignment));
    }

    private static DomainRuleException OneLead(string inspectorate) =>
        new("one-lead-inspector", $"The inspection already has {inspectorate}'s lead inspector; remove them first.");

    private static async Task<Results<NoContent, NotFound>> Remove(
        Guid inspectionId, string userId, Standing standing, OrchestratorDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var assignment = await db.Set<TeamAssignment>().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.UserId == userId, ct);
        if (assignment is null) return TypedResults.NotFound();
        TeamChanges.EnsureMayPlace(standing, assignment.Inspectorate, assignment);
        db.Remove(assignment);
        outbox.Publish(new TeamMemberRemoved(inspectionId, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
