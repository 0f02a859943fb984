using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Paging;

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

    /// <summary>Inspections by fieldwork start, a page at a time (<c>?limit=&amp;after=</c>; keyset on fieldwork start and id).</summary>
    private static async Task<Results<Ok<Page<InspectionView>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, Standing standing, OrchestratorDbContext db, FrameworkCatalog frameworks, CancellationToken ct)
    {
        if (page.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        var inspections = VisibleTo(standing, db);
        if (page.After is not null)
        {
            var after = DateCursor.Parse(page.After);
            inspections = inspections.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.FieldworkStart, i.Id), ValueTuple.Create(after.Date, after.Id)));
        }
        var rows = await inspections.OrderBy(i => i.FieldworkStart).ThenBy(i => i.Id).Take(page.Size + 1)
            .ToListAsync(ct);
        return TypedResults.Ok(page.PageOf(rows.ConvertAll(i => InspectionView.From(i, frameworks)), i => new DateCursor(i.FieldworkStart, i.Id)));
    }

    private static async Task<Results<Ok<InspectionView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, FrameworkCatalog frameworks, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is { } inspection
            ? TypedResults.Ok(InspectionView.From(inspection, frameworks))
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
