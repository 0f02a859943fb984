using Jtai.Inspectorate.Team;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.InformationExchange.HealthBodies;

/// <summary>
/// Ofsted's answer to "what is the caller to this inspection": the inspectorate's own (area, notified, team place) and, because
/// the exchange holds them, the health bodies CQC named (¶105), so a rule can admit a health partner only as a named body.
/// </summary>
public sealed class ExchangeStanding(TeamStanding team, OfstedDbContext db) : IInspectionFactsSource
{
    public async Task<InspectionFacts?> Find(Guid inspectionId, string? staffSubject, CancellationToken ct)
    {
        if (await team.Find(inspectionId, staffSubject, ct) is not { } facts) return null;
        var bodies = await db.Set<NamedHealthBody>().AsNoTracking().Where(b => b.InspectionId == inspectionId).Select(b => b.Key).ToListAsync(ct);
        return facts with { HealthBodies = bodies.ToHashSet(StringComparer.Ordinal) };
    }
}
