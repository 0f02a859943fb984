using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Publication;

/// <summary>The final letter as issued, for its readers under embargo, marked embargoed or withdrawn until it is published.</summary>
public static class EmbargoedLetter
{
    private static readonly AccessRule ReadsFinal = Rules.TeamOrNamedManagers.Or(Rules.PartnersOfArea, "team-named-managers-or-addressees");

    public static void Map(IEndpointRouteBuilder app)
    {
        // Under embargo: its addressees (the area's partners), the team and the named managers; nobody else.
        var addressees = app.MapGroup(LetterRoutes.Path).RequireStanding(ReadsFinal).WithTags("Publication");
        addressees.MapGet("/final", Final);
        addressees.MapGet("/final/html", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            RenderFinal(inspectionId, db, clock, html: true, ct));
        addressees.MapGet("/final/text", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            RenderFinal(inspectionId, db, clock, html: false, ct));
    }

    private static async Task<Results<Ok<IssuedLetterView>, NotFound>> Final(Guid inspectionId, OrchestratorDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await Issued(db, inspectionId, ct) is not { } found) return TypedResults.NotFound();
        var (letter, inspection) = found;
        var content = await db.Content(inspectionId, letter.FinalVersion!.Value, ct);
        return TypedResults.Ok(new IssuedLetterView(inspectionId, inspection.LocalAreaName, LetterStages.Of(letter, clock.GetUtcNow()),
            letter.FinalVersion.Value, letter.LetterDate, letter.PublicationAt, content, content.Paragraphs()));
    }

    private static async Task<IResult> RenderFinal(Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, bool html, CancellationToken ct)
    {
        if (await Issued(db, inspectionId, ct) is not { } found) return TypedResults.NotFound();
        var (letter, inspection) = found;
        var content = await db.Content(inspectionId, letter.FinalVersion!.Value, ct);
        var now = clock.GetUtcNow();
        var status = LetterStages.Of(letter, now) switch
        {
            LetterStages.Published => null,
            LetterStages.Withdrawn => "WITHDRAWN",
            _ => letter.PublicationAt is { } at
                ? $"EMBARGOED until {LondonTime.ToLondon(at):d MMMM yyyy HH:mm} (London)"
                : "EMBARGOED: not for publication",
        };
        return LetterResults.Render(content, LetterStore.Title(inspection), status, html);
    }

    /// <summary>The final letter exists for its readers once issued (before, 404).</summary>
    private static async Task<(InspectionLetter, Inspection)?> Issued(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return null;
        var letter = await db.Letter(inspectionId, ct);
        return letter is { IsFinal: true } ? (letter, inspection) : null;
    }
}
