using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Team;

/// <summary>
/// The service's own check that a caller is on an inspection's team (beside the gateway's role
/// check): least privilege means an inspector reads only the inspections they work on.
/// </summary>
public static class TeamAccess
{
    /// <summary>Is the caller on this inspection's team, as staff of <paramref name="inspectorate"/> (any inspectorate when null)?</summary>
    public static Task<bool> IsOnTeam(this InspectorateDbContext db, ClaimsPrincipal user, Guid inspectionId, string? inspectorate, CancellationToken ct)
    {
        if (!user.IsStaff()) return Task.FromResult(false);
        if (inspectorate is not null && user.Inspectorate() != inspectorate) return Task.FromResult(false);
        var userId = user.Id();
        return db.TeamMembers.AnyAsync(m => m.InspectionId == inspectionId && m.UserId == userId
            && (inspectorate == null || m.Inspectorate == inspectorate), ct);
    }
}
