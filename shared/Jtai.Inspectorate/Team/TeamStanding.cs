using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Notification;
using Jtai.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Team;

/// <summary>
/// An inspectorate's answer to "what is the caller to this inspection", from its own copies: the
/// inspection (area), the team, and its notification record (written when the area was notified).
/// </summary>
public sealed class TeamStanding(InspectorateDbContext db) : IInspectionFactsSource
{
    public async Task<InspectionFacts?> Find(Guid inspectionId, string? staffSubject, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Where(i => i.InspectionId == inspectionId)
            .Select(i => new
            {
                i.LocalAreaCode,
                Notified = db.Set<InspectionNotification>().Any(n => n.InspectionId == i.InspectionId),
                Place = db.TeamMembers.Where(m => m.InspectionId == i.InspectionId && m.UserId == staffSubject)
                    .Select(m => new { m.Inspectorate, m.TeamRole }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (inspection is null) return null;
        return new InspectionFacts(inspection.LocalAreaCode, inspection.Notified,
            inspection.Place is { } p ? new TeamPlace(p.Inspectorate, p.TeamRole) : null);
    }
}
