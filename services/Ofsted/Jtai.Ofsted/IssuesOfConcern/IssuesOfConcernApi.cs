using System.Security.Claims;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Retention;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Team;
using Jtai.Messaging.Outbox;
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
        return builder;
    }

    public static IEndpointRouteBuilder MapIssuesOfConcern(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ofsted/issues-of-concern/inspections/{inspectionId:guid}")
            .RequireStanding(Rules.SignedIn)
            .WithTags("Issues of concern");
        group.MapPost("/", Raise);
        group.MapGet("/", List);
        group.MapGet("/kit-follow-up", KitFollowUp);
        group.MapGet("/{issueId:guid}", Get);
        group.MapPost("/{issueId:guid}/response", Respond);
        group.MapPost("/{issueId:guid}/evaluation", Evaluate);
        group.MapPost("/{issueId:guid}/signature", Sign);
        return app;
    }

    private static async Task<bool> IsLead(OfstedDbContext db, ClaimsPrincipal user, Guid inspectionId, CancellationToken ct)
    {
        if (!user.IsStaffOf(Inspectorates.Ofsted) || !user.HasRole(JtaiRoles.LeadInspector)) return false;
        var id = user.Id();
        return await db.TeamMembers.AnyAsync(m => m.InspectionId == inspectionId && m.UserId == id
            && m.Inspectorate == Inspectorates.Ofsted && m.TeamRole == JtaiRoles.LeadInspector, ct);
    }

    /// <summary>The senior officer: a partner token of the inspected area and of the agency the concern is about.</summary>
    private static async Task<bool> IsSeniorOfficer(OfstedDbContext db, ClaimsPrincipal user, IssueOfConcern issue, CancellationToken ct)
    {
        if (!user.IsPartner() || user.Agency() != issue.Agency) return false;
        var area = user.LocalArea();
        return await db.Inspections.AnyAsync(i => i.InspectionId == issue.InspectionId && i.LocalAreaCode == area, ct);
    }

    private static async Task<Results<Created<IssueOfConcernView>, ValidationProblem, NotFound, ForbidHttpResult>> Raise(
        Guid inspectionId, RaiseConcernRequest request, ClaimsPrincipal user, OfstedDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.IsOnTeam(user, inspectionId, null, ct)) return TypedResults.Forbid();
        if (!await db.Inspections.AnyAsync(i => i.InspectionId == inspectionId, ct)) return TypedResults.NotFound();
        var errors = new RequestErrors();
        if (errors.Required(request.Category, "category")) errors.OneOf(request.Category, ConcernCategories.All, "category");
        if (errors.Required(request.Description, "description") && errors.MaxLength(request.Description, 10_000, "description"))
            foreach (var name in Names.UnexplainedNamesIn(request.Description, []))
                errors.Add("description", $"The description names '{name}': refer to the child by case reference and initials (¶76).");
        errors.MaxLength(request.ChildReference, 50, "childReference");
        if (errors.Required(request.Agency, "agency")) errors.OneOf(request.Agency, Agencies.All, "agency");
        if (errors.Required(request.SeniorOfficerName, "seniorOfficerName")) errors.MaxLength(request.SeniorOfficerName, 200, "seniorOfficerName");
        if (errors.Required(request.SeniorOfficerRole, "seniorOfficerRole")) errors.MaxLength(request.SeniorOfficerRole, 200, "seniorOfficerRole");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var issue = new IssueOfConcern
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Category = request.Category!, Description = request.Description!.Trim(),
            ChildReference = request.ChildReference?.Trim(), Agency = request.Agency!, SeniorOfficerName = request.SeniorOfficerName!.Trim(),
            SeniorOfficerRole = request.SeniorOfficerRole!.Trim(), RaisedBy = user.Id(), RaisedByName = user.DisplayName(),
            RaisedByInspectorate = user.Inspectorate()!, RaisedAt = now, SeniorOfficerNotifiedAt = now,
        };
        db.Add(issue);
        // "At once": the notification leaves with the record, through the outbox, whatever the broker's state.
        outbox.Publish(new IssueOfConcernRaised(inspectionId, issue.Id, issue.Category, issue.Agency, issue.SeniorOfficerName,
            issue.SeniorOfficerRole, issue.RaisedBy, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ofsted/issues-of-concern/inspections/{inspectionId}/{issue.Id}", IssueOfConcernView.From(issue));
    }

    private static async Task<Results<Ok<List<IssueOfConcernView>>, ForbidHttpResult>> List(
        Guid inspectionId, ClaimsPrincipal user, OfstedDbContext db, CancellationToken ct) =>
        await Listed(inspectionId, openOnly: false, user, db, ct);

    /// <summary>Open issues, oldest first: the lead follows each up at the KIT meetings (¶71).</summary>
    private static async Task<Results<Ok<List<IssueOfConcernView>>, ForbidHttpResult>> KitFollowUp(
        Guid inspectionId, ClaimsPrincipal user, OfstedDbContext db, CancellationToken ct) =>
        await Listed(inspectionId, openOnly: true, user, db, ct);

    private static async Task<Results<Ok<List<IssueOfConcernView>>, ForbidHttpResult>> Listed(
        Guid inspectionId, bool openOnly, ClaimsPrincipal user, OfstedDbContext db, CancellationToken ct)
    {
        if (!await db.IsOnTeam(user, inspectionId, null, ct)) return TypedResults.Forbid();
        var issues = await db.Set<IssueOfConcern>().AsNoTracking()
            .Where(i => i.InspectionId == inspectionId && (!openOnly || i.ClosedAt == null))
            .OrderBy(i => i.RaisedAt).ToListAsync(ct);
        return TypedResults.Ok(issues.Select(IssueOfConcernView.From).ToList());
    }

    private static async Task<Results<Ok<IssueOfConcernView>, NotFound, ForbidHttpResult>> Get(
        Guid inspectionId, Guid issueId, ClaimsPrincipal user, OfstedDbContext db, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        if (!await db.IsOnTeam(user, inspectionId, null, ct) && !await IsSeniorOfficer(db, user, issue, ct)) return TypedResults.Forbid();
        return TypedResults.Ok(IssueOfConcernView.From(issue));
    }

    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound, ForbidHttpResult>> Respond(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        if (!await IsSeniorOfficer(db, user, issue, ct) && !await IsLead(db, user, inspectionId, ct)) return TypedResults.Forbid();
        if (Text(request, out var text) is { } invalid) return invalid;
        Open(issue);
        if (issue.ResponseAt is not null) throw new DomainRuleException("one-written-response", "The senior officer's written response is already recorded.");
        issue.Response = text;
        issue.ResponseRecordedBy = user.Id();
        issue.ResponseAt = clock.GetUtcNow();
        return await Saved(db, issue, ct);
    }

    /// <summary>The raising inspector and the lead each evaluate the response; once both have, it is shared with the senior officer.</summary>
    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound, ForbidHttpResult>> Evaluate(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        var raiser = user.IsStaff() && issue.RaisedBy == user.Id() && await db.IsOnTeam(user, inspectionId, null, ct);
        var lead = await IsLead(db, user, inspectionId, ct);
        if (!raiser && !lead) return TypedResults.Forbid();
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
    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound, ForbidHttpResult>> Sign(
        Guid inspectionId, Guid issueId, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(db, inspectionId, issueId, ct) is not { } issue) return TypedResults.NotFound();
        var lead = await IsLead(db, user, inspectionId, ct);
        var officer = !lead && await IsSeniorOfficer(db, user, issue, ct);
        if (!lead && !officer) return TypedResults.Forbid();
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
