using System.Security.Claims;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Retention;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Team;
using Jtai.Messaging.Outbox;
using Jtai.Notices;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Ofsted.IssuesOfConcern;

/// <summary>
/// Issues of concern (¶70–71). Team members of any inspectorate raise and evaluate them; the
/// senior officer (a partner agency's token for that area and agency) reads, responds and signs;
/// the lead inspector may also record a written response handed over in a KIT meeting.
/// </summary>
public static class IssuesOfConcernApi
{
    public static WebApplicationBuilder AddIssuesOfConcern(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPurgeTarget, IssuesOfConcernPurgeTarget>();
        builder.Services.AddNoticeKinds(IssueOfConcernNotice.Kind);
        builder.Services.AddNoticeOutcome<SeniorOfficerNotified>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIssuesOfConcern(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ofsted/issues-of-concern/inspections/{inspectionId:guid}")
            .RequireStanding(Rules.Team)
            .WithTags("Issues of concern");
        group.MapPost("/", Raise);
        group.MapGet("/", List);
        group.MapGet("/kit-follow-up", KitFollowUp);
        // The senior officer (a partner of the area, of the agency the concern is about, ¶70) follows it too.
        group.MapGet("/{issueId:guid}", Get).RequireStanding(Rules.Team.Or(Rules.PartnersOfArea, "team-or-senior-officer"));
        group.MapPost("/{issueId:guid}/response", Respond).RequireStanding(Rules.OfstedLead.Or(Rules.PartnersOfArea, "lead-or-senior-officer"));
        group.MapPost("/{issueId:guid}/evaluation", Evaluate);
        group.MapPost("/{issueId:guid}/signature", Sign).RequireStanding(Rules.OfstedLead.Or(Rules.PartnersOfArea, "lead-or-senior-officer"));
        return app;
    }

    private static async Task<Results<Created<IssueOfConcernView>, ValidationProblem, NotFound>> Raise(
        Guid inspectionId, RaiseConcernRequest request, ClaimsPrincipal user, OfstedDbContext db, IOutbox outbox, INotices notices, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Category, "category")) errors.OneOf(request.Category, ConcernCategories.All, "category");
        if (errors.Required(request.Description, "description") && errors.MaxLength(request.Description, 10_000, "description"))
            foreach (var name in Names.UnexplainedNamesIn(request.Description, []))
                errors.Add("description", $"The description names '{name}': refer to the child by case reference and initials (¶76).");
        errors.MaxLength(request.ChildReference, 50, "childReference");
        if (errors.Required(request.Agency, "agency")) errors.OneOf(request.Agency, Agencies.All, "agency");
        if (errors.Required(request.SeniorOfficerName, "seniorOfficerName")) errors.MaxLength(request.SeniorOfficerName, 200, "seniorOfficerName");
        if (errors.Required(request.SeniorOfficerRole, "seniorOfficerRole")) errors.MaxLength(request.SeniorOfficerRole, 200, "seniorOfficerRole");
        if (errors.Required(request.SeniorOfficerEmail, "seniorOfficerEmail")
            && (request.SeniorOfficerEmail.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(request.SeniorOfficerEmail.Trim(), out _)))
            errors.Add("seniorOfficerEmail", "'seniorOfficerEmail' must be the senior officer's e-mail address: the concern is sent there at once (¶70).");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var issue = new IssueOfConcern
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Category = request.Category!, Description = request.Description!.Trim(),
            ChildReference = request.ChildReference?.Trim(), Agency = request.Agency!, SeniorOfficerName = request.SeniorOfficerName!.Trim(),
            SeniorOfficerRole = request.SeniorOfficerRole!.Trim(), SeniorOfficerEmail = request.SeniorOfficerEmail!.Trim(),
            RaisedBy = user.Id(), RaisedByName = user.DisplayName(), RaisedByInspectorate = user.Inspectorate()!, RaisedAt = now,
        };
        db.Add(issue);
        // "At once" (¶70): the notice is queued with the record and leaves through the outbox whatever the
        // broker's state; the senior officer counts as notified when it is delivered.
        issue.NoticeDeliveryId = notices.Queue(IssueOfConcernNotice.For(issue, inspection)).Id;
        outbox.Publish(new IssueOfConcernRaised(inspectionId, issue.Id, issue.Category, issue.Agency, issue.SeniorOfficerName,
            issue.SeniorOfficerRole, issue.RaisedBy, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ofsted/issues-of-concern/inspections/{inspectionId}/{issue.Id}", IssueOfConcernView.From(issue));
    }

    private static async Task<Ok<List<IssueOfConcernView>>> List(Guid inspectionId, OfstedDbContext db, CancellationToken ct) =>
        await Listed(inspectionId, openOnly: false, db, ct);

    /// <summary>Open issues, oldest first: the lead follows each up at the KIT meetings (¶71).</summary>
    private static async Task<Ok<List<IssueOfConcernView>>> KitFollowUp(Guid inspectionId, OfstedDbContext db, CancellationToken ct) =>
        await Listed(inspectionId, openOnly: true, db, ct);

    private static async Task<Ok<List<IssueOfConcernView>>> Listed(Guid inspectionId, bool openOnly, OfstedDbContext db, CancellationToken ct)
    {
        var issues = await db.Set<IssueOfConcern>().AsNoTracking()
            .Where(i => i.InspectionId == inspectionId && (!openOnly || i.ClosedAt == null))
            .OrderBy(i => i.RaisedAt).ToListAsync(ct);
        return TypedResults.Ok(issues.Select(IssueOfConcernView.From).ToList());
    }

    private static async Task<Results<Ok<IssueOfConcernView>, NotFound>> Get(
        Guid inspectionId, Guid issueId, Standing standing, OfstedDbContext db, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        issue.EnsureSeniorOfficerIfPartner(standing);
        return TypedResults.Ok(IssueOfConcernView.From(issue));
    }

    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, ClaimsPrincipal user, Standing standing, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        issue.EnsureSeniorOfficerIfPartner(standing);
        if (Text(request, out var text) is { } invalid) return invalid;
        Open(issue);
        if (issue.ResponseAt is not null) throw new DomainRuleException("one-written-response", "The senior officer's written response is already recorded.");
        issue.Response = text;
        issue.ResponseRecordedBy = user.Id();
        issue.ResponseAt = clock.GetUtcNow();
        return await Saved(db, issue, ct);
    }

    /// <summary>The raising inspector and the lead each evaluate the response; once both have, it is shared with the senior officer.</summary>
    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Evaluate(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, ClaimsPrincipal user, Standing standing, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        issue.EnsureEvaluatedByRaiserOrLead(standing);
        var raiser = issue.IsRaiser(standing);
        var lead = standing.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted);
        if (Text(request, out var text) is { } invalid) return invalid;
        Open(issue);
        if (issue.ResponseAt is null)
            throw new DomainRuleException("evaluate-after-response", "The senior officer's written response must be recorded before it is evaluated.");
        var now = clock.GetUtcNow();
        if (raiser) { issue.InspectorEvaluation = text; issue.InspectorEvaluatedAt = now; }
        if (lead) { issue.LeadEvaluation = text; issue.LeadEvaluatedBy = user.Id(); issue.LeadEvaluatedAt = now; }
        if (issue.InspectorEvaluatedAt is not null && issue.LeadEvaluatedAt is not null) issue.EvaluationSharedAt ??= now;
        return await Saved(db, issue, ct);
    }

    /// <summary>The lead inspector and the senior officer both sign the final record; the second signature closes it.</summary>
    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Sign(
        Guid inspectionId, Guid issueId, ClaimsPrincipal user, Standing standing, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        issue.EnsureSeniorOfficerIfPartner(standing);
        var lead = standing.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted);
        var officer = !lead;
        Open(issue);
        if (issue.EvaluationSharedAt is null)
            throw new DomainRuleException("sign-after-evaluation", "Both the raising inspector's and the lead's evaluations must be shared before the record is signed.");
        var now = clock.GetUtcNow();
        if (lead) { issue.LeadSignedBy ??= user.Id(); issue.LeadSignedAt ??= now; }
        if (officer) { issue.SeniorOfficerSignedBy ??= user.DisplayName(); issue.SeniorOfficerSignedAt ??= now; }
        if (issue.LeadSignedAt is not null && issue.SeniorOfficerSignedAt is not null) issue.ClosedAt = now;
        return await Saved(db, issue, ct);
    }

    private static Task<IssueOfConcern?> Find(OfstedDbContext db, Guid inspectionId, Guid issueId, CancellationToken ct) =>
        db.Set<IssueOfConcern>().SingleOrDefaultAsync(i => i.Id == issueId && i.InspectionId == inspectionId, ct);

    private static void Open(IssueOfConcern issue)
    {
        if (issue.ClosedAt is not null) throw new DomainRuleException("issue-closed", "The issue of concern is signed and closed.");
    }

    private static ValidationProblem? Text(ConcernTextRequest request, out string text)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 10_000, "text");
        text = request.Text?.Trim() ?? "";
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : null;
    }

    private static async Task<Ok<IssueOfConcernView>> Saved(OfstedDbContext db, IssueOfConcern issue, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("one-step-at-a-time", "The issue of concern changed while this step was recorded: read it again.");
        }
        return TypedResults.Ok(IssueOfConcernView.From(issue));
    }
}

public sealed class IssuesOfConcernPurgeTarget : IPurgeTarget
{
    public async Task<IReadOnlyDictionary<string, int>> Purge(InspectorateDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["issues_of_concern"] = await db.Set<IssueOfConcern>().Where(i => ids.Contains(i.InspectionId)).ExecuteDeleteAsync(ct),
        };
}
