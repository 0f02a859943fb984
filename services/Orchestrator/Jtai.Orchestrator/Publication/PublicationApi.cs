using Jtai.Calendar.Frameworks;
using System.Security.Claims;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Outbox;
using Jtai.Notices;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Survey;
using Microsoft.Extensions.Options;
using Jtai.Orchestrator.FactualAccuracy;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.QualityAssurance;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Team;
using Jtai.Orchestrator.StatementOfAction;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Publication;

/// <summary>
/// The final letter under embargo (+31 working days) for its addressees and the team, shared with
/// the government departments first when priority actions concern several agencies (¶110), public
/// from +34 at 09:30; withdrawal recorded with who decided (Annex C ¶121).
/// </summary>
public static class PublicationApi
{
    public const int PublicationWorkingDaysAfterFinal = 3;
    public static readonly TimeOnly PublicationTime = new(9, 30);

    private static readonly AccessRule ReadsFinal = Rules.TeamOrNamedManagers.Or(Rules.PartnersOfArea, "team-named-managers-or-addressees");

    public static IEndpointRouteBuilder MapPublication(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LetterRoutes.Path).WithTags("Publication");
        group.MapPost("/final", IssueFinal).RequireStanding(Rules.OfstedLead);
        group.MapPost("/departments", ShareWithDepartments).RequireStanding(Rules.OfstedLeadOrManagers);
        group.MapPost("/withdrawal", Withdraw).RequireStanding(Rules.NationalDirector);
        group.MapPost("/withdrawal/advised", Advised).RequireStanding(Rules.NationalDirector);
        // Under embargo: its addressees (the area's partners), the team and the named managers; nobody else.
        var addressees = app.MapGroup(LetterRoutes.Path).RequireStanding(ReadsFinal).WithTags("Publication");
        addressees.MapGet("/final", Final);
        addressees.MapGet("/final/html", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            RenderFinal(inspectionId, db, clock, html: true, ct));
        addressees.MapGet("/final/text", (Guid inspectionId, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct) =>
            RenderFinal(inspectionId, db, clock, html: false, ct));
        PublishedLetters.Map(app);
        return app;
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> IssueFinal(
        Guid inspectionId, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting, WorkingDayCalendar calendar,
        IDeadlines deadlines, Transitions transitions, INotices notices, IOutbox outbox, IOptions<SurveyOptions> survey, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        if (letter.IsFinal) throw new DomainRuleException("letter-final", "The final letter has already been issued.");
        if (letter.DraftSentAt is null)
            throw new DomainRuleException("factual-accuracy-first", "The draft goes to the DCS for a factual accuracy check before the final letter (¶82).");
        // A letter changed since its draft was agreed (say, to accept the partnership's comments) is checked and agreed again (¶80–81).
        await LetterQualityGate.EnsureReadyToSend(db, frameworks, letter, ct, "final");
        var now = clock.GetUtcNow();
        var closes = LondonTime.At(letter.CommentsDueOn!.Value.AddDays(1), TimeOnly.MinValue);
        var pending = await db.Set<FactualAccuracyComment>().CountAsync(c => c.InspectionId == inspectionId && c.Decision == null, ct);
        if (pending > 0)
            throw new DomainRuleException("comments-decided", $"{pending} factual accuracy comment(s) await the lead's decision.");
        var comments = await db.Set<FactualAccuracyComment>().CountAsync(c => c.InspectionId == inspectionId, ct);
        if (now < closes && comments == 0)
            throw new DomainRuleException("factual-accuracy-window",
                $"The partnership has until the end of {letter.CommentsDueOn:yyyy-MM-dd} to comment and has not yet done so.");

        var letterDate = LondonTime.Today(clock);
        var version = letter.CurrentVersion;
        var content = await db.Content(inspectionId, version, ct);
        var planned = drafting.Timeline(inspection)[MilestoneKeys.Publication].DueAt.ToUniversalTime();
        var earliest = LondonTime.At(calendar.AddWorkingDays(letterDate, PublicationWorkingDaysAfterFinal), PublicationTime).ToUniversalTime();
        var publishedOn = DateOnly.FromDateTime(LondonTime.ToLondon(planned > earliest ? planned : earliest).DateTime);
        // Due 70 working days from the date the published letter carries (re-anchored if it is published later).
        var dueOn = content.NextSteps.StatementRequired ? calendar.AddWorkingDays(publishedOn, StatementOfActionApi.WorkingDays) : (DateOnly?)null;
        var final = content with { NextSteps = content.NextSteps with { DueOn = dueOn } };
        var priorityActions = await db.Set<Finding>().AsNoTracking()
            .Where(f => f.InspectionId == inspectionId && f.Kind == FindingKinds.AreaForPriorityAction).ToListAsync(ct);

        // The lifecycle moves to final-under-embargo with the letter and its notices to every addressee and the
        // questionnaire's request to the DCS (¶83–84), in one transaction; each counts as sent once delivered.
        await transitions.Move(inspectionId, Stages.FinalUnderEmbargo, user.Id(), "Final letter sent to the partnership under embargo", async moved =>
        {
            var issued = (await db.Letter(inspectionId, ct))!;
            if (issued.CurrentVersion != version || issued.IsFinal) throw new DomainRuleException("letter-changed", "The letter changed meanwhile: check it again.");
            issued.CurrentVersion++;
            db.Add(new LetterVersion
            {
                InspectionId = inspectionId, Number = issued.CurrentVersion, Content = final.ToJson(), EditedBy = user.Id(), EditedAt = now,
                Note = "Final letter, under embargo",
            });
            issued.Stage = LetterStages.Final;
            issued.FinalVersion = issued.CurrentVersion;
            issued.FinalIssuedAt = now;
            issued.FinalIssuedBy = user.Id();
            issued.LetterDate = letterDate;
            issued.PlannedPublicationAt = planned > earliest ? planned : earliest;
            foreach (var notice in LetterNotices.FinalToAddressees(moved, final, letterDate, issued.PlannedPublicationAt.Value)) notices.Queue(notice);
            notices.Queue(LetterNotices.SurveyRequestToDcs(moved, final.Addressees, survey.Value.Questions));
            // Annex B: every follow-up of the priority actions carries the letter's date.
            outbox.Publish(new LetterOfFindingsDated(inspectionId, letterDate, null, now));
            issued.DepartmentsRequired = priorityActions.Any(f => PriorityActions.PriorityActionEvents.IsCoordinated(f.Agencies));
            if (!issued.DepartmentsRequired) await LetterPublication.Schedule(issued, issued.PlannedPublicationAt.Value, deadlines, ct);
            if (dueOn is { } due) await StatementOfActionApi.Require(db, deadlines, inspectionId, final.NextSteps, due, ct);
        }, ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, (await db.Letter(inspectionId, ct))!, now, ct));
    }

    /// <summary>
    /// ¶110: the final letter goes to the named government departments (their addresses are configuration);
    /// they have seen it, and a required sharing lets the embargo lift, once every notice is delivered (LetterDeliveries).
    /// </summary>
    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> ShareWithDepartments(
        Guid inspectionId, DepartmentsRequest request, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting,
        INotices notices, IOptions<GovernmentDepartmentsOptions> known, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var errors = new RequestErrors();
        var departments = new List<GovernmentDepartment>();
        var names = string.Join(", ", known.Value.Departments.Select(d => d.Name));
        if (request.Departments is not { Count: > 0 }) errors.Add("departments", $"Name the government departments the final letter goes to: {names}.");
        else
            for (var i = 0; i < request.Departments.Count; i++)
            {
                if (!errors.Required(request.Departments[i], $"departments[{i}]")) continue;
                if (known.Value.Named(request.Departments[i]!) is not { } department)
                    errors.Add($"departments[{i}]", $"'{request.Departments[i]}' is not a government department the letter goes to; they are: {names}.");
                else if (!departments.Contains(department)) departments.Add(department);
            }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!letter.IsFinal) throw new DomainRuleException("final-letter-first", "Only the final letter is shared with the departments.");
        if (letter.WithdrawnAt is not null) throw new DomainRuleException("letter-withdrawn", "The letter has been withdrawn.");
        if (letter.DepartmentsSharedBy is not null)
            throw new DomainRuleException("departments-shared", "The final letter has already been sent to the departments: see its deliveries (a failed one can be retried).");
        var now = clock.GetUtcNow();
        if (letter.IsPublished(now)) throw new DomainRuleException("letter-published", "The letter is already published: the departments see it before publication (¶110).");
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        var final = await db.Content(inspectionId, letter.FinalVersion!.Value, ct);
        letter.Departments = departments.Select(d => d.Name).ToList();
        letter.DepartmentsSharedBy = user.Id();
        foreach (var department in departments) notices.Queue(LetterNotices.FinalToDepartment(inspection, final, department, letter.LetterDate!.Value));
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
    }

    /// <summary>
    /// Ofsted's National Director decides, in discussion with the other inspectorates taking part, or urgently alone, the others
    /// then advised at the earliest opportunity (¶121).
    /// </summary>
    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> Withdraw(
        Guid inspectionId, WithdrawalRequest request, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting,
        IDeadlines deadlines, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        var others = drafting.TakingPart(inspection).Where(i => i != Inspectorates.Ofsted).ToList();
        var errors = new RequestErrors();
        if (errors.Required(request.DecidedBy, "decidedBy")) errors.MaxLength(request.DecidedBy, 200, "decidedBy");
        if (errors.Required(request.Reason, "reason")) errors.MaxLength(request.Reason, 5_000, "reason");
        var discussed = new List<string>();
        var list = request.DiscussedWith ?? [];
        for (var i = 0; i < list.Count; i++)
            if (errors.OneOf(list[i], others, $"discussedWith[{i}]") && !discussed.Contains(list[i]!)) discussed.Add(list[i]!);
        if (request.Urgent != true && others.Except(discussed).ToList() is { Count: > 0 } missing)
            errors.Add("discussedWith", $"The National Director decides a withdrawal in discussion with the other inspectorates (¶121): {string.Join(" and ", missing)} not listed. If the decision is urgent and a discussion is not possible, send \"urgent\": true and advise them after.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var now = clock.GetUtcNow();
        letter.WithdrawAsNationalDirector(others, discussed, request.Urgent == true, request.DecidedBy!.Trim(), request.Reason!.Trim(), user.Id(), now, out var scheduled);
        if (scheduled) await LetterPublication.CancelPublication(deadlines, letter.InspectionId, now, ct);
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
    }

    /// <summary>¶121: after an urgent withdrawal, the National Director records each other inspectorate advised.</summary>
    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> Advised(
        Guid inspectionId, WithdrawalAdvisedRequest request, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Inspectorate, "inspectorate")) errors.OneOf(request.Inspectorate, [Inspectorates.Cqc, Inspectorates.Hmicfrs], "inspectorate");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var now = clock.GetUtcNow();
        letter.AdviseOfWithdrawal(request.Inspectorate!, user.Id(), now);
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
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

public sealed record DepartmentsRequest(List<string?>? Departments);

/// <summary>¶121: who decided, why, with which other inspectorates it was discussed, or that it was urgent (they are advised after).</summary>
public sealed record WithdrawalRequest(string? DecidedBy, string? Reason, List<string?>? DiscussedWith = null, bool? Urgent = null);

public sealed record WithdrawalAdvisedRequest(string? Inspectorate);
