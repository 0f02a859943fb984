using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Timeline;

public sealed record OverdueMilestone(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Status, string Key, DateTimeOffset DueAt, string Description, DateTimeOffset? ReachedAt);

/// <summary>
/// Statutory milestones past due and not met: read by the timeline's endpoints and by operations (the
/// threshold watch's gauge, the stuck-work view), so it lives here rather than in an endpoint class.
/// </summary>
public static class OverdueMilestones
{
    /// <summary>Due, not met, of an inspection still running; window ends cannot be overdue.</summary>
    public static IQueryable<OverdueMilestone> Query(OrchestratorDbContext db, TimeProvider clock, Guid? inspectionId)
    {
        var now = clock.GetUtcNow();
        var ended = Stages.Ended.ToList();
        var windows = Stages.WindowEnds.ToList();
        return from m in db.Set<InspectionMilestone>().AsNoTracking()
               join i in db.Inspections.AsNoTracking() on m.InspectionId equals i.Id
               where m.MetAt == null && m.DueAt <= now && !ended.Contains(i.Status) && !windows.Contains(m.Key)
                     && (inspectionId == null || i.Id == inspectionId)
               orderby m.DueAt, i.LocalAreaName
               select new OverdueMilestone(i.Id, i.LocalAreaCode, i.LocalAreaName, i.Status, m.Key, m.DueAt, m.Description, m.ReachedAt);
    }
}
