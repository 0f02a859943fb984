using System.Security.Claims;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Publication;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Complaints;

/// <summary>Annex C: formal complaints about a JTAI, their window, their milestones and the legal hold they place.</summary>
public static class ComplaintsApi
{
    public const int WindowWorkingDaysAfterPublication = 10;
    public const int AcknowledgementWorkingDays = 5;
    public const int ResponseWorkingDays = 30;

    private static readonly AccessRule Investigators = new("complaint-investigators", "the inspectorates' managers and QA managers",
        s => s.HasRole(JtaiRoles.Manager) || s.HasRole(JtaiRoles.QaManager), onInspection: true);

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/complaints")
            .RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Complaints");
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

    /// <summary>¶120: from the final (pre-publication) letter to 10 working days after publication.</summary>
    public static (DateOnly? Opens, DateOnly? Closes, DateTimeOffset? ClosesAt) Window(InspectionLetter? letter, WorkingDayCalendar calendar)
    {
        if (letter?.FinalIssuedAt is not { } issued) return (null, null, null);
        var publication = letter.PublicationAt ?? letter.PlannedPublicationAt!.Value;
        var closes = calendar.AddWorkingDays(DateOnly.FromDateTime(LondonTime.ToLondon(publication).DateTime), WindowWorkingDaysAfterPublication);
        return (DateOnly.FromDateTime(LondonTime.ToLondon(issued).DateTime), closes, LondonTime.At(closes.AddDays(1), TimeOnly.MinValue));
    }

