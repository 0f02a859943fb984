using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

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

    private static async Task<Ok<List<InspectionView>>> List(ClaimsPrincipal user, OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await VisibleTo(user, db.Inspections.AsNoTracking())
            .OrderBy(i => i.FieldworkStart)
            .Select(i => InspectionView.From(i))
            .ToListAsync(ct));

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
