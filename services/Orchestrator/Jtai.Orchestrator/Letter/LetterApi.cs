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

    private static async Task<Results<Created<LetterView>, ValidationProblem, NotFound>> Draft(
        Guid inspectionId, DraftLetterRequest request, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        var errors = new RequestErrors();
        var nextSteps = LetterValidation.NextSteps(request.NextSteps, errors);
        var addressees = LetterValidation.Addressees(request.Addressees, errors);
        var signatories = LetterValidation.Signatories(request.Signatories, drafting.TakingPart(inspection), errors);
        var headline = LetterValidation.Paragraphs(request.HeadlineFindings, "headlineFindings", errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        if (!await db.Set<FindingsAgreement>().AnyAsync(a => a.InspectionId == inspectionId, ct))
            throw new DomainRuleException("findings-agreed-first", "The letter is drafted from the agreed findings: agree the findings register first.");
        if (inspection.Status != Lifecycle.Stages.Drafting)
            throw new DomainRuleException("lifecycle-stage", $"The letter is drafted after fieldwork, in the '{Lifecycle.Stages.Drafting}' stage; the inspection is '{inspection.Status}'.");
        if (await db.Letter(inspectionId, ct) is not null)
            throw new DomainRuleException("letter-drafted", "The letter is already drafted: edit it (PUT) to make a new version.");
        var findings = await db.Set<Finding>().AsNoTracking().Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        var content = drafting.Draft(inspection, findings, headline, nextSteps!, addressees!, signatories!, request.CriteriaInText == true);

        var now = clock.GetUtcNow();
        var letter = new InspectionLetter { InspectionId = inspectionId, Stage = LetterStages.Drafting, CurrentVersion = 1, DraftedBy = user.Id(), DraftedAt = now };
        db.Add(letter);
        db.Add(new LetterVersion { InspectionId = inspectionId, Number = 1, Content = content.ToJson(), EditedBy = user.Id(), EditedAt = now, Note = "Drafted from the agreed findings" });
        await db.SaveLetter(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/letter", await LetterView.Read(db, drafting, letter, now, ct));
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, LetterDrafting drafting, TimeProvider clock, CancellationToken ct) =>
        await db.Letter(inspectionId, ct) is { } letter ? TypedResults.Ok(await LetterView.Read(db, drafting, letter, clock.GetUtcNow(), ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> Edit(
        Guid inspectionId, EditLetterRequest request, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        var errors = new RequestErrors();
        errors.Required(request.BaseVersion, "baseVersion");
        errors.MaxLength(request.Note, 1_000, "note");
        errors.MaxLength(request.Opening, LetterValidation.MaxParagraph, "opening");
        if (request.Opening is not null) errors.Required(request.Opening, "opening");
        var headline = LetterValidation.Paragraphs(request.HeadlineFindings, "headlineFindings", errors, required: true);
        var priority = LetterValidation.Paragraphs(request.AreasForPriorityAction, "areasForPriorityAction", errors);
        var improve = LetterValidation.Paragraphs(request.WhatNeedsToImprove, "whatNeedsToImprove", errors);
        var strengths = LetterValidation.Paragraphs(request.Strengths, "strengths", errors);
        var current = await db.Content(inspectionId, letter.CurrentVersion, ct);
        var sections = LetterValidation.FocusAreaSections(request.FindingsByFocusArea, current.FindingsByFocusArea, drafting.FocusAreas(inspection), errors);
        // Main findings may all sit in focus-area sections; then "Main findings" itself may be empty.
        var main = LetterValidation.Paragraphs(request.MainFindings, "mainFindings", errors,
            required: (sections ?? current.FindingsByFocusArea).Count == 0);
        var nextSteps = request.NextSteps is null ? null : LetterValidation.NextSteps(request.NextSteps, errors);
        var addressees = request.Addressees is null ? null : LetterValidation.Addressees(request.Addressees, errors);
        var signatories = request.Signatories is null ? null : LetterValidation.Signatories(request.Signatories, drafting.TakingPart(inspection), errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        if (letter.IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: its text no longer changes.");
        if (request.BaseVersion != letter.CurrentVersion)
            throw new DomainRuleException("letter-version", $"The letter is at version {letter.CurrentVersion}, not {request.BaseVersion}: read it again before editing.");
        // ¶80–81: a version checked and agreed is frozen; changing it is a deliberate act that reopens both.
        if (request.Reopen != true && await LetterQualityGate.IsAgreed(db, drafting, letter, ct))
            throw new DomainRuleException("letter-agreed",
                $"Version {letter.CurrentVersion} is quality assured and agreed by all three inspectorates: a change reopens quality assurance and agreement (send \"reopen\": true to make it).");

        var edited = current with
        {
            Opening = request.Opening?.Trim() ?? current.Opening,
            HeadlineFindings = headline ?? current.HeadlineFindings,
            AreasForPriorityAction = priority ?? current.AreasForPriorityAction,
            WhatNeedsToImprove = improve ?? current.WhatNeedsToImprove,
            Strengths = strengths ?? current.Strengths,
            MainFindings = main ?? current.MainFindings,
            NextSteps = nextSteps ?? current.NextSteps,
            Addressees = addressees ?? current.Addressees,
            Signatories = signatories ?? current.Signatories,
            FindingsByFocusArea = sections ?? current.FindingsByFocusArea,
        };
        var now = clock.GetUtcNow();
        letter.CurrentVersion++;
        db.Add(new LetterVersion
        {
            InspectionId = inspectionId, Number = letter.CurrentVersion, Content = edited.ToJson(), EditedBy = user.Id(), EditedAt = now,
            Note = (string.IsNullOrWhiteSpace(request.Note) ? "Edited" : request.Note.Trim()) + (request.Reopen == true ? " (reopens quality assurance and agreement)" : ""),
        });
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
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

public static class LetterResults
{
    public static IResult Render(LetterContent content, string title, string? status, bool html) => html
        ? TypedResults.Content(LetterRendering.Html(content, title, status), "text/html; charset=utf-8")
        : TypedResults.Content(LetterRendering.Text(content, title, status), "text/plain; charset=utf-8");
}
