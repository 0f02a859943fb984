using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Team;

/// <summary>The orchestrator's answer to "what is the caller to this inspection": its own team table and lifecycle history.</summary>
public sealed class TeamStanding(OrchestratorDbContext db) : IInspectionFactsSource
{
    public async Task<InspectionFacts?> Find(Guid inspectionId, string? staffSubject, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Where(i => i.Id == inspectionId)
            .Select(i => new
            {
                i.LocalAreaCode,
                // Once notified, always notified: a deferral or a cancellation afterwards does not un-tell the area.
                Notified = db.Set<InspectionTransition>().Any(t => t.InspectionId == i.Id && t.To == Stages.Notified),
                Place = db.Set<TeamAssignment>().Where(a => a.InspectionId == i.Id && a.UserId == staffSubject)
                    .Select(a => new { a.Inspectorate, a.TeamRole }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (inspection is null) return null;
        return new InspectionFacts(inspection.LocalAreaCode, inspection.Notified,
            inspection.Place is { } p ? new TeamPlace(p.Inspectorate, p.TeamRole) : null);
    }
}
