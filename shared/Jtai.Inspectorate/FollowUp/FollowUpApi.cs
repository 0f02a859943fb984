using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

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

    private static async Task<Ok<List<FollowUpListItem>>> List(Guid? inspectionId, FollowUps followUps, CancellationToken ct) =>
        TypedResults.Ok(await followUps.Cases.AsNoTracking()
            .Where(f => f.Inspectorate == followUps.Inspectorate && (inspectionId == null || f.InspectionId == inspectionId))
            .OrderBy(f => f.OpenedAt)
            .Select(f => new FollowUpListItem(f.Id, f.InspectionId, f.PriorityActionId, f.Process, f.State, f.Coordinated, f.LocalAreaCode, f.OpenedAt, f.UpdatedAt))
            .ToListAsync(ct));

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

    /// <summary>Only the partner's own area, and only follow-ups of priority actions concerning its agency.</summary>
    private static async Task<Ok<List<PartnerFollowUpView>>> ForPartner(
        Standing standing, FollowUps followUps, InspectorateDbContext db, IFollowUpDetails details, CancellationToken ct)
    {
        var area = standing.LocalArea;
        var agency = standing.Agency;
        if (agency is null || !details.AddressedTo.Contains(agency)) return TypedResults.Ok(new List<PartnerFollowUpView>());
        var visible = await followUps.Cases.AsNoTracking()
            .Where(f => f.Inspectorate == followUps.Inspectorate && f.LocalAreaCode == area && f.Agencies.Contains(agency))
            .OrderBy(f => f.OpenedAt)
            .ToListAsync(ct);
        var views = new List<PartnerFollowUpView>();
        foreach (var f in visible)
        {
            views.Add(new PartnerFollowUpView(f.Id, f.InspectionId, f.Inspectorate, f.Process, f.State, f.Text,
                await Deadlines(db, f.Id, ct), await details.ForPartner(f, ct)));
        }
        return TypedResults.Ok(views);
    }

    private static Task<List<FollowUpDeadlineView>> Deadlines(InspectorateDbContext db, Guid followUpId, CancellationToken ct) =>
        db.Set<FollowUpDeadline>().AsNoTracking().Where(d => d.FollowUpId == followUpId).OrderBy(d => d.DueOn)
            .Select(d => FollowUpDeadlineView.From(d)).ToListAsync(ct);
}
