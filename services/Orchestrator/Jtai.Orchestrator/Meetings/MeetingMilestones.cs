using Jtai.Calendar.Timeline;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Meetings;

/// <summary>Meetings against the inspection's timeline: the fieldwork week they are held in, and the milestones they meet.</summary>
public static class MeetingMilestones
{
    public static async Task<FieldworkWindow> FieldworkWindow(this OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var dates = await db.Set<InspectionMilestone>().AsNoTracking()
            .Where(m => m.InspectionId == inspectionId && (m.Key == MilestoneKeys.FieldworkStart || m.Key == MilestoneKeys.FieldworkEnd))
            .ToDictionaryAsync(m => m.Key, m => m.Date, ct);
        return new FieldworkWindow(dates[MilestoneKeys.FieldworkStart], dates[MilestoneKeys.FieldworkEnd]);
    }

    /// <summary>
    /// The n-th meeting of a kind meets the n-th milestone of the kind (the first KIT meeting the Wednesday one,
    /// the second the Thursday one), at the time it started: on time or late as it really was.
    /// </summary>
    public static async Task MeetMilestones(this OrchestratorDbContext db, Guid inspectionId, string kind, CancellationToken ct)
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
