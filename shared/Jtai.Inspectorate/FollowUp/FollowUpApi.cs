using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// The reads every inspectorate's follow-up has: its own staff list and read its follow-ups (the
/// changes are each service's own endpoints, on the group returned); partner agencies read the
/// ones concerning their own area and agency.
/// </summary>
public static class FollowUpApi
{
    public static RouteGroupBuilder MapFollowUpReads(this IEndpointRouteBuilder app, string inspectorate)
    {
        app.MapGet($"/api/{inspectorate}/partner/follow-ups", ForPartner)
            .RequireStanding(Rules.Partners)
            .WithTags("Follow-up");

        var group = app.MapGroup($"/api/{inspectorate}/follow-ups")
            .RequireStanding(Rules.StaffOf(inspectorate))
            .WithTags("Follow-up");
        group.MapGet("/", List);
        group.MapGet("/{followUpId:guid}", Get);
        return group;
    }

    /// <summary>
    /// This inspectorate's follow-ups (of one inspection with <c>?inspectionId=</c>), oldest opened first, a page at a time
    /// (<c>?limit=&amp;after=</c>; keyset on the moment opened and the id): they grow with every inspection's priority actions.
    /// </summary>
    private static async Task<Results<Ok<Page<FollowUpListItem>>, ValidationProblem>> List(
        Guid? inspectionId, [AsParameters] PageQuery page, FollowUps followUps, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var cases = followUps.Cases.AsNoTracking()
            .Where(f => f.Inspectorate == followUps.Inspectorate && (inspectionId == null || f.InspectionId == inspectionId));
        var rows = await InOrder(cases, page)
            .Select(f => new FollowUpListItem(f.Id, f.InspectionId, f.PriorityActionId, f.Process, f.State, f.Coordinated, f.LocalAreaCode, f.OpenedAt, f.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(page.PageOf(rows, f => new InstantCursor(f.OpenedAt, f.Id)));
    }

    /// <summary>The page's rows of a list of follow-ups, oldest opened first, and one more to tell whether another page follows.</summary>
    private static IQueryable<FollowUpCase> InOrder(IQueryable<FollowUpCase> cases, PageQuery page)
    {
        if (page.AfterAs<InstantCursor>() is { } after)
            cases = cases.Where(f => EF.Functions.GreaterThan(ValueTuple.Create(f.OpenedAt, f.Id), ValueTuple.Create(after.At, after.Id)));
        return cases.OrderBy(f => f.OpenedAt).ThenBy(f => f.Id).Take(page.Size + 1);
    }

    private static async Task<Results<Ok<FollowUpView>, NotFound>> Get(
        Guid followUpId, FollowUps followUps, InspectorateDbContext db, IFollowUpDetails details, CancellationToken ct) =>
        await followUps.Find(followUpId, ct) is { } followUp
            ? TypedResults.Ok(await View(followUp, db, details, ct))
            : TypedResults.NotFound();

    /// <summary>The full view after a change: the same shape as GET, so a client sees the new state and next steps.</summary>
    public static async Task<FollowUpView> View(FollowUpCase f, InspectorateDbContext db, IFollowUpDetails details, CancellationToken ct)
    {
        // Deadlines before history: a deadline's reminder or overdue point and its step commit together
        // and steps are only ever added, so a status read first always finds its step in the history.
        var deadlines = await Deadlines(db, f.Id, ct);
        var history = await db.Set<FollowUpStep>().AsNoTracking().Where(s => s.FollowUpId == f.Id).OrderBy(s => s.Id)
            .Select(s => new FollowUpStepView(s.Step, s.From, s.To, s.Note, s.By, s.At)).ToListAsync(ct);
        return new FollowUpView(f.Id, f.InspectionId, f.PriorityActionId, f.Inspectorate, f.Process, f.State,
            details.Lifecycle.StepsFrom(f.State), f.Coordinated, f.LocalAreaCode, f.LocalAreaName, f.Agencies, f.Text,
            f.LetterDate, f.PublishedDate, f.OpenedAt, f.UpdatedAt, deadlines, history, await details.ForStaff(f, ct));
    }

    /// <summary>
    /// Only the partner's own area (of one inspection with <c>?inspectionId=</c>), and only follow-ups of priority actions concerning its
    /// agency, oldest opened first, a page at a time as the staff's list.
    /// </summary>
    private static async Task<Results<Ok<Page<PartnerFollowUpView>>, ValidationProblem>> ForPartner(
        Guid? inspectionId, [AsParameters] PageQuery page, Standing standing, FollowUps followUps, InspectorateDbContext db,
        IFollowUpDetails details, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var area = standing.LocalArea;
        var agency = standing.Agency;
        if (agency is null || !details.AddressedTo.Contains(agency)) return TypedResults.Ok(new Page<PartnerFollowUpView>([], null));
        var visible = followUps.Cases.AsNoTracking()
            .Where(f => f.Inspectorate == followUps.Inspectorate && f.LocalAreaCode == area && f.Agencies.Contains(agency)
                && (inspectionId == null || f.InspectionId == inspectionId));
        var cases = page.PageOf(await InOrder(visible, page).ToListAsync(ct), f => new InstantCursor(f.OpenedAt, f.Id));
        var ids = cases.Items.Select(f => f.Id).ToList();
        var deadlines = (await db.Set<FollowUpDeadline>().AsNoTracking().Where(d => ids.Contains(d.FollowUpId)).OrderBy(d => d.DueOn).ToListAsync(ct))
            .ToLookup(d => d.FollowUpId, FollowUpDeadlineView.From);
        var views = new List<PartnerFollowUpView>();
        foreach (var f in cases.Items)
        {
            views.Add(new PartnerFollowUpView(f.Id, f.InspectionId, f.Inspectorate, f.Process, f.State, f.Text,
                deadlines[f.Id].ToList(), await details.ForPartner(f, ct)));
        }
        return TypedResults.Ok(new Page<PartnerFollowUpView>(views, cases.Next));
    }

    private static Task<List<FollowUpDeadlineView>> Deadlines(InspectorateDbContext db, Guid followUpId, CancellationToken ct) =>
        db.Set<FollowUpDeadline>().AsNoTracking().Where(d => d.FollowUpId == followUpId).OrderBy(d => d.DueOn)
            .Select(d => FollowUpDeadlineView.From(d)).ToListAsync(ct);
}
