using Jtai.Ofsted.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.InformationExchange;

public sealed record ChildDataReadView(DateTimeOffset At, string UserId, string UserName, string Role, string What, string Detail);

public static class AuditLogApi
{
    /// <summary>Who read the inspection's child-level data, what and when: for the inspection team.</summary>
    public static async Task<Ok<List<ChildDataReadView>>> List(Guid inspectionId, OfstedDbContext db, CancellationToken ct) =>
         TypedResults.Ok(await db.Set<ChildDataRead>().AsNoTracking()
            .Where(r => r.InspectionId == inspectionId).OrderBy(r => r.Id)
            .Select(r => new ChildDataReadView(r.At, r.UserId, r.UserName, r.Role, r.What, r.Detail))
            .ToListAsync(ct));
}
