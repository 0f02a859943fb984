using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Team;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Orchestrator.Timeline;

public sealed record InspectionTimelineView(Guid InspectionId, string Framework, int FrameworkVersion, DateOnly FieldworkStart, string Status, List<MilestoneView> Milestones);

public sealed record MeetMilestoneRequest(string? Note);

/// <summary>
/// An inspection's own timeline (shared with the partnership, ¶83), its overdue milestones, the
/// operators' overdue list across inspections, and the team's iCalendar feed. Marking a milestone met is
/// <see cref="InspectionMilestone.MarkMet"/>'s rule.
/// </summary>
public static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}").WithTags("Timeline");
        group.MapGet("/timeline", Get).RequireStanding(Rules.SeesInspection);
        group.MapGet("/overdue", OverdueFor).RequireStanding(Rules.StaffOnInspection);
        group.MapPost("/milestones/{key}/met", Meet).RequireStanding(Rules.OfstedLeadOrManagers);
        group.MapGet("/calendar.ics", Calendar).RequireStanding(Rules.TeamOrNamedManagers);
        app.MapGet("/api/orchestrator/operations/overdue", OverdueAll).WithTags("Operations").RequireStanding(Rules.Operations);
        return app;
    }

    private static async Task<Results<Ok<InspectionTimelineView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        var milestones = await db.Set<InspectionMilestone>().AsNoTracking().Where(m => m.InspectionId == inspectionId)
            .OrderBy(m => m.DueAt).ToListAsync(ct);
        return TypedResults.Ok(new InspectionTimelineView(inspection.Id, inspection.Theme, inspection.FrameworkVersion, inspection.FieldworkStart,
            inspection.Status, milestones.Select(m => MilestoneView.From(m, clock.GetUtcNow())).ToList()));
    }

    private static async Task<Results<Ok<List<OverdueMilestone>>, NotFound>> OverdueFor(Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await OverdueMilestones.Query(db, clock, inspectionId).ToListAsync(ct));
    }

    /// <summary>
    /// Every running inspection's overdue milestones, a page at a time (<c>?limit=&amp;after=</c>; keyset on due time,
    /// local area, inspection and milestone). The inspection's own list (<see cref="OverdueFor"/>) stays whole: its
    /// milestones are the framework's handful.
    /// </summary>
    private static async Task<Results<Ok<Page<OverdueMilestone>>, ValidationProblem>> OverdueAll(
        [AsParameters] PageQuery page, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
        page.Problems<InstantNameCursor>() is { } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(await OverdueMilestones.Paged(db, clock, page, ct));

    /// <summary>Marks a milestone met that nothing recorded meets by itself (the lead's selections, the statement of action).</summary>
    private static async Task<Results<Ok<MilestoneView>, NotFound, ValidationProblem>> Meet(
        Guid inspectionId, string key, MeetMilestoneRequest? request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var milestone = await db.Set<InspectionMilestone>().SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == key, ct);
        if (milestone is null) return TypedResults.NotFound();
        if (milestone.MarkMet(user.Id(), clock.GetUtcNow())) await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MilestoneView.From(milestone, clock.GetUtcNow()));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Calendar(
        Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        var milestones = await db.Set<InspectionMilestone>().AsNoTracking().Where(m => m.InspectionId == inspectionId).OrderBy(m => m.DueAt).ToListAsync(ct);
        var ics = IcsFeed.Write(inspection, milestones, clock.GetUtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"jtai-{inspection.LocalAreaCode}-{inspection.Id:N}.ics");
    }
}
