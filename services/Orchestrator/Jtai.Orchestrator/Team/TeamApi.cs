using System.Security.Claims;
using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

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
        group.MapGet("/", List).RequireStanding(Rules.Staff);
        group.MapPut("/{userId}", Assign).RequireStanding(LifecyclePolicies.ManageTeam);
        group.MapDelete("/{userId}", Remove).RequireStanding(LifecyclePolicies.ManageTeam);
        return app;
    }

    /// <summary>True when the caller is on the inspection's team, or an Ofsted lead/manager (who staff and run every JTAI).</summary>
    public static Task<bool> IsTeamOrLead(this OrchestratorDbContext db, ClaimsPrincipal user, Guid inspectionId, CancellationToken ct)
    {
        if (user.IsOfstedLead()) return Task.FromResult(true);
        if (!user.IsStaff()) return Task.FromResult(false);
        var id = user.Id();
        return db.Set<TeamAssignment>().AnyAsync(a => a.InspectionId == inspectionId && a.UserId == id, ct);
    }

    private static async Task<Results<Ok<List<TeamMemberView>>, NotFound>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct)) return TypedResults.NotFound();
        var team = await db.Set<TeamAssignment>().AsNoTracking().Where(a => a.InspectionId == inspectionId)
            .OrderBy(a => a.Inspectorate).ThenBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(team.Select(TeamMemberView.From).ToList());
    }

    private static async Task<Results<Ok<TeamMemberView>, NotFound, ValidationProblem, ProblemHttpResult>> Assign(
        Guid inspectionId, string userId, AssignTeamMemberRequest request, ClaimsPrincipal user, OrchestratorDbContext db,
        IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 200) errors.Add("userId", "'userId' must be the person's token subject (at most 200 characters).");
        if (errors.Required(request.Name, "name")) errors.MaxLength(request.Name, 200, "name");
        if (errors.Required(request.Inspectorate, "inspectorate")) errors.OneOf(request.Inspectorate, Inspectorates.All, "inspectorate");
        if (errors.Required(request.TeamRole, "teamRole") && errors.OneOf(request.TeamRole, TeamRoles, "teamRole")
            && request.TeamRole == JtaiRoles.LeadInspector && request.Inspectorate != Inspectorates.Ofsted)
            errors.Add("teamRole", "The lead inspector is one of Ofsted's social care inspectors (¶10).");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (Forbidden(user, request.Inspectorate!) is { } forbidden) return forbidden;

        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        if (Lifecycle.Stages.Ended.Contains(inspection.Status))
            throw new DomainRuleException("inspection-ended", $"The inspection is {inspection.Status}: its team no longer changes.");
        if (request.TeamRole == JtaiRoles.LeadInspector
            && await db.Set<TeamAssignment>().AnyAsync(a => a.InspectionId == inspectionId && a.TeamRole == JtaiRoles.LeadInspector && a.UserId != userId, ct))
            throw new DomainRuleException("one-lead-inspector", "The inspection already has a lead inspector; remove them first.");

        var at = clock.GetUtcNow();
        var assignment = await db.Set<TeamAssignment>().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.UserId == userId, ct);
        if (assignment is null)
            db.Add(assignment = new TeamAssignment { InspectionId = inspectionId, UserId = userId, Name = "", Inspectorate = "", TeamRole = "", AssignedBy = "" });
        assignment.Name = request.Name!.Trim();
        assignment.Inspectorate = request.Inspectorate!;
        assignment.TeamRole = request.TeamRole!;
        assignment.AssignedAt = at;
        assignment.AssignedBy = user.Id();
        outbox.Publish(new TeamMemberAssigned(inspectionId, userId, assignment.Name, assignment.Inspectorate, assignment.TeamRole, at));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("one-lead-inspector", "The inspection already has a lead inspector; remove them first.");
        }
        return TypedResults.Ok(TeamMemberView.From(assignment));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Remove(
        Guid inspectionId, string userId, ClaimsPrincipal user, OrchestratorDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var assignment = await db.Set<TeamAssignment>().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.UserId == userId, ct);
        if (assignment is null) return TypedResults.NotFound();
        if (Forbidden(user, assignment.Inspectorate) is { } forbidden) return forbidden;
        db.Remove(assignment);
        outbox.Publish(new TeamMemberRemoved(inspectionId, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>CQC and HMICFRS staff their own inspectors; only Ofsted's lead and managers staff any inspectorate.</summary>
    private static ProblemHttpResult? Forbidden(ClaimsPrincipal user, string inspectorate) =>
        user.IsOfstedLead() || user.Inspectorate() == inspectorate
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your inspectorate's team member.",
                detail: $"Only {inspectorate}'s managers or Ofsted's lead inspector may change {inspectorate}'s members of the team.");
}
