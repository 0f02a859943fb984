using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Timeline;

public sealed record OverdueMilestone(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Status, string Key, DateTimeOffset DueAt, string Description, DateTimeOffset? ReachedAt);

/// <summary>
/// Statutory milestones past due and not met: read by the timeline's endpoints and by operations (the
/// threshold watch's gauge, the stuck-work view), so it lives here rather than in an endpoint class.
/// </summary>
public static class OverdueMilestones
{
    /// <summary>
    /// Due, not met, of an inspection still running; window ends cannot be overdue. Ordered by due time and
    /// local area, then inspection and milestone (ties), which is also the cursor of the paged list.
    /// </summary>
    public static IQueryable<OverdueMilestone> Query(OrchestratorDbContext db, TimeProvider clock, Guid? inspectionId, InstantNameCursor? after = null)
    {
        var now = clock.GetUtcNow();
        var ended = Stages.Ended.ToList();
        var windows = Stages.WindowEnds.ToList();
        var rows = from m in db.Set<InspectionMilestone>().AsNoTracking()
                   join i in db.Inspections.AsNoTracking() on m.InspectionId equals i.Id
                   where m.MetAt == null && m.DueAt <= now && !ended.Contains(i.Status) && !windows.Contains(m.Key)
                         && (inspectionId == null || i.Id == inspectionId)
                   select new { Milestone = m, Inspection = i };
        // The first condition is implied by the second but only it can be read from the due-time index (the row
        // comparison spans both tables): a later page starts where the cursor is, not at the list's beginning.
        if (after is { } a)
            rows = rows.Where(r => r.Milestone.DueAt >= a.At && EF.Functions.GreaterThan(
                ValueTuple.Create(r.Milestone.DueAt, r.Inspection.LocalAreaName, r.Inspection.Id, r.Milestone.Key),
                ValueTuple.Create(a.At, a.Name, a.Id, a.Key)));
        return from r in rows
               orderby r.Milestone.DueAt, r.Inspection.LocalAreaName, r.Inspection.Id, r.Milestone.Key
               select new OverdueMilestone(r.Inspection.Id, r.Inspection.LocalAreaCode, r.Inspection.LocalAreaName, r.Inspection.Status,
                   r.Milestone.Key, r.Milestone.DueAt, r.Milestone.Description, r.Milestone.ReachedAt);
    }

    /// <summary>One page of the overdue milestones across inspections (call after the query's problems are checked).</summary>
    public static async Task<Page<OverdueMilestone>> Paged(OrchestratorDbContext db, TimeProvider clock, PageQuery page, CancellationToken ct)
    {
        var rows = await Query(db, clock, null, page.AfterAs<InstantNameCursor>()).Take(page.Size + 1).ToListAsync(ct);
        return page.PageOf(rows, m => new InstantNameCursor(m.DueAt, m.LocalAreaName, m.InspectionId, m.Key));
    }
}
