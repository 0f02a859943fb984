using System.Security.Claims;
using Jtai.Calendar.WorkingDays;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.InformalConcerns;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Publication;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Complaints;

/// <summary>Annex C: formal complaints about a JTAI, their window, their milestones and the legal hold they place.</summary>
public static class ComplaintsApi
{
    private static readonly AccessRule Investigators = new("complaint-investigators", "the inspectorates' managers and QA managers",
        s => s.HasRole(JtaiRoles.Manager) || s.HasRole(JtaiRoles.QaManager), onInspection: true);

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/complaints")
            .RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Complaints").ValidateRequests();
        group.MapGet("/", List);
        group.MapPost("/", Submit).RequireStanding(Rules.PartnersOfArea);
        group.MapGet("/{complaintId:guid}", Get);
        // Annex C: the investigating inspectorate's managers and QA managers (the complaint says which inspectorate).
        var staff = group.MapGroup("/{complaintId:guid}").RequireStanding(Investigators);
        staff.MapPost("/lead-investigator", AppointLeadInvestigator);
        staff.MapPost("/acknowledgement", Acknowledge);
        staff.MapPost("/response/share", ShareResponse);
        staff.MapPost("/response/send", SendResponse);
        staff.MapPost("/outcome", RecordOutcome);
        return app;
    }

    /// <summary>What every complaint handler needs: storage, the outgoing messages, deadlines, the calendar and the caller.</summary>
    public sealed record ComplaintServices(OrchestratorDbContext Db, IOutbox Outbox, IDeadlines Deadlines, WorkingDayCalendar Calendar,
        TimeProvider Clock, ClaimsPrincipal User, Standing Standing, CancellationToken Ct)
    {
        /// <summary>The complaint, once its own rule has said the caller is of the inspectorate investigating it.</summary>
        public async Task<Complaint?> Investigated(Guid inspectionId, Guid complaintId)
        {
            var complaint = await Db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == complaintId && c.InspectionId == inspectionId, Ct);
            complaint?.EnsureInvestigatedBy(Standing.Inspectorate);
            return complaint;
        }
    }

    private static async Task<Results<Created<ComplaintView>, ValidationProblem, ProblemHttpResult, NotFound>> Submit(
        Guid inspectionId, ComplaintRequest request, [AsParameters] ComplaintServices s)
    {
        // ¶89–90: only an informal concern the complainant's own agency raised about this inspection.
        var concern = request.InformalConcernId is { } concernId ? await s.Db.InformalConcern(inspectionId, concernId, s.Ct) : null;
        if (request.InformalConcernId is not null && (concern is null || concern.Agency != s.User.Agency()))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["informalConcernId"] = ["'informalConcernId' is not an informal concern your agency raised about this inspection."],
            });

        var window = ComplaintWindow.Of(await s.Db.Letter(inspectionId, s.Ct), s.Calendar);
        var complaint = Complaint.Submit(inspectionId, request, s.User.Id(), s.User.Agency()!, concern, window, s.Calendar, s.Clock.GetUtcNow());
        s.Db.Add(complaint);
        s.Outbox.Publish(complaint.HoldPlaced());
        await s.Deadlines.Schedule(complaint, s.Ct);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/complaints/{complaint.Id}", ComplaintView.Full(complaint, false, false));
    }

    /// <summary>The inspection's complaints in the order they came, a page at a time (<c>?limit=&amp;after=</c>).</summary>
    private static async Task<Results<Ok<Page<ComplaintView>>, ValidationProblem>> List(
        Guid inspectionId, [AsParameters] PageQuery page, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var complaints = await db.ComplaintsPage(inspectionId, page, ct);
        var fired = await ComplaintDeadlines.Fired(db, inspectionId, ct);
        return TypedResults.Ok(new Page<ComplaintView>(complaints.Items.Select(c => ComplaintView.For(standing, c, fired)).ToList(), complaints.Next));
    }

    private static async Task<Results<Ok<ComplaintView>, NotFound>> Get(Guid inspectionId, Guid complaintId, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId && c.InspectionId == inspectionId, ct);
        return complaint is null ? TypedResults.NotFound() : TypedResults.Ok(ComplaintView.For(standing, complaint, await ComplaintDeadlines.Fired(db, inspectionId, ct)));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> AppointLeadInvestigator(
        Guid inspectionId, Guid complaintId, LeadInvestigatorRequest request, [AsParameters] ComplaintServices s)
    {
        if (await s.Investigated(inspectionId, complaintId) is not { } complaint) return TypedResults.NotFound();
        complaint.AppointLeadInvestigator(request.Name!);
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> Acknowledge(
        Guid inspectionId, Guid complaintId, AcknowledgementRequest request, [AsParameters] ComplaintServices s)
    {
        if (await s.Investigated(inspectionId, complaintId) is not { } complaint) return TypedResults.NotFound();
        if (request.ValidateFor(complaint) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var now = s.Clock.GetUtcNow();
        complaint.Acknowledge(request.WithdrawalAgreed, s.User.Id(), now);
        // ¶121: an agreed request withdraws the letter (an embargoed one is never published).
        if (request.WithdrawalAgreed == true && await s.Db.Letter(inspectionId, s.Ct) is { } letter)
            await LetterPublication.Withdraw(s.Deadlines, letter, request.DecidedBy!.Trim(),
                $"Withdrawal requested in complaint {complaint.Id} and agreed: {complaint.ExceptionalCircumstances}", s.User.Id(), now, s.Ct);
        await s.Deadlines.CancelAcknowledgement(complaint, now, s.Ct);
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> ShareResponse(
        Guid inspectionId, Guid complaintId, ComplaintResponseRequest request, [AsParameters] ComplaintServices s)
    {
        if (await s.Investigated(inspectionId, complaintId) is not { } complaint) return TypedResults.NotFound();
        complaint.ShareResponse(request.Text!, request.Upheld, s.Clock.GetUtcNow());
        await s.Db.SaveLetter(s.Ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, NotFound>> SendResponse(Guid inspectionId, Guid complaintId, [AsParameters] ComplaintServices s)
    {
        if (await s.Investigated(inspectionId, complaintId) is not { } complaint) return TypedResults.NotFound();
        await Closed(s, complaint, complaint.SendResponse(s.User.Id(), s.Clock.GetUtcNow()));
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> RecordOutcome(
        Guid inspectionId, Guid complaintId, ComplaintResponseRequest request, [AsParameters] ComplaintServices s)
    {
        if (await s.Investigated(inspectionId, complaintId) is not { } complaint) return TypedResults.NotFound();
        await Closed(s, complaint, complaint.RecordOutcome(request.Text!, request.Upheld, s.User.Id(), s.Clock.GetUtcNow()));
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task Closed(ComplaintServices s, Complaint complaint, Contracts.Events.LegalHoldReleased released)
    {
        await s.Deadlines.CancelAll(complaint, released.At, s.Ct);
        s.Outbox.Publish(released);
        await s.Db.SaveLetter(s.Ct);
    }
}
