using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.InformationExchange;

public sealed record ChildDataReadView(DateTimeOffset At, string UserId, string UserName, string Role, string What, string Detail);

public static class AuditLogApi
{
    /// <summary>
    /// Who read the inspection's child-level data, what and when: for the inspection team. In the order read, a page at a time
    /// (<c>?limit=&amp;after=</c>; keyset on the entry's number): every read adds an entry.
    /// </summary>
    public static async Task<Results<Ok<Page<ChildDataReadView>>, ValidationProblem>> List(
        Guid inspectionId, [AsParameters] PageQuery page, OfstedDbContext db, CancellationToken ct)
    {
        if (page.Problems<SequenceCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var reads = db.Set<ChildDataRead>().AsNoTracking().Where(r => r.InspectionId == inspectionId);
        if (page.AfterAs<SequenceCursor>() is { } after) reads = reads.Where(r => r.Id > after.Position);
        var rows = await reads.OrderBy(r => r.Id).Take(page.Size + 1)
            .Select(r => new { r.Id, View = new ChildDataReadView(r.At, r.UserId, r.UserName, r.Role, r.What, r.Detail) })
            .ToListAsync(ct);
        var shown = page.PageOf(rows, r => new SequenceCursor(r.Id));
        return TypedResults.Ok(new Page<ChildDataReadView>(shown.Items.Select(r => r.View).ToList(), shown.Next));
    }
}
