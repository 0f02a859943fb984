using System.Security.Claims;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>Records each read of children's personal data (who, what, when) before the data leaves the service.</summary>
public sealed class ChildDataAudit(OfstedDbContext db, TimeProvider clock)
{
    public async Task Record(ClaimsPrincipal user, Guid inspectionId, string what, string detail, CancellationToken ct)
    {
        db.Set<ChildDataRead>().Add(new ChildDataRead
        {
            InspectionId = inspectionId,
            UserId = user.Id(),
            UserName = user.DisplayName(),
            Role = ExchangeAccess.RoleOf(user),
            What = what,
            Detail = detail.Length <= 2000 ? detail : detail[..2000],
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
