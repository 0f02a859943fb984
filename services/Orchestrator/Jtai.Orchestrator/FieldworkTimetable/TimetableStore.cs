using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.Orchestrator.SetUp;
using Jtai.Orchestrator.Team;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.FieldworkTimetable;

/// <summary>Checking an arrangement against the inspection (its team, its stage, its fieldwork week) and saving a change.</summary>
public static class TimetableStore
{
    public static async Task<RequestErrors> CheckArrangement(this OrchestratorDbContext db, Guid inspectionId, TimetableEntryBody body, CancellationToken ct)
    {
        var team = await db.Set<TeamAssignment>().AsNoTracking().Where(a => a.InspectionId == inspectionId).Select(a => a.UserId).ToListAsync(ct);
        var errors = body.Check(team);
        if (errors.Any) return errors;
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);
        // The lower bound is the stage (notified, checked above): the area may be notified earlier than the notification milestone.
        if (TimetableEntry.DayProblem(body.Activity!, body.StartsAt!.Value, await db.FieldworkWindow(inspectionId, ct)) is { } problem)
            errors.Add("startsAt", problem);
        return errors;
    }

    /// <summary>Saves a change, turning a lost race on the arrangement's row version into a 409 rather than a silent overwrite.</summary>
    public static async Task SaveTimetableChange(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("timetable-changed", "The arrangement changed meanwhile (another request won): read the timetable again.");
        }
    }
}
