using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// An inspection's own timeline: computed from its pinned framework version and current fieldwork
/// start, stored as milestone rows, each with a deadline row that raises DeadlineReached when due.
/// Everything commits with the change that caused it: a new inspection's rows are written in its
/// transaction, an existing one's changes are staged on the request's DbContext.
/// </summary>
public sealed class InspectionTimelines(OrchestratorDbContext db, IDeadlines deadlines, FrameworkCatalog frameworks, TimelineCalculator calculator)
{
    public static string DeadlineKey(Guid inspectionId, string milestone) => $"inspection/{inspectionId}/{milestone}";

    public InspectionTimeline Compute(Inspection inspection, IReadOnlyDictionary<string, DateOnly>? actualDates = null) =>
        calculator.Calculate(frameworks.Get(inspection.Theme, inspection.FrameworkVersion), inspection.FieldworkStart,
            actualDates ?? new Dictionary<string, DateOnly>());

    /// <summary>
    /// (Re)places every milestone and its deadline; a milestone whose date moved is open again. A new
    /// inspection's timeline is written at once in the caller's transaction (which must be open), with
    /// nothing to look up; an existing one's deadlines are set with one look-up and commit with the
    /// caller's SaveChanges.
    /// </summary>
    public async Task Plan(Inspection inspection, CancellationToken ct, IReadOnlyDictionary<string, DateOnly>? actualDates = null)
    {
        var timeline = Compute(inspection, actualDates);
        if (db.Entry(inspection).State == EntityState.Added)
        {
            await NewTimelineRows.Write(db, inspection, timeline, ct);
            return;
        }
        var existing = await db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspection.Id).ToDictionaryAsync(m => m.Key, ct);
        var toSet = new List<DeadlineToSet>();
        foreach (var milestone in timeline.Milestones)
        {
            // PostgreSQL keeps instants in UTC; views show them in London time again.
            var dueAt = milestone.DueAt.ToUniversalTime();
            if (!existing.TryGetValue(milestone.Key, out var row))
            {
                db.Add(row = new InspectionMilestone { InspectionId = inspection.Id, Key = milestone.Key, Description = milestone.Description });
            }
            else if (row.DueAt == dueAt)
            {
                // Unmoved: its deadline stands (rescheduling would fire a passed one again).
                continue;
            }
            else
            {
                row.ReachedAt = null;
                row.MetAt = null;
                row.MetBy = null;
            }
            row.Date = milestone.Date;
            row.DueAt = dueAt;
            row.Description = milestone.Description;
            toSet.Add(new DeadlineToSet(DeadlineKey(inspection.Id, milestone.Key), dueAt,
                new DeadlineReached(inspection.Id, milestone.Key, milestone.Description, dueAt, inspection.FieldworkStart)));
        }
        await deadlines.Schedule(toSet, ct);
    }

    /// <summary>Marks the milestones a stage's arrival meets; an ended inspection's pending deadlines are cancelled.</summary>
    public async Task Arrived(Inspection inspection, string stage, string by, DateTimeOffset at, CancellationToken ct)
    {
        // The published letter carries its publication date: the statement of action and the
        // complaint window count from the day it really was published (¶86, ¶120).
        if (stage == Stages.Published)
            await Plan(inspection, ct, new Dictionary<string, DateOnly> { [MilestoneKeys.Publication] = DateOnly.FromDateTime(LondonTime.ToLondon(at).DateTime) });
        var meets = Stages.Meets(stage);
        if (meets.Count > 0)
        {
            var rows = await db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspection.Id && meets.Contains(m.Key) && m.MetAt == null).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.MetAt = at;
                row.MetBy = by;
            }
        }
        if (Stages.Ended.Contains(stage))
        {
            var keys = await db.Set<InspectionMilestone>().Where(m => m.InspectionId == inspection.Id).Select(m => m.Key).ToListAsync(ct);
            await deadlines.Cancel(keys.Select(key => DeadlineKey(inspection.Id, key)).ToList(), at, ct);
        }
    }
}
