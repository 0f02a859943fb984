using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Inspections;

public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections").WithTags("Inspections");
        group.MapPost("/", ScheduleInspection.Handle).RequireStanding(Rules.ScheduleInspection);
        group.MapGet("/", List).RequireStanding(Rules.SignedIn);
        group.MapGet("/{inspectionId:guid}", Get).RequireStanding(Rules.SeesInspection);
        return group;
    }

    private static async Task<Ok<List<InspectionView>>> List(Standing standing, OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await VisibleTo(standing, db)
            .OrderBy(i => i.FieldworkStart)
            .Select(i => InspectionView.From(i))
            .ToListAsync(ct));

    private static async Task<Results<Ok<InspectionView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is { } inspection
            ? TypedResults.Ok(InspectionView.From(inspection))
            : TypedResults.NotFound();

    /// <summary>
    /// The same as Rules.SeesInspection, for a list: staff and operations see every inspection; a
    /// partner only its own area's, once the area has been notified (¶16).
    /// </summary>
    private static IQueryable<Inspection> VisibleTo(Standing standing, OrchestratorDbContext db)
    {
        var inspections = db.Inspections.AsNoTracking();
        if (standing.IsStaff || standing.IsOperations) return inspections;
        if (!standing.IsPartner) return inspections.Where(_ => false);
        var area = standing.LocalArea;
        return inspections.Where(i => i.LocalAreaCode == area
            && db.Set<InspectionTransition>().Any(t => t.InspectionId == i.Id && t.To == Stages.Notified));
    }
}
