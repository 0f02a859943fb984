using Jtai.Calendar.Frameworks;
using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Team;
using Jtai.Orchestrator.Timeline;

namespace Jtai.Orchestrator.Programme;

/// <summary>
/// Planning an agreed programme: each area gets its fieldwork week and a team from the inspectors offered (clear of their
/// other fieldwork that year) and becomes a scheduled inspection with its team, staged on the context for one commit
/// (the timelines are written at once, in the caller's transaction).
/// </summary>
public sealed class ProgrammePlanning(OrchestratorDbContext db, ProgrammeData data, FieldworkPlanner planner, IOutbox outbox,
    InspectionTimelines timelines, FrameworkCatalog frameworks)
{
    /// <summary>Stages the programme's inspections and teams; returns the framework they were planned on.</summary>
    public async Task<Framework> Plan(InspectionProgramme programme, string by, DateOnly today, DateTimeOffset at, CancellationToken ct)
    {
        programme.EnsurePlannable();
        var framework = frameworks.Latest(programme.Theme);
        var offered = programme.Inspectors;
        var busy = await data.Fieldworks(offered.Select(o => o.UserId).ToList(), new DateOnly(programme.Year, 1, 1), new DateOnly(programme.Year, 12, 31), ct);
        var areas = programme.Areas.OrderBy(a => a.Rank).Select(a => (a.LocalAreaCode, a.LocalAreaName)).ToList();
        foreach (var planned in planner.Plan(framework, programme.Year, today, areas, offered, busy))
        {
            var inspection = await ScheduleInspection.Stage(db, outbox, timelines, frameworks, planned.LocalAreaCode, planned.LocalAreaName,
                programme.Theme, planned.FieldworkStart, by, at, ct);
            foreach (var member in planned.Team)
            {
                db.Add(new TeamAssignment
                {
                    InspectionId = inspection.Id, UserId = member.UserId, Name = member.Name, Inspectorate = member.Inspectorate,
                    TeamRole = member.TeamRole, AssignedAt = at, AssignedBy = by,
                });
                outbox.Publish(new TeamMemberAssigned(inspection.Id, member.UserId, member.Name, member.Inspectorate, member.TeamRole, at,
                    framework.Inspectorates));
            }
            programme.AreaScheduled(planned.LocalAreaCode, inspection.Id, planned.FieldworkStart);
        }
        programme.Planned(by, at);
        return framework;
    }
}
