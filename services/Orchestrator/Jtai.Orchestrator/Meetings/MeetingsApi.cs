using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Meetings;

/// <summary>
/// The team records each meeting once it has taken place, with its real times and the people there;
/// the record, not a stage change, meets the meeting's milestone (on time or late).
/// </summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/meetings").WithTags("Meetings");
        group.MapPost("/", Record).RequireStanding(Rules.EvidenceGatherers);
        group.MapGet("/", List).RequireStanding(Rules.TeamOrNamedManagers);
        app.MapGet("/api/orchestrator/meetings/attendee-roles", Roles).WithTags("Meetings").RequireStanding(Rules.Staff);
        return app;
    }

    private static async Task<Results<Created<MeetingView>, NotFound, ValidationProblem>> Record(
        Guid inspectionId, RecordMeetingBody body, ClaimsPrincipal user, OrchestratorDbContext db, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var takingPart = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is { } planned
            ? frameworks.TakingPart(planned) : Inspectorates.All;
        var attendees = body.Check(now, takingPart, out var errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Meetings of one inspection are numbered against its milestones: the row lock orders concurrent records.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE id = {inspectionId} FOR UPDATE", ct);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        InspectionMeeting.EnsureHeldFor(inspection);
        var window = await db.FieldworkWindow(inspectionId, ct);
        if (InspectionMeeting.Record(inspectionId, window, body, attendees, user.Id(), now, errors) is not { } meeting)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        await db.MeetMilestones(inspectionId, meeting.Kind, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/meetings/{meeting.Id}", MeetingView.From(meeting));
    }

    /// <summary>The roles an attendee may be recorded as, and whom each kind of meeting expects (kept and flagged when absent).</summary>
    private static Ok<AttendeeRolesView> Roles() => TypedResults.Ok(new AttendeeRolesView(
        [.. AttendeeRoles.All.Select(r => new AttendeeRoleView(r.Key, r.Name))],
        MeetingKinds.All.ToDictionary(k => k, k => AttendeeRoles.ExpectedAt(k))));

    private static async Task<Ok<List<MeetingView>>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var meetings = await db.Set<InspectionMeeting>().AsNoTracking().Where(m => m.InspectionId == inspectionId)
            .OrderBy(m => m.StartedAt).ToListAsync(ct);
        return TypedResults.Ok(meetings.Select(MeetingView.From).ToList());
    }
}
