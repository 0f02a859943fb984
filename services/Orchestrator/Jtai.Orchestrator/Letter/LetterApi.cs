using Jtai.Orchestrator.QualityAssurance;
using System.Security.Claims;
using Jtai.Calendar.Timeline;
using Jtai.Notices;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter of findings (¶77–78): drafted from the agreed findings, edited by the lead inspector
/// into new versions (every one kept), read and rendered by the team.
/// </summary>
public static class LetterApi
{
    public static WebApplicationBuilder AddLetter(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LetterDrafting>();
        builder.Services.AddNoticeKinds([.. LetterNotices.Kinds]);
        builder.Services.AddNoticeOutcome<LetterDeliveries>();
        // ¶110: without the departments' addresses the final letter could never reach them before publication: refuse to start.
        builder.Services.AddOptions<Publication.GovernmentDepartmentsOptions>().Bind(builder.Configuration.GetSection("Letter"))
            .Validate(o => o.Departments.Count > 0 && o.Departments.All(d => !string.IsNullOrWhiteSpace(d.Key) && !string.IsNullOrWhiteSpace(d.Name)
                && System.Net.Mail.MailAddress.TryCreate(d.Email, out _)),
                "Letter:Departments must list the government departments (Key, Name, Email) the final letter goes to before publication (¶110).")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapLetter(this IEndpointRouteBuilder app)
    {
        // The letter in every form is for the team and the managers the guidance names; the lead writes it (¶77).
        var group = app.MapGroup(LetterRoutes.Path).RequireStanding(Rules.TeamOrNamedManagers).WithTags("Letter");
        group.MapPost("/", Draft).RequireStanding(Rules.OfstedLead);
        group.MapGet("/", Get);
        group.MapPut("/", Edit).RequireStanding(Rules.OfstedLead);
        group.MapGet("/versions", Versions);
        group.MapGet("/versions/{number:int}", Version);
        group.MapGet("/versions/{number:int}/html", Html);
        group.MapGet("/versions/{number:int}/text", Text);
        // A delivery that failed every attempt rests failed until someone who fixed the cause asks again.
        group.MapPost("/deliveries/{deliveryId:guid}/retry", RetryDelivery).RequireStanding(Rules.OfstedLeadOrManagers);
        return app;
    }

    /// <summary>What the steps on the letter need: storage, drafting (the framework and timeline), the caller, the clock.</summary>
    public sealed record LetterServices(OrchestratorDbContext Db, LetterDrafting Drafting, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct)
    {
        public Task<LetterView> View(InspectionLetter letter, DateTimeOffset now) => LetterView.Read(Db, Drafting, letter, now, Ct);
    }

    private static async Task<Results<Created<LetterView>, ValidationProblem, NotFound>> Draft(Guid inspectionId, DraftLetterRequest request, [AsParameters] LetterServices s)
    {
        var (db, ct) = (s.Db, s.Ct);
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        if (request.Check(s.Drafting.TakingPart(inspection), out var errors) is not { } parts) return TypedResults.ValidationProblem(errors.ToDictionary());
        var findingsAgreed = await db.Set<FindingsAgreement>().AnyAsync(a => a.InspectionId == inspectionId, ct);
        var letter = InspectionLetter.Draft(inspection, findingsAgreed, await db.Letter(inspectionId, ct) is not null, s.User.Id(), s.Clock.GetUtcNow());
        var findings = await db.Set<Finding>().AsNoTracking().Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        var content = s.Drafting.Draft(inspection, findings, parts.Headline, parts.NextSteps, parts.Addressees, parts.Signatories, parts.CriteriaInText);
        db.Add(letter);
        db.Add(letter.FirstVersion(content));
        await db.SaveLetter(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/letter", await s.View(letter, letter.DraftedAt));
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Get(Guid inspectionId, [AsParameters] LetterServices s) =>
        await s.Db.Letter(inspectionId, s.Ct) is { } letter ? TypedResults.Ok(await s.View(letter, s.Clock.GetUtcNow())) : TypedResults.NotFound();

    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> Edit(Guid inspectionId, EditLetterRequest request, [AsParameters] LetterServices s)
    {
        var (db, ct) = (s.Db, s.Ct);
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        var current = await db.Content(inspectionId, letter.CurrentVersion, ct);
        if (request.Apply(current, s.Drafting.FocusAreas(inspection), s.Drafting.TakingPart(inspection), out var errors) is not { } edited)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        var reopen = request.Reopen == true;
        var agreed = !reopen && await LetterQualityGate.IsAgreed(db, s.Drafting, letter, ct);
        var now = s.Clock.GetUtcNow();
        db.Add(letter.Edit(edited, request.BaseVersion, reopen, agreed, request.Note, s.User.Id(), now));
        await db.SaveLetter(ct);
        return TypedResults.Ok(await s.View(letter, now));
    }

    private static async Task<Results<Ok<LetterDeliveryView>, NotFound>> RetryDelivery(Guid inspectionId, Guid deliveryId, OrchestratorDbContext db,
        INotices notices, CancellationToken ct)
    {
        var prefix = LetterNotices.RegardingPrefix(inspectionId);
        if (!await db.Set<Jtai.Notices.Delivery.NoticeDelivery>().AnyAsync(d => d.Id == deliveryId && d.InspectionId == inspectionId && d.Regarding.StartsWith(prefix), ct))
            return TypedResults.NotFound();
        // The row lock of Retry holds until the commit: a retry asked twice at once is one attempt and one 409.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var delivery = (await notices.Retry(deliveryId, ct))!;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(LetterDeliveryView.From(delivery));
    }

    private static async Task<Results<Ok<List<LetterVersionSummary>>, NotFound>> Versions(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.Set<InspectionLetter>().AnyAsync(l => l.InspectionId == inspectionId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Set<LetterVersion>().AsNoTracking().Where(v => v.InspectionId == inspectionId).OrderBy(v => v.Number)
            .Select(v => new LetterVersionSummary(v.Number, v.EditedBy, v.EditedAt, v.Note)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<LetterVersionView>, NotFound>> Version(Guid inspectionId, int number, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await db.Set<LetterVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.InspectionId == inspectionId && v.Number == number, ct) is not { } v)
            return TypedResults.NotFound();
        var content = LetterContent.FromJson(v.Content);
        return TypedResults.Ok(new LetterVersionView(v.Number, v.EditedBy, v.EditedAt, v.Note, content, content.Paragraphs()));
    }

    private static Task<IResult> Html(Guid inspectionId, int number, OrchestratorDbContext db, CancellationToken ct) =>
        Render(inspectionId, number, db, html: true, ct);

    private static Task<IResult> Text(Guid inspectionId, int number, OrchestratorDbContext db, CancellationToken ct) =>
        Render(inspectionId, number, db, html: false, ct);

    private static async Task<IResult> Render(Guid inspectionId, int number, OrchestratorDbContext db, bool html, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        var version = await db.Set<LetterVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.InspectionId == inspectionId && v.Number == number, ct);
        if (inspection is null || version is null) return TypedResults.NotFound();
        var status = $"Version {number}: not for publication";
        return LetterResults.Render(LetterContent.FromJson(version.Content), LetterStore.Title(inspection), status, html);
    }
}
