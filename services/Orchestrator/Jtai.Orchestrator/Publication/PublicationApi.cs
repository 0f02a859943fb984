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
    public static IEndpointRouteBuilder MapPublication(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LetterRoutes.Path).WithTags("Publication").ValidateRequests();
        group.MapPost("/final", IssueFinal).RequireStanding(Rules.OfstedLead);
        group.MapPost("/departments", ShareWithDepartments).RequireStanding(Rules.OfstedLeadOrManagers);
        group.MapPost("/withdrawal", Withdraw).RequireStanding(Rules.NationalDirector);
        group.MapPost("/withdrawal/advised", Advised).RequireStanding(Rules.NationalDirector);
        EmbargoedLetter.Map(app);
        PublishedLetters.Map(app);
        return app;
    }

    /// <summary>What the publication handlers need, bundled.</summary>
    public sealed record PublicationServices(OrchestratorDbContext Db, LetterDrafting Drafting, WorkingDayCalendar Calendar, IDeadlines Deadlines,
        Transitions Transitions, INotices Notices, IOutbox Outbox, IOptions<SurveyOptions> Survey, IOptions<GovernmentDepartmentsOptions> Departments,
        FrameworkCatalog Frameworks, TimeProvider Clock, ClaimsPrincipal User, CancellationToken Ct);

    private static async Task<Results<Ok<LetterView>, NotFound>> IssueFinal(Guid inspectionId, [AsParameters] PublicationServices s)
    {
        var (db, ct) = (s.Db, s.Ct);
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        letter.EnsureDraftWasChecked();
        // A letter changed since its draft was agreed (say, to accept the partnership's comments) is checked and agreed again (¶80–81).
        await LetterQualityGate.EnsureReadyToSend(db, s.Frameworks, letter, ct, "final");
        var now = s.Clock.GetUtcNow();
        letter.EnsureCommentsSettled(await db.Set<FactualAccuracyComment>().CountAsync(c => c.InspectionId == inspectionId && c.Decision == null, ct),
            await db.Set<FactualAccuracyComment>().CountAsync(c => c.InspectionId == inspectionId, ct), now);

        var letterDate = LondonTime.Today(s.Clock);
        var version = letter.CurrentVersion;
        var content = await db.Content(inspectionId, version, ct);
        var publicationAt = InspectionLetter.PublicationFor(s.Drafting.Timeline(inspection)[MilestoneKeys.Publication].DueAt.ToUniversalTime(), letterDate, s.Calendar);
        var publishedOn = DateOnly.FromDateTime(LondonTime.ToLondon(publicationAt).DateTime);
        // Due 70 working days from the date the published letter carries (re-anchored if it is published later).
        var dueOn = content.NextSteps.StatementRequired ? s.Calendar.AddWorkingDays(publishedOn, StatementOfActionDeadline.WorkingDays) : (DateOnly?)null;
        var final = content with { NextSteps = content.NextSteps with { DueOn = dueOn } };
        var priorityActions = await db.Set<Finding>().AsNoTracking()
            .Where(f => f.InspectionId == inspectionId && f.Kind == FindingKinds.AreaForPriorityAction).ToListAsync(ct);

        // The lifecycle moves to final-under-embargo with the letter and its notices to every addressee and the
        // questionnaire's request to the DCS (¶83–84), in one transaction; each counts as sent once delivered.
        await s.Transitions.Move(inspectionId, Stages.FinalUnderEmbargo, s.User.Id(), "Final letter sent to the partnership under embargo", async moved =>
        {
            var issued = (await db.Letter(inspectionId, ct))!;
            db.Add(issued.IssueFinal(version, final.ToJson(), s.User.Id(), now, letterDate, publicationAt,
                departmentsRequired: priorityActions.Any(f => PriorityActions.PriorityActionEvents.IsCoordinated(f.Agencies))));
            foreach (var notice in LetterNotices.FinalToAddressees(moved, final, letterDate, publicationAt)) s.Notices.Queue(notice);
            s.Notices.Queue(LetterNotices.SurveyRequestToDcs(moved, final.Addressees, s.Survey.Value.Questions));
            // Annex B: every follow-up of the priority actions carries the letter's date.
            s.Outbox.Publish(new LetterOfFindingsDated(inspectionId, letterDate, null, now));
            if (!issued.DepartmentsRequired) await LetterPublication.Schedule(issued, publicationAt, s.Deadlines, ct);
            if (dueOn is { } due) await StatementOfActionDeadline.Require(db, s.Deadlines, inspectionId, final.NextSteps, due, ct);
        }, ct);
        return TypedResults.Ok(await LetterView.Read(db, s.Drafting, (await db.Letter(inspectionId, ct))!, now, ct));
    }

    /// <summary>
    /// ¶110: the final letter goes to the named government departments (their addresses are configuration);
    /// they have seen it, and a required sharing lets the embargo lift, once every notice is delivered (LetterDeliveries).
    /// </summary>
    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> ShareWithDepartments(
        Guid inspectionId, DepartmentsRequest request, [AsParameters] PublicationServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        if (request.Check(s.Departments.Value, out var departments) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var now = s.Clock.GetUtcNow();
        letter.ShareWithDepartments([.. departments.Select(d => d.Name)], s.User.Id(), now);
        var inspection = await s.Db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, s.Ct);
        var final = await s.Db.Content(inspectionId, letter.FinalVersion!.Value, s.Ct);
        foreach (var department in departments) s.Notices.Queue(LetterNotices.FinalToDepartment(inspection, final, department, letter.LetterDate!.Value));
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(await LetterView.Read(s.Db, s.Drafting, letter, now, s.Ct));
    }

    /// <summary>
    /// Ofsted's National Director decides, in discussion with the other inspectorates taking part, or urgently alone, the others
    /// then advised at the earliest opportunity (¶121).
    /// </summary>
    private static async Task<Results<Ok<LetterView>, ValidationProblem, NotFound>> Withdraw(
        Guid inspectionId, WithdrawalRequest request, [AsParameters] PublicationServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        var inspection = await s.Db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, s.Ct);
        var others = s.Drafting.TakingPart(inspection).Where(i => i != Inspectorates.Ofsted).ToList();
        if (request.Check(others, out var discussed) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var now = s.Clock.GetUtcNow();
        letter.WithdrawAsNationalDirector(others, discussed, request.Urgent == true, request.DecidedBy!.Trim(), request.Reason!.Trim(), s.User.Id(), now, out var scheduled);
        if (scheduled) await LetterPublication.CancelPublication(s.Deadlines, letter.InspectionId, now, s.Ct);
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(await LetterView.Read(s.Db, s.Drafting, letter, now, s.Ct));
    }

    /// <summary>¶121: after an urgent withdrawal, the National Director records each other inspectorate advised.</summary>
    private static async Task<Results<Ok<LetterView>, NotFound>> Advised(
        Guid inspectionId, WithdrawalAdvisedRequest request, [AsParameters] PublicationServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        var now = s.Clock.GetUtcNow();
        letter.AdviseOfWithdrawal(request.Inspectorate!, s.User.Id(), now);
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(await LetterView.Read(s.Db, s.Drafting, letter, now, s.Ct));
    }
}