    private static async Task<Results<Created<ComplaintView>, ValidationProblem, ProblemHttpResult, NotFound>> Submit(
        Guid inspectionId, ComplaintRequest request, ClaimsPrincipal user, OrchestratorDbContext db, WorkingDayCalendar calendar,
        IOutbox outbox, IDeadlines deadlines, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Kind, "kind")) errors.OneOf(request.Kind, ComplaintKinds.All, "kind");
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 20_000, "text");
        if (request.Kind == ComplaintKinds.Conduct)
        {
            if (errors.Required(request.Inspectorate, "inspectorate")) errors.OneOf(request.Inspectorate, Inspectorates.All, "inspectorate");
            if (errors.Required(request.InspectorName, "inspectorName")) errors.MaxLength(request.InspectorName, 200, "inspectorName");
        }
        if (request.RequestWithdrawal == true && errors.Required(request.ExceptionalCircumstances, "exceptionalCircumstances"))
            errors.MaxLength(request.ExceptionalCircumstances, 20_000, "exceptionalCircumstances");
        // ¶89–90: a complaint that follows an informal concern names it, so each shows the other.
        var concern = request.InformalConcernId is { } concernId ? await InformalConcerns.InformalConcernQueries.InformalConcern(db, inspectionId, concernId, ct) : null;
        if (request.InformalConcernId is not null && (concern is null || concern.Agency != user.Agency()))
            errors.Add("informalConcernId", "'informalConcernId' is not an informal concern your agency raised about this inspection.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var letter = await db.Letter(inspectionId, ct);
        var (opens, closes, closesAt) = Window(letter, calendar);
        var now = clock.GetUtcNow();
        if (opens is null || now >= closesAt)
            return TypedResults.Problem(
                opens is null
                    ? "A complaint can be made from when the partnership receives the final letter of findings; it has not been issued yet (Annex C ¶120)."
                    : $"Complaints were accepted from {opens:yyyy-MM-dd} (the final letter) until the end of {closes:yyyy-MM-dd} (10 working days after publication) (Annex C ¶120).",
                statusCode: StatusCodes.Status409Conflict, title: "The request breaks a rule of the inspection process.",
                extensions: new Dictionary<string, object?> { ["rule"] = "complaint-window", ["windowOpens"] = opens, ["windowCloses"] = closes });

        var today = LondonTime.Today(clock);
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = request.Kind!, Text = request.Text!.Trim(), SubmittedBy = user.Id(),
            Agency = user.Agency()!, SubmittedAt = now,
            HandledBy = request.Kind == ComplaintKinds.Conduct ? request.Inspectorate! : Inspectorates.Ofsted,
            InspectorName = request.InspectorName?.Trim(), WithdrawalRequested = request.RequestWithdrawal == true,
            ExceptionalCircumstances = request.ExceptionalCircumstances?.Trim(),
            AcknowledgementDueOn = calendar.AddWorkingDays(today, AcknowledgementWorkingDays),
            ResponseDueOn = calendar.AddWorkingDays(today, ResponseWorkingDays),
            HoldId = Guid.NewGuid(), InformalConcernId = concern?.Id,
        };
        db.Add(complaint);
        if (concern is not null) concern.ComplaintId = complaint.Id;
        // Evidence is kept in every service while the complaint is open, whatever its retention.
        outbox.Publish(new LegalHoldPlaced(inspectionId, complaint.HoldId, $"Open {complaint.Kind} complaint {complaint.Id} (Annex C)", now));
        await Schedule(deadlines, complaint, "acknowledgement", complaint.AcknowledgementDueOn, ct);
        await Schedule(deadlines, complaint, "response", complaint.ResponseDueOn, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/complaints/{complaint.Id}", ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Ok<List<ComplaintView>>> List(Guid inspectionId, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.InspectionId == inspectionId).OrderBy(c => c.SubmittedAt).ToListAsync(ct);
        var fired = await Fired(db, inspectionId, ct);
        return TypedResults.Ok(complaints.Select(c => ViewFor(standing, c, fired)).ToList());
    }

    private static async Task<Results<Ok<ComplaintView>, NotFound>> Get(Guid inspectionId, Guid complaintId, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId && c.InspectionId == inspectionId, ct);
        return complaint is null ? TypedResults.NotFound() : TypedResults.Ok(ViewFor(standing, complaint, await Fired(db, inspectionId, ct)));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> AppointLeadInvestigator(
        Guid inspectionId, Guid complaintId, LeadInvestigatorRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await Investigated(db, inspectionId, complaintId, standing, ct) is not { } complaint) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Name, "name")) errors.MaxLength(request.Name, 200, "name");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        Open(complaint);
        if (complaint.Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("lead-investigator", "Ofsted appoints a lead investigator for complaints about the process or findings (¶122).");
        complaint.LeadInvestigator = request.Name!.Trim();
        await db.SaveLetter(ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> Acknowledge(
        Guid inspectionId, Guid complaintId, AcknowledgementRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db,
        IDeadlines deadlines, TimeProvider clock, CancellationToken ct)
    {
        if (await Investigated(db, inspectionId, complaintId, standing, ct) is not { } complaint) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (complaint.WithdrawalRequested)
        {
            errors.Required(request.WithdrawalAgreed, "withdrawalAgreed");
            if (errors.Required(request.DecidedBy, "decidedBy")) errors.MaxLength(request.DecidedBy, 200, "decidedBy");
        }
        else if (request.WithdrawalAgreed is not null) errors.Add("withdrawalAgreed", "The complaint did not ask for the letter to be withdrawn.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        Open(complaint);
        if (complaint.AcknowledgedAt is not null) throw new DomainRuleException("complaint-acknowledged", "The complaint has already been acknowledged.");
        if (complaint.Kind == ComplaintKinds.ProcessOrFindings && complaint.LeadInvestigator is null)
            throw new DomainRuleException("lead-investigator", "Appoint the lead investigator first: the acknowledgement sets out the timeline they will follow (¶122).");
        var now = clock.GetUtcNow();
        complaint.AcknowledgedAt = now;
        complaint.AcknowledgedBy = user.Id();
        complaint.WithdrawalAgreed = request.WithdrawalAgreed;
        if (request.WithdrawalAgreed == true && await db.Letter(inspectionId, ct) is { } letter)
            await LetterPublication.Withdraw(deadlines, letter, request.DecidedBy!.Trim(),
                $"Withdrawal requested in complaint {complaint.Id} and agreed: {complaint.ExceptionalCircumstances}", user.Id(), now, ct);
        await deadlines.Cancel(Key(complaint, "acknowledgement"), now, ct);
        await db.SaveLetter(ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    /// <summary>A response (shared or as a conduct outcome) has its text and says whether it is upheld.</summary>
    private static ValidationProblem? ResponseErrors(ComplaintResponseRequest request)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 20_000, "text");
        errors.Required(request.Upheld, "upheld");
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : null;
    }

    /// <summary>¶122: Ofsted shares the final response with all inspectorates before sending it.</summary>
    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> ShareResponse(
        Guid inspectionId, Guid complaintId, ComplaintResponseRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Investigated(db, inspectionId, complaintId, standing, ct) is not { } complaint) return TypedResults.NotFound();
        if (ResponseErrors(request) is { } invalid) return invalid;
        Open(complaint);
        if (complaint.Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("conduct-confidential", "A conduct complaint's response stays with its inspectorate: record the outcome instead (¶124).");
        if (complaint.AcknowledgedAt is null) throw new DomainRuleException("acknowledge-first", "Acknowledge the complaint first.");
        complaint.ResponseText = request.Text!.Trim();
        complaint.Upheld = request.Upheld;
        complaint.ResponseSharedAt = clock.GetUtcNow();
        await db.SaveLetter(ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task<Results<Ok<ComplaintView>, NotFound>> SendResponse(
        Guid inspectionId, Guid complaintId, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, IOutbox outbox, IDeadlines deadlines, TimeProvider clock, CancellationToken ct)
    {
        if (await Investigated(db, inspectionId, complaintId, standing, ct) is not { } complaint) return TypedResults.NotFound();
        Open(complaint);
        if (complaint.Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("conduct-confidential", "A conduct complaint is closed by recording its outcome (¶124).");
        if (complaint.ResponseSharedAt is null)
            throw new DomainRuleException("response-shared-first", "The response is shared with all inspectorates before it is sent (¶122).");
        await Close(complaint, user, outbox, deadlines, clock.GetUtcNow(), ct);
        await db.SaveLetter(ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    /// <summary>¶123–124: the inspector's inspectorate investigates by its own process; the others learn whether it was upheld.</summary>
    private static async Task<Results<Ok<ComplaintView>, ValidationProblem, NotFound>> RecordOutcome(
        Guid inspectionId, Guid complaintId, ComplaintResponseRequest request, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, IOutbox outbox,
        IDeadlines deadlines, TimeProvider clock, CancellationToken ct)
    {
        if (await Investigated(db, inspectionId, complaintId, standing, ct) is not { } complaint) return TypedResults.NotFound();
        if (ResponseErrors(request) is { } invalid) return invalid;
        Open(complaint);
        if (complaint.Kind != ComplaintKinds.Conduct)
            throw new DomainRuleException("response-shared-first", "A complaint about the process or findings is answered by sharing and then sending the response (¶122).");
        if (complaint.AcknowledgedAt is null) throw new DomainRuleException("acknowledge-first", "Acknowledge the complaint first.");
        complaint.ResponseText = request.Text!.Trim();
        complaint.Upheld = request.Upheld;
        await Close(complaint, user, outbox, deadlines, clock.GetUtcNow(), ct);
        await db.SaveLetter(ct);
        return TypedResults.Ok(ComplaintView.Full(complaint, false, false));
    }

    private static async Task Close(Complaint complaint, ClaimsPrincipal user, IOutbox outbox, IDeadlines deadlines, DateTimeOffset now, CancellationToken ct)
    {
        complaint.RespondedAt = now;
        complaint.RespondedBy = user.Id();
        complaint.ClosedAt = now;
        await deadlines.Cancel([Key(complaint, "acknowledgement"), Key(complaint, "response")], now, ct);
        outbox.Publish(new LegalHoldReleased(complaint.InspectionId, complaint.HoldId, now));
    }

    /// <summary>The complaint, once its own rule has said the caller is of the inspectorate investigating it.</summary>
    private static async Task<Complaint?> Investigated(OrchestratorDbContext db, Guid inspectionId, Guid complaintId, Standing standing, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == complaintId && c.InspectionId == inspectionId, ct);
        complaint?.EnsureInvestigatedBy(standing.Inspectorate);
        return complaint;
    }

    private static void Open(Complaint complaint)
    {
        if (complaint.ClosedAt is not null) throw new DomainRuleException("complaint-closed", "The complaint is closed.");
    }

    /// <summary>A conduct complaint's details stay with its inspectorate; the others learn its kind, status and whether upheld (¶125).</summary>
    private static ComplaintView ViewFor(Standing standing, Complaint c, HashSet<string> fired)
    {
        var full = standing.IsPartner || c.Kind == ComplaintKinds.ProcessOrFindings || standing.Inspectorate == c.HandledBy;
        if (!full) return ComplaintView.Confidential(c);
        return ComplaintView.Full(c, c.AcknowledgedAt is null && fired.Contains(Key(c, "acknowledgement")),
            c.ClosedAt is null && fired.Contains(Key(c, "response")));
    }

    private static async Task<HashSet<string>> Fired(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct) =>
        (await db.Deadlines.AsNoTracking().Where(d => d.InspectionId == inspectionId && d.FiredAt != null && d.Key.StartsWith("complaint/"))
            .Select(d => d.Key).ToListAsync(ct)).ToHashSet();

    private static string Key(Complaint c, string deadline) => $"complaint/{c.Id}/{deadline}";

    private static Task Schedule(IDeadlines deadlines, Complaint c, string deadline, DateOnly dueOn, CancellationToken ct)
    {
        var at = LondonTime.At(dueOn.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        return deadlines.Schedule(Key(c, deadline), at, new PostInspectionDeadlineReached(c.InspectionId, $"complaint-{deadline}", c.Id, dueOn, at), ct);
    }
}
