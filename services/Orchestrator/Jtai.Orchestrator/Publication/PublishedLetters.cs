using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Publication;

/// <summary>
/// The public face: published letters and nothing else, with no token. An embargoed, withdrawn or
/// unknown letter is the same 404, so nothing leaks about what is coming.
/// </summary>
public static class PublishedLetters
{
    public const string Path = "/api/orchestrator/published-letters";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireStanding(Rules.Public).WithTags("Published letters");
        group.MapGet("/", List);
        group.MapGet("/{inspectionId:guid}", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            Render(inspectionId, db, clock, html: true, ct));
        group.MapGet("/{inspectionId:guid}/text", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            Render(inspectionId, db, clock, html: false, ct));
    }

    private static async Task<Ok<List<PublishedLetterSummary>>> List(OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (from l in db.Set<InspectionLetter>().AsNoTracking()
                          join i in db.Inspections.AsNoTracking() on l.InspectionId equals i.Id
                          where l.PublicationAt != null && l.PublicationAt <= now && l.WithdrawnAt == null
                          orderby l.PublicationAt descending
                          select new { i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, l.PublicationAt, l.LetterDate }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new PublishedLetterSummary(r.Id, r.LocalAreaCode, r.LocalAreaName, r.Theme,
            DateOnly.FromDateTime(LondonTime.ToLondon(r.PublicationAt!.Value).DateTime), r.LetterDate!.Value,
            $"{Path}/{r.Id}")).ToList());
    }

    private static async Task<IResult> Render(Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, bool html, CancellationToken ct)
    {
        var letter = await db.Set<InspectionLetter>().AsNoTracking().SingleOrDefaultAsync(l => l.InspectionId == inspectionId, ct);
        if (letter is null || !letter.IsPublished(clock.GetUtcNow())) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        return LetterResults.Render(await db.Content(inspectionId, letter.FinalVersion!.Value, ct), LetterStore.Title(inspection), null, html);
    }
}

public sealed record PublishedLetterSummary(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly PublishedOn,
    DateOnly LetterDate, string Href);
