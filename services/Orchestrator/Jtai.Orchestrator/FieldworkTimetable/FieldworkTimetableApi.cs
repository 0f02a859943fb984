using System.Security.Claims;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.Orchestrator.SetUp;
using Jtai.Orchestrator.Team;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.FieldworkTimetable;

public sealed record TimetableEntryBody(string? Activity, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Mode, string? With,
    List<string?>? Inspectors, string? Location, string? Notes);

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
        Guid? Held(TimetableEntry t) => meetings.FirstOrDefault(m => m.Kind == t.Activity && Day(m.StartedAt) == Day(t.StartsAt))?.Id;
        return TypedResults.Ok(entries.Select(t => new TimetableEntryView(t.Id, t.Activity, LondonTime.ToLondon(t.StartsAt), LondonTime.ToLondon(t.EndsAt),
            t.Mode, t.With, t.Inspectors, t.Location, t.Notes, t.CreatedAt, t.CreatedBy, t.ChangedAt, t.ChangedBy, Held(t))).ToList());
    }

    private static async Task<Results<Created<TimetableEntryView>, ValidationProblem>> Add(
        Guid inspectionId, TimetableEntryBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = await Validate(db, inspectionId, body, ct);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var entry = new TimetableEntry
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Activity = body.Activity!, Mode = body.Mode!, CreatedAt = clock.GetUtcNow(), CreatedBy = user.Id(),
        };
        Apply(entry, body);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/fieldwork-timetable/{entry.Id}", View(entry));
    }

    /// <summary>¶32: the timetable stays flexible; a change is dated so the link person can pass it on.</summary>
    private static async Task<Results<Ok<TimetableEntryView>, ValidationProblem, NotFound>> Change(
        Guid inspectionId, Guid entryId, TimetableEntryBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<TimetableEntry>().SingleOrDefaultAsync(t => t.Id == entryId && t.InspectionId == inspectionId, ct) is not { } entry)
            return TypedResults.NotFound();
        var errors = await Validate(db, inspectionId, body, ct);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        entry.Activity = body.Activity!;
        entry.Mode = body.Mode!;
        Apply(entry, body);
        (entry.ChangedAt, entry.ChangedBy) = (clock.GetUtcNow(), user.Id());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("timetable-changed", "The arrangement changed meanwhile (another request won): read the timetable again.");
        }
        return TypedResults.Ok(View(entry));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid inspectionId, Guid entryId, OrchestratorDbContext db, CancellationToken ct)
    {
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        return await db.Set<TimetableEntry>().Where(t => t.Id == entryId && t.InspectionId == inspectionId).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static void Apply(TimetableEntry entry, TimetableEntryBody body)
    {
        entry.StartsAt = body.StartsAt!.Value;
        entry.EndsAt = body.EndsAt!.Value;
        entry.With = Trimmed(body.With);
        entry.Inspectors = body.Inspectors!.Select(i => i!.Trim()).Distinct().ToList();
        entry.Location = Trimmed(body.Location);
        entry.Notes = Trimmed(body.Notes);
    }

    private static async Task<RequestErrors> Validate(OrchestratorDbContext db, Guid inspectionId, TimetableEntryBody body, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.Activity, "activity")) errors.OneOf(body.Activity, TimetableActivities.All, "activity");
        if (errors.Required(body.Mode, "mode")) errors.OneOf(body.Mode, MeetingModes.All, "mode");
        errors.Required(body.StartsAt, "startsAt");
        if (errors.Required(body.EndsAt, "endsAt") && body.EndsAt <= body.StartsAt) errors.Add("endsAt", "'endsAt' must be after 'startsAt'.");
        errors.MaxLength(body.With, 500, "with");
        errors.MaxLength(body.Location, 200, "location");
        errors.MaxLength(body.Notes, 2000, "notes");
        if (body.Inspectors is not { Count: > 0 }) errors.Add("inspectors", "'inspectors' names at least one member of the team taking part.");
        else
        {
            var team = await db.Set<TeamAssignment>().AsNoTracking().Where(a => a.InspectionId == inspectionId).Select(a => a.UserId).ToListAsync(ct);
            for (var i = 0; i < body.Inspectors.Count; i++)
                if (errors.Required(body.Inspectors[i], $"inspectors[{i}]") && !team.Contains(body.Inspectors[i]!.Trim()))
                    errors.Add($"inspectors[{i}]", $"'{body.Inspectors[i]}' is not on the inspection's team.");
        }
        if (errors.Any) return errors;

        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        // The lower bound is the stage (notified, checked above): the area may be notified earlier than the notification milestone.
        var dates = await db.Set<InspectionMilestone>().AsNoTracking()
            .Where(m => m.InspectionId == inspectionId && (m.Key == MilestoneKeys.FieldworkStart || m.Key == MilestoneKeys.FieldworkEnd))
            .ToDictionaryAsync(m => m.Key, m => m.Date, ct);
        var (start, end) = (dates[MilestoneKeys.FieldworkStart], dates[MilestoneKeys.FieldworkEnd]);
        var day = Day(body.StartsAt!.Value);
        var problem = body.Activity switch
        {
            MeetingKinds.InitialMeeting when day != start => $"The initial meeting is on the first day of fieldwork, {start:yyyy-MM-dd} (¶37).",
            { } k when MeetingKinds.DuringFieldwork.Contains(k) && (day < start || day > end) =>
                $"A {k} is in the fieldwork week, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.",
            { } k when MeetingKinds.BeforeFieldwork.Contains(k) && day >= start => $"A {k} is before fieldwork starts on {start:yyyy-MM-dd}.",
            _ when day > end => $"The timetable ends with fieldwork, on {end:yyyy-MM-dd}.",
            _ => null,
        };
        if (problem is not null) errors.Add("startsAt", problem);
        return errors;
    }

    private static TimetableEntryView View(TimetableEntry t) => new(t.Id, t.Activity, LondonTime.ToLondon(t.StartsAt), LondonTime.ToLondon(t.EndsAt), t.Mode,
        t.With, t.Inspectors, t.Location, t.Notes, t.CreatedAt, t.CreatedBy, t.ChangedAt, t.ChangedBy, null);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(LondonTime.ToLondon(at).DateTime);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
