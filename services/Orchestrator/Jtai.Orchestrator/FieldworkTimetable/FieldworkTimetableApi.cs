using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.Orchestrator.SetUp;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.FieldworkTimetable;

/// <summary>
/// ¶31–32: the Ofsted lead coordinates the fieldwork timetable and the CQC and HMICFRS leads add their agencies' arrangements;
/// the area's partners read it (¶32: the link person keeps local leaders and practitioners aware of it and of its changes).
/// </summary>
public static class FieldworkTimetableApi
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/fieldwork-timetable";

    public static IEndpointRouteBuilder MapFieldworkTimetableApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Fieldwork timetable");
        group.MapGet("/", List).RequireStanding(SetUpStage.Readers);
        group.MapPost("/", Add).RequireStanding(Rules.LeadsOnTeam);
        group.MapPut("/{entryId:guid}", Change).RequireStanding(Rules.LeadsOnTeam);
        group.MapDelete("/{entryId:guid}", Remove).RequireStanding(Rules.LeadsOnTeam);
        return app;
    }

    private static async Task<Ok<List<TimetableEntryView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var entries = await db.Set<TimetableEntry>().AsNoTracking().Where(t => t.InspectionId == inspectionId).OrderBy(t => t.StartsAt).ToListAsync(ct);
        var meetings = await db.Set<InspectionMeeting>().AsNoTracking().Where(m => m.InspectionId == inspectionId)
            .Select(m => new { m.Id, m.Kind, m.StartedAt }).ToListAsync(ct);
        // A planned meeting is held when a meeting of its kind is recorded as started on the day it was planned for.
        Guid? Held(TimetableEntry t) =>
            meetings.FirstOrDefault(m => m.Kind == t.Activity && TimetableEntry.Day(m.StartedAt) == TimetableEntry.Day(t.StartsAt))?.Id;
        return TypedResults.Ok(entries.Select(t => TimetableEntryView.From(t, Held(t))).ToList());
    }

    private static async Task<Results<Created<TimetableEntryView>, ValidationProblem>> Add(
        Guid inspectionId, TimetableEntryBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.CheckArrangement(inspectionId, body, ct) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var entry = TimetableEntry.Plan(inspectionId, body, user.Id(), clock.GetUtcNow());
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/fieldwork-timetable/{entry.Id}", TimetableEntryView.From(entry));
    }

    /// <summary>¶32: the timetable stays flexible; a change is dated so the link person can pass it on.</summary>
    private static async Task<Results<Ok<TimetableEntryView>, ValidationProblem, NotFound>> Change(
        Guid inspectionId, Guid entryId, TimetableEntryBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<TimetableEntry>().SingleOrDefaultAsync(t => t.Id == entryId && t.InspectionId == inspectionId, ct) is not { } entry)
            return TypedResults.NotFound();
        if (await db.CheckArrangement(inspectionId, body, ct) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        entry.Change(body, user.Id(), clock.GetUtcNow());
        await db.SaveTimetableChange(ct);
        return TypedResults.Ok(TimetableEntryView.From(entry));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid inspectionId, Guid entryId, OrchestratorDbContext db, CancellationToken ct)
    {
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        return await db.Set<TimetableEntry>().Where(t => t.Id == entryId && t.InspectionId == inspectionId).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }
}
