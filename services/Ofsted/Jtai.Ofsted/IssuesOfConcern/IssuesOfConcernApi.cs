using System.Security.Claims;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Retention;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Outbox;
using Jtai.Notices;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Ofsted.IssuesOfConcern;

/// <summary>
/// Issues of concern (¶70–71). Team members of any inspectorate raise and evaluate them; the
/// senior officer (a partner agency's token for that area and agency) reads, responds and signs;
/// the lead inspector may also record a written response handed over in a KIT meeting.
/// The steps' rules are <see cref="IssueOfConcern"/>'s.
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
            .WithTags("Issues of concern")
            .ValidateRequests();
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

    /// <summary>What the issue-of-concern steps need: storage, the caller and their standing, the clock.</summary>
    public sealed record ConcernServices(OfstedDbContext Db, ClaimsPrincipal User, Standing Standing, TimeProvider Clock, CancellationToken Ct)
    {
        public Task<IssueOfConcern?> Find(Guid inspectionId, Guid issueId) =>
            Db.Set<IssueOfConcern>().SingleOrDefaultAsync(i => i.Id == issueId && i.InspectionId == inspectionId, Ct);

        public async Task<Ok<IssueOfConcernView>> Saved(IssueOfConcern issue)
        {
            await Db.SaveStep(Ct);
            return TypedResults.Ok(IssueOfConcernView.From(issue));
        }
    }

    private static async Task<Results<Created<IssueOfConcernView>, ValidationProblem, NotFound>> Raise(
        Guid inspectionId, RaiseConcernRequest request, ClaimsPrincipal user, OfstedDbContext db, IOutbox outbox, INotices notices, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var issue = IssueOfConcern.Raise(inspectionId, request, user.Id(), user.DisplayName(), user.Inspectorate()!, now);
        db.Add(issue);
        // "At once" (¶70): the notice is queued with the record and leaves through the outbox whatever the
        // broker's state; the senior officer counts as notified when it is delivered.
        issue.NoticeDeliveryId = notices.Queue(IssueOfConcernNotice.For(issue, inspection)).Id;
        outbox.Publish(new IssueOfConcernRaised(inspectionId, issue.Id, issue.Category, issue.Agency, issue.SeniorOfficerName,
            issue.SeniorOfficerRole, issue.RaisedBy, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ofsted/issues-of-concern/inspections/{inspectionId}/{issue.Id}", IssueOfConcernView.From(issue));
    }

    /// <summary>The inspection's issues, oldest raised first, a page at a time (<c>?limit=&amp;after=</c>; keyset on when raised and the id).</summary>
    private static Task<Results<Ok<Page<IssueOfConcernView>>, ValidationProblem>> List(
        Guid inspectionId, [AsParameters] PageQuery page, OfstedDbContext db, CancellationToken ct) =>
        Listed(inspectionId, openOnly: false, page, db, ct);

    /// <summary>Open issues, oldest first, paged as the whole list: the lead follows each up at the KIT meetings (¶71).</summary>
    private static Task<Results<Ok<Page<IssueOfConcernView>>, ValidationProblem>> KitFollowUp(
        Guid inspectionId, [AsParameters] PageQuery page, OfstedDbContext db, CancellationToken ct) =>
        Listed(inspectionId, openOnly: true, page, db, ct);

    private static async Task<Results<Ok<Page<IssueOfConcernView>>, ValidationProblem>> Listed(
        Guid inspectionId, bool openOnly, PageQuery page, OfstedDbContext db, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var issues = db.Set<IssueOfConcern>().AsNoTracking().Where(i => i.InspectionId == inspectionId && (!openOnly || i.ClosedAt == null));
        if (page.AfterAs<InstantCursor>() is { } after)
            issues = issues.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.RaisedAt, i.Id), ValueTuple.Create(after.At, after.Id)));
        var rows = await issues.OrderBy(i => i.RaisedAt).ThenBy(i => i.Id).Take(page.Size + 1).ToListAsync(ct);
        var shown = page.PageOf(rows, i => new InstantCursor(i.RaisedAt, i.Id));
        return TypedResults.Ok(new Page<IssueOfConcernView>(shown.Items.Select(IssueOfConcernView.From).ToList(), shown.Next));
    }

    private static async Task<Results<Ok<IssueOfConcernView>, NotFound>> Get(Guid inspectionId, Guid issueId, [AsParameters] ConcernServices s)
    {
        if (await s.Find(inspectionId, issueId) is not { } issue) return TypedResults.NotFound();
        issue.EnsureSeniorOfficerIfPartner(s.Standing);
        return TypedResults.Ok(IssueOfConcernView.From(issue));
    }

    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, [AsParameters] ConcernServices s)
    {
        if (await s.Find(inspectionId, issueId) is not { } issue) return TypedResults.NotFound();
        issue.RecordResponse(s.Standing, request.Text!, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(issue);
    }

    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Evaluate(
        Guid inspectionId, Guid issueId, ConcernTextRequest request, [AsParameters] ConcernServices s)
    {
        if (await s.Find(inspectionId, issueId) is not { } issue) return TypedResults.NotFound();
        issue.Evaluate(s.Standing, request.Text!, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(issue);
    }

    private static async Task<Results<Ok<IssueOfConcernView>, ValidationProblem, NotFound>> Sign(Guid inspectionId, Guid issueId, [AsParameters] ConcernServices s)
    {
        if (await s.Find(inspectionId, issueId) is not { } issue) return TypedResults.NotFound();
        issue.Sign(s.Standing, s.User.Id(), s.User.DisplayName(), s.Clock.GetUtcNow());
        return await s.Saved(issue);
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
