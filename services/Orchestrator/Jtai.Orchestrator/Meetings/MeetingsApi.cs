using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Orchestrator.Inspections;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Meetings;

/// <summary>An attendee: <c>role</c> is one of the known roles (GET …/meetings/attendee-roles) by key or words, or <c>other</c> with <c>roleDescription</c>.</summary>
public sealed record MeetingAttendeeBody(string? Role, string? Organisation, string? Name, string? RoleDescription = null);

public sealed record RecordMeetingBody(string? Kind, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Mode,
    IReadOnlyList<MeetingAttendeeBody?>? Attendees, string? Notes);

public sealed record AttendeeRoleView(string Key, string Name);

public sealed record AttendeeRolesView(IReadOnlyList<AttendeeRoleView> Roles, IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedAt);

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
        var errors = new RequestErrors();
        if (errors.Required(body.Kind, "kind")) errors.OneOf(body.Kind, MeetingKinds.All, "kind");
        if (errors.Required(body.Mode, "mode")) errors.OneOf(body.Mode, MeetingModes.All, "mode");
        if (errors.Required(body.StartedAt, "startedAt") && body.StartedAt > now)
            errors.Add("startedAt", "'startedAt' is in the future: a meeting is recorded once it has taken place.");
        if (body.EndedAt is { } ended && (ended < body.StartedAt || ended > now))
            errors.Add("endedAt", "'endedAt' must be after 'startedAt' and not in the future.");
        errors.MaxLength(body.Notes, 4000, "notes");
        var attendees = Attendees(body.Attendees, errors);
        var takingPart = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is { } planned
            ? frameworks.TakingPart(planned) : Inspectorates.All;
        if (body.Kind is { } kind && MeetingKinds.EveryInspectorateAttends.Contains(kind))
            foreach (var missing in takingPart.Where(i => !attendees.Any(a => a.Organisation == i)))
                errors.Add("attendees", $"The {kind} is attended by at least one inspector of each inspectorate (¶37, ¶43): none of {missing} is listed.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Meetings of one inspection are numbered against its milestones: the row lock orders concurrent records.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE id = {inspectionId} FOR UPDATE", ct);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();
        if (inspection.Status is Stages.Scheduled or Stages.Cancelled)
            throw new DomainRuleException("meeting-stage", $"An inspection that is '{inspection.Status}' has no meetings: they follow notification (¶16–20).");
        var window = await Window(db, inspectionId, ct);
        var day = DateOnly.FromDateTime(LondonTime.ToLondon(body.StartedAt!.Value).DateTime);
        var problem = body.Kind switch
        {
            MeetingKinds.InitialMeeting when day != window.Start =>
                $"The initial meeting is held on the first day of fieldwork, {window.Start:yyyy-MM-dd} (¶37), not {day:yyyy-MM-dd}.",
            { } k when MeetingKinds.DuringFieldwork.Contains(k) && (day < window.Start || day > window.End) =>
                $"A {k} is held in the fieldwork week, {window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd}, not on {day:yyyy-MM-dd}.",
            { } k when MeetingKinds.BeforeFieldwork.Contains(k) && day >= window.Start =>
                $"A {k} is held before fieldwork starts on {window.Start:yyyy-MM-dd}, not on {day:yyyy-MM-dd}.",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add("startedAt", problem);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var meeting = new InspectionMeeting
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = body.Kind!, StartedAt = body.StartedAt.Value, EndedAt = body.EndedAt,
            Mode = body.Mode!, Attendees = attendees, Notes = body.Notes?.Trim(), RecordedAt = now, RecordedBy = user.Id(),
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        await MeetMilestones(db, inspectionId, meeting.Kind, ct);
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

    private static List<MeetingAttendee> Attendees(IReadOnlyList<MeetingAttendeeBody?>? body, RequestErrors errors)
    {
        if (body is null || body.Count == 0)
        {
            errors.Add("attendees", "'attendees' lists who was at the meeting (¶72: evidence records the people and times of meetings).");
            return [];
        }
        if (body.Count > 100) errors.Add("attendees", "'attendees' lists at most 100 people.");
        var list = new List<MeetingAttendee>();
        for (var i = 0; i < body.Count && i < 100; i++)
        {
            var a = body[i];
            var ok = errors.Required(a?.Role, $"attendees[{i}].role") & errors.Required(a?.Organisation, $"attendees[{i}].organisation");
            ok &= errors.MaxLength(a?.Role, 200, $"attendees[{i}].role") & errors.MaxLength(a?.Organisation, 200, $"attendees[{i}].organisation")
                & errors.MaxLength(a?.Name, 200, $"attendees[{i}].name") & errors.MaxLength(a?.RoleDescription, 200, $"attendees[{i}].roleDescription");
            var role = AttendeeRoles.Find(a?.Role);
            if (ok && role is null)
            {
                errors.Add($"attendees[{i}].role", $"'{a!.Role}' is not a role the guidance names: one of {string.Join(", ", AttendeeRoles.All.Select(r => r.Key))}"
                    + " (or their words, e.g. 'chair of the MASA'); anyone else is 'other' with 'roleDescription'.");
                ok = false;
            }
            if (ok && role!.Key == AttendeeRoles.Other && string.IsNullOrWhiteSpace(a!.RoleDescription))
            {
                errors.Add($"attendees[{i}].roleDescription", "'roleDescription' says what the role of an attendee who is 'other' is.");
                ok = false;
            }
            if (ok)
                list.Add(new MeetingAttendee
                {
                    Role = role!.Key, RoleDescription = string.IsNullOrWhiteSpace(a!.RoleDescription) ? null : a.RoleDescription.Trim(),
                    Organisation = a.Organisation!.Trim().ToLowerInvariant(), Name = a.Name?.Trim(),
                });
        }
        return list;
    }

    private static async Task<(DateOnly Start, DateOnly End)> Window(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var dates = await db.Set<InspectionMilestone>().AsNoTracking()
            .Where(m => m.InspectionId == inspectionId && (m.Key == MilestoneKeys.FieldworkStart || m.Key == MilestoneKeys.FieldworkEnd))
            .ToDictionaryAsync(m => m.Key, m => m.Date, ct);
        return (dates[MilestoneKeys.FieldworkStart], dates[MilestoneKeys.FieldworkEnd]);
    }

    /// <summary>
    /// The n-th meeting of a kind meets the n-th milestone of the kind (the first KIT meeting the Wednesday one,
    /// the second the Thursday one), at the time it started: on time or late as it really was.
    /// </summary>
    private static async Task MeetMilestones(OrchestratorDbContext db, Guid inspectionId, string kind, CancellationToken ct)
    {
        var keys = MeetingKinds.Meets(kind);
        if (keys.Count == 0) return;
        var held = await db.Set<InspectionMeeting>().Where(m => m.InspectionId == inspectionId && m.Kind == kind)
            .OrderBy(m => m.StartedAt).Select(m => m.StartedAt).ToListAsync(ct);
        var milestones = await db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspectionId && keys.Contains(m.Key))
            .OrderBy(m => m.DueAt).ToListAsync(ct);
        foreach (var (milestone, startedAt) in milestones.Zip(held))
        {
            if (milestone.MetBy is not null && milestone.MetBy != MeetingKinds.MetBy) continue;
            milestone.MetAt = startedAt;
            milestone.MetBy = MeetingKinds.MetBy;
        }
    }
}
