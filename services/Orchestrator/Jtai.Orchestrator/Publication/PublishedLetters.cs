using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Paging;
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

    /// <summary>
    /// Published letters, the latest first, a page at a time (<c>?limit=&amp;after=</c>; keyset on the moment of
    /// publication and the inspection): the public list grows with every inspection, a page costs the same.
    /// </summary>
    private static async Task<Results<Ok<Page<PublishedLetterSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var now = clock.GetUtcNow();
        var letters = db.Set<InspectionLetter>().AsNoTracking()
            .Where(l => l.PublicationAt != null && l.PublicationAt <= now && l.WithdrawnAt == null);
        if (page.AfterAs<InstantCursor>() is { } after)
            letters = letters.Where(l => EF.Functions.LessThan(ValueTuple.Create(l.PublicationAt!.Value, l.InspectionId), ValueTuple.Create(after.At, after.Id)));
        var rows = await (from l in letters
                          join i in db.Inspections.AsNoTracking() on l.InspectionId equals i.Id
                          orderby l.PublicationAt descending, l.InspectionId descending
                          select new { i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, PublicationAt = l.PublicationAt!.Value, l.LetterDate })
            .Take(page.Size + 1).ToListAsync(ct);
        var published = page.PageOf(rows, r => new InstantCursor(r.PublicationAt, r.Id));
        return TypedResults.Ok(new Page<PublishedLetterSummary>(published.Items.Select(r => new PublishedLetterSummary(r.Id, r.LocalAreaCode,
            r.LocalAreaName, r.Theme, DateOnly.FromDateTime(LondonTime.ToLondon(r.PublicationAt).DateTime), r.LetterDate!.Value,
            $"{Path}/{r.Id}")).ToList(), published.Next));
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
