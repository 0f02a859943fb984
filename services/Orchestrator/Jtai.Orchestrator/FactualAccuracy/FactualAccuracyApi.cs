using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.WorkingDays;
using Jtai.Notices;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.QualityAssurance;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.FactualAccuracy;

/// <summary>
/// ¶82–83: the draft goes to the DCS (due +15 working days after fieldwork), who coordinates the
/// partnership's comments paragraph by paragraph within 9 working days; the lead accepts or rejects
/// each with a reason. The rules are <see cref="InspectionLetter"/>'s and <see cref="FactualAccuracyComment"/>'s.
/// </summary>
public static class FactualAccuracyApi
{
    /// <summary>¶82: the draft goes to the DCS, who coordinates the partnership's review: the area's local authority.</summary>
    public static readonly AccessRule Dcs = Rules.PartnerOfArea(Agencies.LocalAuthority);

    private static readonly AccessRule ReadsDraft = Rules.TeamOrNamedManagers.Or(Dcs, "team-named-managers-or-dcs");

    public static IEndpointRouteBuilder MapFactualAccuracy(this IEndpointRouteBuilder app)
    {
        var lead = app.MapGroup(LetterRoutes.Path).RequireStanding(Rules.OfstedLead).WithTags("Factual accuracy").ValidateRequests();
        lead.MapPost("/draft/send", Send);
        lead.MapPost("/factual-accuracy/comments/{commentId:guid}/decision", Decide);
        // The draft and the comments: the team, the named managers and the DCS, who alone comments.
        var shared = app.MapGroup(LetterRoutes.Path).RequireStanding(ReadsDraft).WithTags("Factual accuracy");
        shared.MapGet("/draft", Draft);
        shared.MapGet("/draft/html", DraftHtml);
        shared.MapGet("/factual-accuracy/comments", Comments);
        shared.MapPost("/factual-accuracy/comments", Comment).RequireStanding(Dcs);
        return app;
    }

    /// <summary>What sending the draft needs: the quality gate's frameworks, the lifecycle, the DCS's notice and the working days.</summary>
    public sealed record DraftServices(ClaimsPrincipal User, OrchestratorDbContext Db, LetterDrafting Drafting, WorkingDayCalendar Calendar,
        Transitions Transitions, INotices Notices, FrameworkCatalog Frameworks, TimeProvider Clock, CancellationToken Ct);

    private static async Task<Results<Ok<LetterView>, NotFound>> Send(Guid inspectionId, [AsParameters] DraftServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        letter.EnsureDraftNotSent();
        await LetterQualityGate.EnsureReadyToSend(s.Db, s.Frameworks, letter, s.Ct);
        var now = s.Clock.GetUtcNow();
        var version = letter.CurrentVersion;
        // The lifecycle moves with the letter, in one transaction (its effects run inside the move's attempt).
        // The notice to the DCS is queued in the same transaction: the draft is "sent" once delivered (LetterDeliveries).
        await s.Transitions.Move(inspectionId, Stages.FactualAccuracy, s.User.Id(), "Draft letter sent to the DCS for a factual accuracy check", async inspection =>
        {
            var sent = (await s.Db.Letter(inspectionId, s.Ct))!;
            sent.SendDraft(version, s.User.Id(), now, s.Calendar.AddWorkingDays(LondonTime.Today(s.Clock), InspectionLetter.CommentWorkingDays));
            s.Notices.Queue(LetterNotices.DraftToDcs(inspection, await s.Db.Content(inspectionId, version, s.Ct), version, sent.CommentsDueOn!.Value));
        }, s.Ct);
        return TypedResults.Ok(await LetterView.Read(s.Db, s.Drafting, (await s.Db.Letter(inspectionId, s.Ct))!, now, s.Ct));
    }

    private static async Task<Results<Ok<IssuedLetterView>, NotFound>> Draft(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await Sent(db, inspectionId, ct) is not { } found) return TypedResults.NotFound();
        var (inspection, letter) = found;
        var content = await db.Content(inspectionId, letter.DraftVersion!.Value, ct);
        return TypedResults.Ok(new IssuedLetterView(inspectionId, inspection.LocalAreaName, "draft", letter.DraftVersion.Value, null, null, content, content.Paragraphs(),
            letter.CommentsDueOn));
    }

    private static async Task<IResult> DraftHtml(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await Sent(db, inspectionId, ct) is not { } found) return TypedResults.NotFound();
        var content = await db.Content(inspectionId, found.Letter.DraftVersion!.Value, ct);
        return LetterResults.Render(content, LetterStore.Title(found.Inspection), "DRAFT for factual accuracy check: not for publication", html: true);
    }

    private static async Task<Results<Ok<List<CommentView>>, NotFound>> Comments(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await Sent(db, inspectionId, ct) is null) return TypedResults.NotFound();
        return TypedResults.Ok((await db.Set<FactualAccuracyComment>().AsNoTracking().Where(c => c.InspectionId == inspectionId)
            .OrderBy(c => c.SubmittedAt).ToListAsync(ct)).Select(CommentView.From).ToList());
    }

    private static async Task<Results<Created<CommentView>, ValidationProblem, NotFound>> Comment(
        Guid inspectionId, CommentRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Sent(db, inspectionId, ct) is not { } found) return TypedResults.NotFound();
        var letter = found.Letter;
        var paragraphs = (await db.Content(inspectionId, letter.DraftVersion!.Value, ct)).Paragraphs().Select(p => p.Key).ToList();
        if (request.CheckFor(paragraphs, letter.DraftVersion.Value) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var comment = FactualAccuracyComment.Submit(letter, request.Paragraph!, request.Comment!, request.ProposedText, user.Id(), user.Agency()!, clock.GetUtcNow());
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/letter/factual-accuracy/comments/{comment.Id}", CommentView.From(comment));
    }

    private static async Task<Results<Ok<CommentView>, ValidationProblem, NotFound>> Decide(
        Guid inspectionId, Guid commentId, DecisionRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<FactualAccuracyComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.InspectionId == inspectionId, ct) is not { } comment)
            return TypedResults.NotFound();
        comment.Decide((await db.Letter(inspectionId, ct))!, request.Decision!, request.Reason!, user.Id(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CommentView.From(comment));
    }

    /// <summary>The draft exists for its readers once it has gone out (before, 404).</summary>
    private static async Task<(Inspections.Inspection Inspection, InspectionLetter Letter)?> Sent(
        OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return null;
        var letter = await db.Letter(inspectionId, ct);
        return letter?.DraftVersion is null ? null : (inspection, letter);
    }
}
