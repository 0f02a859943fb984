using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.SetUp;

public sealed record SetUpContactBody(string? Name, string? Role, string? Organisation, string? Email, string? Phone);

public sealed record SetUpAgreementBody(Guid? SetUpDiscussionId, string? WellbeingSteps, List<SetUpContactBody?>? WellbeingContacts,
    string? EqualitiesAndAdjustments, string? RaisingConcerns, string? IssuesRaised);

public sealed record SafeguardingIncidentBody(string? Kind, string? Summary, List<string?>? Agencies);

public sealed record AdditionalInformationBody(string? Description, string? ProposedBy, string? ProvidedBy, string? NecessaryBecause, string? NotInAnnexABecause);

/// <summary>
/// Week 1's set-up (¶20–24): what the multi-agency set-up discussion agreed, the link person, the safeguarding incidents the
/// area made the team aware of and the information agreed beyond Annex A. The leads record it; the team, the named managers
/// and the area's partners (who took part in the discussion, ¶20) read it.
/// </summary>
public static class SetUpApi
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/set-up";

    public static IEndpointRouteBuilder MapSetUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Set-up");
        group.MapGet("/", Get).RequireStanding(SetUpStage.Readers);
        group.MapPut("/agreement", Agree).RequireStanding(Rules.LeadsOnTeam);
        group.MapPut("/link-person", LinkPerson).RequireStanding(Rules.LeadsOnTeam);
        group.MapPost("/safeguarding-incidents", Incident).RequireStanding(Rules.LeadsOnTeam);
        group.MapPost("/additional-information", Additional).RequireStanding(Rules.LeadsOnTeam);
        return app;
    }

    private static async Task<Ok<SetUpView>> Get(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await View(db, inspectionId, ct));

    /// <summary>¶20: recorded against the set-up discussion's meeting record, which says who attended.</summary>
    private static async Task<Results<Ok<SetUpView>, ValidationProblem>> Agree(
        Guid inspectionId, SetUpAgreementBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.SetUpDiscussionId, "setUpDiscussionId")
            && !await db.Set<InspectionMeeting>().AnyAsync(m => m.Id == body.SetUpDiscussionId && m.InspectionId == inspectionId
                && m.Kind == MeetingKinds.SetUpDiscussion, ct))
            errors.Add("setUpDiscussionId", "'setUpDiscussionId' is not a set-up discussion recorded for this inspection: record the meeting first, with who attended (¶20).");
        errors.MaxLength(body.WellbeingSteps, SetUpLimits.Text, "wellbeingSteps");
        var contacts = new List<SetUpContact>();
        if (body.WellbeingContacts is not { Count: > 0 })
            errors.Add("wellbeingContacts", "'wellbeingContacts' names at least one person to tell of a concern about someone's well-being (¶20).");
        else if (body.WellbeingContacts.Count > 20) errors.Add("wellbeingContacts", "'wellbeingContacts' lists at most 20 people.");
        else
            for (var i = 0; i < body.WellbeingContacts.Count; i++)
                if (Contact(body.WellbeingContacts[i], $"wellbeingContacts[{i}]", errors) is { } contact) contacts.Add(contact);
        if (errors.Required(body.EqualitiesAndAdjustments, "equalitiesAndAdjustments")) errors.MaxLength(body.EqualitiesAndAdjustments, SetUpLimits.Text, "equalitiesAndAdjustments");
        if (errors.Required(body.RaisingConcerns, "raisingConcerns")) errors.MaxLength(body.RaisingConcerns, SetUpLimits.Text, "raisingConcerns");
        errors.MaxLength(body.IssuesRaised, SetUpLimits.Text, "issuesRaised");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        var setUp = await Row(db, inspectionId, ct);
        setUp.SetUpDiscussionId = body.SetUpDiscussionId;
        setUp.WellbeingSteps = Trimmed(body.WellbeingSteps);
        setUp.WellbeingContacts = contacts;
        setUp.EqualitiesAndAdjustments = body.EqualitiesAndAdjustments!.Trim();
        setUp.RaisingConcerns = body.RaisingConcerns!.Trim();
        setUp.IssuesRaised = Trimmed(body.IssuesRaised);
        (setUp.AgreedAt, setUp.AgreedRecordedBy) = (clock.GetUtcNow(), user.Id());
        await Save(db, ct);
        return TypedResults.Ok(await View(db, inspectionId, ct));
    }

    /// <summary>¶21: the area identifies a link person; the lead records who (a later change replaces them).</summary>
    private static async Task<Results<Ok<SetUpView>, ValidationProblem>> LinkPerson(
        Guid inspectionId, SetUpContactBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var person = Contact(body, "", errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        var setUp = await Row(db, inspectionId, ct);
        setUp.LinkPerson = person;
        (setUp.LinkPersonAt, setUp.LinkPersonRecordedBy) = (clock.GetUtcNow(), user.Id());
        await Save(db, ct);
        return TypedResults.Ok(await View(db, inspectionId, ct));
    }

    private static async Task<Results<Created<SafeguardingIncidentView>, ValidationProblem>> Incident(
        Guid inspectionId, SafeguardingIncidentBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.Kind, "kind")) errors.OneOf(body.Kind, IncidentKinds.All, "kind");
        if (errors.Required(body.Summary, "summary")) errors.MaxLength(body.Summary, SetUpLimits.Text, "summary");
        var agencies = SetUpStage.Agencies(body.Agencies, "agencies", errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        var incident = new SafeguardingIncident
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = body.Kind!, Summary = body.Summary!.Trim(), Agencies = agencies,
            RecordedAt = clock.GetUtcNow(), RecordedBy = user.Id(),
        };
        db.Add(incident);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/set-up", SafeguardingIncidentView.From(incident));
    }

    /// <summary>¶24: agreed only with both justifications shown.</summary>
    private static async Task<Results<Created<AdditionalInformationView>, ValidationProblem>> Additional(
        Guid inspectionId, AdditionalInformationBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.Description, "description")) errors.MaxLength(body.Description, SetUpLimits.Text, "description");
        if (errors.Required(body.ProposedBy, "proposedBy")) errors.OneOf(body.ProposedBy, AdditionalInformationProposers.All, "proposedBy");
        if (errors.Required(body.ProvidedBy, "providedBy")) errors.OneOf(body.ProvidedBy, Agencies.All, "providedBy");
        if (string.IsNullOrWhiteSpace(body.NecessaryBecause))
            errors.Add("necessaryBecause", "'necessaryBecause' is required: why the information is necessary for an accurate understanding of children's experiences and the partnership's effectiveness within the inspection's scope (¶24).");
        else errors.MaxLength(body.NecessaryBecause, SetUpLimits.Text, "necessaryBecause");
        if (string.IsNullOrWhiteSpace(body.NotInAnnexABecause))
            errors.Add("notInAnnexABecause", "'notInAnnexABecause' is required: why the Annex A request does not already bring it (¶24).");
        else errors.MaxLength(body.NotInAnnexABecause, SetUpLimits.Text, "notInAnnexABecause");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        var item = new AdditionalInformation
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Description = body.Description!.Trim(), ProposedBy = body.ProposedBy!, ProvidedBy = body.ProvidedBy!,
            NecessaryBecause = body.NecessaryBecause!.Trim(), NotInAnnexABecause = body.NotInAnnexABecause!.Trim(),
            AgreedAt = clock.GetUtcNow(), AgreedBy = user.Id(),
        };
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/set-up", AdditionalInformationView.From(item));
    }

    private static async Task<SetUpView> View(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var setUp = await db.Set<InspectionSetUp>().AsNoTracking().SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct);
        SetUpAgreementView? agreement = null;
        if (setUp is { SetUpDiscussionId: { } meetingId, AgreedAt: { } agreedAt }
            && await db.Set<InspectionMeeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) is { } meeting)
            agreement = new SetUpAgreementView(MeetingView.From(meeting), setUp.WellbeingSteps, setUp.WellbeingContacts.Select(SetUpContactView.From).ToList(),
                setUp.EqualitiesAndAdjustments!, setUp.RaisingConcerns!, setUp.IssuesRaised, agreedAt, setUp.AgreedRecordedBy!);
        var link = setUp is { LinkPerson: { } p, LinkPersonAt: { } at }
            ? new LinkPersonView(p.Name, p.Role, p.Organisation, p.Email, p.Phone, at, setUp.LinkPersonRecordedBy!)
            : null;
        var incidents = await db.Set<SafeguardingIncident>().AsNoTracking().Where(i => i.InspectionId == inspectionId).OrderBy(i => i.RecordedAt).ToListAsync(ct);
        var additional = await db.Set<AdditionalInformation>().AsNoTracking().Where(a => a.InspectionId == inspectionId).OrderBy(a => a.AgreedAt).ToListAsync(ct);
        return new SetUpView(inspectionId, agreement, link, incidents.Select(SafeguardingIncidentView.From).ToList(),
            additional.Select(AdditionalInformationView.From).ToList());
    }

    private static async Task<InspectionSetUp> Row(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        if (await db.Set<InspectionSetUp>().SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct) is { } row) return row;
        row = new InspectionSetUp { InspectionId = inspectionId };
        db.Add(row);
        return row;
    }

    private static SetUpContact? Contact(SetUpContactBody? body, string prefix, RequestErrors errors)
    {
        string F(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        if (body is null) { errors.Add(prefix.Length == 0 ? "name" : prefix, "A contact needs a name, role, organisation and e-mail address."); return null; }
        var ok = Text(body.Name, F("name"), errors) & Text(body.Role, F("role"), errors) & Text(body.Organisation, F("organisation"), errors);
        if (errors.Required(body.Email, F("email")) && !(body.Email.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(body.Email.Trim(), out _)))
        {
            errors.Add(F("email"), $"'{F("email")}' must be an e-mail address.");
            ok = false;
        }
        else if (string.IsNullOrWhiteSpace(body.Email)) ok = false;
        ok &= errors.MaxLength(body.Phone, 40, F("phone"));
        return ok
            ? new SetUpContact { Name = body.Name!.Trim(), Role = body.Role!.Trim(), Organisation = body.Organisation!.Trim(), Email = body.Email!.Trim(), Phone = Trimmed(body.Phone) }
            : null;
    }

    private static bool Text(string? value, string field, RequestErrors errors) =>
        errors.Required(value, field) && errors.MaxLength(value, SetUpLimits.Short, field);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task Save(OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("set-up-changed", "The set-up changed meanwhile (another request won): read it again.");
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("set-up-changed", "The set-up was first recorded by another request at the same time: read it again.");
        }
    }
}

