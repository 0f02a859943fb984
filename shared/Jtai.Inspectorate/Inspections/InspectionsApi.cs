using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

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

    /// <summary>Copies by fieldwork start, a page at a time (<c>?limit=&amp;after=</c>; keyset on fieldwork start and id).</summary>
    private static async Task<Results<Ok<Page<InspectionCopyView>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, InspectorateDbContext db, CancellationToken ct)
    {
        if (page.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        var copies = db.Inspections.AsNoTracking();
        if (page.After is not null)
        {
            var after = DateCursor.Parse(page.After);
            copies = copies.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.FieldworkStart, i.InspectionId), ValueTuple.Create(after.Date, after.Id)));
        }
        var rows = await copies.OrderBy(i => i.FieldworkStart).ThenBy(i => i.InspectionId).Take(page.Size + 1)
            .Select(i => InspectionCopyView.From(i)).ToListAsync(ct);
        return TypedResults.Ok(page.PageOf(rows, i => new DateCursor(i.FieldworkStart, i.InspectionId)));
    }

    private static async Task<Results<Ok<InspectionCopyView>, NotFound>> Get(Guid inspectionId, InspectorateDbContext db, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is { } copy
            ? TypedResults.Ok(InspectionCopyView.From(copy))
            : TypedResults.NotFound();
}
