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
/// each with a reason.
/// </summary>
public static class FactualAccuracyApi
{
    public const int CommentWorkingDays = 9;

    /// <summary>¶82: the draft goes to the DCS, who coordinates the partnership's review: the area's local authority.</summary>
    public static readonly AccessRule Dcs = Rules.PartnerOfArea(Agencies.LocalAuthority);

    private static readonly AccessRule ReadsDraft = Rules.TeamOrNamedManagers.Or(Dcs, "team-named-managers-or-dcs");

    public static IEndpointRouteBuilder MapFactualAccuracy(this IEndpointRouteBuilder app)
    {
        var lead = app.MapGroup(LetterRoutes.Path).RequireStanding(Rules.OfstedLead).WithTags("Factual accuracy");
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

    private static async Task<Results<Ok<LetterView>, NotFound>> Send(
        Guid inspectionId, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting, WorkingDayCalendar calendar,
        Transitions transitions, INotices notices, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        if (letter.DraftSentAt is not null) throw new DomainRuleException("draft-sent", "The draft has already gone to the DCS.");
        await LetterQualityGate.EnsureReadyToSend(db, frameworks, letter, ct);
        var now = clock.GetUtcNow();
        var version = letter.CurrentVersion;
        // The lifecycle moves with the letter, in one transaction (its effects run inside the move's attempt).
        // The notice to the DCS is queued in the same transaction: the draft is "sent" once delivered (LetterDeliveries).
        await transitions.Move(inspectionId, Stages.FactualAccuracy, user.Id(), "Draft letter sent to the DCS for a factual accuracy check", async inspection =>
        {
            var sent = (await db.Letter(inspectionId, ct))!;
            if (sent.CurrentVersion != version) throw new DomainRuleException("letter-changed", "The letter changed meanwhile: check it again.");
            sent.Stage = LetterStages.DraftSent;
            sent.DraftVersion = sent.CurrentVersion;
            sent.DraftSentAt = now;
            sent.DraftSentBy = user.Id();
            sent.CommentsDueOn = calendar.AddWorkingDays(LondonTime.Today(clock), CommentWorkingDays);
            notices.Queue(LetterNotices.DraftToDcs(inspection, await db.Content(inspectionId, version, ct), version, sent.CommentsDueOn.Value));
        }, ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, (await db.Letter(inspectionId, ct))!, now, ct));
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
        var errors = new RequestErrors();
        if (errors.Required(request.Paragraph, "paragraph") && !paragraphs.Contains(request.Paragraph))
            errors.Add("paragraph", $"'{request.Paragraph}' is not a paragraph of the draft (version {letter.DraftVersion}); its paragraphs are {string.Join(", ", paragraphs)}.");
        if (errors.Required(request.Comment, "comment")) errors.MaxLength(request.Comment, 5_000, "comment");
        errors.MaxLength(request.ProposedText, 5_000, "proposedText");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var closes = LondonTime.At(letter.CommentsDueOn!.Value.AddDays(1), TimeOnly.MinValue);
        if (now >= closes || letter.IsFinal)
            throw new DomainRuleException("factual-accuracy-window",
                $"The partnership's comments were due by the end of {letter.CommentsDueOn:yyyy-MM-dd} ({CommentWorkingDays} working days after the draft was sent).");
        var comment = new FactualAccuracyComment
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Paragraph = request.Paragraph!, Comment = request.Comment!.Trim(),
            ProposedText = request.ProposedText?.Trim(), SubmittedBy = user.Id(), Agency = user.Agency()!, SubmittedAt = now,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/letter/factual-accuracy/comments/{comment.Id}", CommentView.From(comment));
    }

    private static async Task<Results<Ok<CommentView>, ValidationProblem, NotFound>> Decide(
        Guid inspectionId, Guid commentId, DecisionRequest request, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<FactualAccuracyComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.InspectionId == inspectionId, ct) is not { } comment)
            return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Decision, "decision")) errors.OneOf(request.Decision, CommentDecisions.All, "decision");
        if (errors.Required(request.Reason, "reason")) errors.MaxLength(request.Reason, 5_000, "reason");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if ((await db.Letter(inspectionId, ct))!.IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: the comments were settled before it.");
        comment.Decision = request.Decision;
        comment.Reason = request.Reason!.Trim();
        comment.DecidedBy = user.Id();
        comment.DecidedAt = clock.GetUtcNow();
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
