using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Inspectorate.Inspections;

public static class InspectionsApi
{
    /// <summary>This inspectorate's copies of its inspections, readable by its own staff only.</summary>
    public static RouteGroupBuilder MapInspectionsApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var group = app.MapGroup($"/api/{inspectorate}/inspections")
            .RequireStanding(Rules.StaffOf(inspectorate))
            .WithTags("Inspections");
        group.MapGet("/", List);
        group.MapGet("/{inspectionId:guid}", Get).RequireStanding(Rules.StaffOfOnInspection(inspectorate));
        return group;
    }

    private static async Task<Ok<List<InspectionCopyView>>> List(InspectorateDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Inspections.AsNoTracking()
            .OrderBy(i => i.FieldworkStart)
            .Select(i => InspectionCopyView.From(i))
            .ToListAsync(ct));

    private static async Task<Results<Ok<InspectionCopyView>, NotFound>> Get(Guid inspectionId, InspectorateDbContext db, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is { } copy
            ? TypedResults.Ok(InspectionCopyView.From(copy))
            : TypedResults.NotFound();
}
