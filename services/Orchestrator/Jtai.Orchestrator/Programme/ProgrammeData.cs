using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Team;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Programme;

/// <summary>What the orchestrator holds that the programme reads: areas, their intelligence and inspections, people's fieldworks.</summary>
public sealed class ProgrammeData(OrchestratorDbContext db, FrameworkCatalog frameworks, TimelineCalculator timelines)
{
    /// <summary>Team roles that are on site for fieldwork (QA and line managers are not).</summary>
    public static readonly IReadOnlyList<string> FieldworkRoles = ["lead-inspector", "inspector", "hmi"];

    /// <summary>Every area the platform holds something about: shared intelligence or an inspection.</summary>
    public async Task<List<AreaRecord>> Areas(CancellationToken ct)
    {
        var intelligence = await db.Set<ProgrammeIntelligence>().AsNoTracking().ToListAsync(ct);
        var inspections = await db.Inspections.AsNoTracking()
            .Select(i => new
            {
                i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, i.FrameworkVersion, i.FieldworkStart, i.Status,
                PriorityActions = db.Set<FindingsAgreement>().Any(a => a.InspectionId == i.Id)
                    ? db.Set<Finding>().Count(f => f.InspectionId == i.Id && f.Kind == FindingKinds.AreaForPriorityAction)
                    : 0,
            })
            .ToListAsync(ct);
        var codes = intelligence.Select(i => i.LocalAreaCode).Concat(inspections.Select(i => i.LocalAreaCode)).Distinct(StringComparer.Ordinal);
        return codes.Select(code =>
        {
            var items = intelligence.Where(i => i.LocalAreaCode == code).ToList();
            var held = inspections.Where(i => i.LocalAreaCode == code)
                .Select(i => new AreaInspection(i.Id, i.Theme, IsJoint(i.Theme, i.FrameworkVersion), i.FieldworkStart, i.Status, i.PriorityActions))
                .ToList();
            // The name as most recently given.
            var name = inspections.Where(i => i.LocalAreaCode == code).OrderByDescending(i => i.FieldworkStart).Select(i => i.LocalAreaName)
                .Concat(items.OrderByDescending(i => i.SharedAt).Select(i => i.LocalAreaName)).First();
            return new AreaRecord(code, name, items, held);
        }).ToList();
    }

    /// <summary>The fieldwork weeks the given people are already committed to, on inspections not cancelled.</summary>
    public async Task<List<Fieldwork>> Fieldworks(IReadOnlyCollection<string> userIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<TeamAssignment>().AsNoTracking()
            .Where(a => userIds.Contains(a.UserId) && FieldworkRoles.Contains(a.TeamRole))
            .Join(db.Inspections.AsNoTracking().Where(i => i.Status != "cancelled" && i.FieldworkStart >= from.AddDays(-14) && i.FieldworkStart <= to),
                a => a.InspectionId, i => i.Id, (a, i) => new { a.UserId, Inspection = i })
            .ToListAsync(ct);
        return rows.Select(r => new Fieldwork(r.UserId, r.Inspection.FieldworkStart, FieldworkEnd(r.Inspection))).ToList();
    }

    public DateOnly FieldworkEnd(Inspection inspection) =>
        frameworks.TryGet(inspection.Theme, inspection.FrameworkVersion, out var framework)
            ? timelines.Calculate(framework, inspection.FieldworkStart)[MilestoneKeys.FieldworkEnd].Date
            : timelines.Calendar.AddWorkingDays(inspection.FieldworkStart, 4);

    public IReadOnlyList<string> TakingPart(string theme, int version) =>
        frameworks.TryGet(theme, version, out var framework) ? framework.Inspectorates : Framework.JointInspectorates;

    private bool IsJoint(string theme, int version) => TakingPart(theme, version).Count > 1;
}
