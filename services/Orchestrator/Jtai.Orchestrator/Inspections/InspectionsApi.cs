using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Orchestrator.Inspections;

public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections").WithTags("Inspections");
        group.MapPost("/", ScheduleInspection.Handle).RequireStanding(Rules.ScheduleInspection);
        group.MapGet("/", List).RequireStanding(Rules.SignedIn);
        group.MapGet("/{inspectionId:guid}", Get).RequireStanding(Rules.SignedIn);
        return group;
    }

    /// <summary>Inspections by fieldwork start, a page at a time (<c>?limit=&amp;after=</c>; keyset on fieldwork start and id).</summary>
    private static async Task<Results<Ok<Page<InspectionView>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, ClaimsPrincipal user, OrchestratorDbContext db, CancellationToken ct)
    {
        if (page.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        var inspections = VisibleTo(user, db.Inspections.AsNoTracking());
        if (page.After is not null)
        {
            var after = DateCursor.Parse(page.After);
            inspections = inspections.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.FieldworkStart, i.Id), ValueTuple.Create(after.Date, after.Id)));
        }
        var rows = await inspections.OrderBy(i => i.FieldworkStart).ThenBy(i => i.Id).Take(page.Size + 1)
            .Select(i => InspectionView.From(i)).ToListAsync(ct);
        return TypedResults.Ok(page.PageOf(rows, i => new DateCursor(i.FieldworkStart, i.Id)));
    }

    private static async Task<Results<Ok<InspectionView>, NotFound>> Get(
        Guid inspectionId, ClaimsPrincipal user, OrchestratorDbContext db, CancellationToken ct) =>
        await VisibleTo(user, db.Inspections.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is { } inspection
            ? TypedResults.Ok(InspectionView.From(inspection))
            : TypedResults.NotFound();

    /// <summary>A partner agency sees only its own area's inspections; another area's look absent (404, not 403).</summary>
    internal static IQueryable<Inspection> VisibleTo(ClaimsPrincipal user, IQueryable<Inspection> inspections)
    {
        if (user.IsStaff() || user.HasRole(JtaiRoles.Operations)) return inspections;
        var area = user.IsPartner() ? user.LocalArea() : null;
        return area is null ? inspections.Where(_ => false) : inspections.Where(i => i.LocalAreaCode == area);
    }
}
