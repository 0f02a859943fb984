using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Complaints;

/// <summary>An inspection's complaints in the order they came, a page at a time (keyset on the moment of submission and the complaint).</summary>
public static class ComplaintList
{
    /// <summary>One page (call after the query's problems are checked).</summary>
    public static async Task<Page<Complaint>> ComplaintsPage(this OrchestratorDbContext db, Guid inspectionId, PageQuery page, CancellationToken ct)
    {
        var complaints = db.Set<Complaint>().AsNoTracking().Where(c => c.InspectionId == inspectionId);
        if (page.AfterAs<InstantCursor>() is { } after)
            complaints = complaints.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.SubmittedAt, c.Id), ValueTuple.Create(after.At, after.Id)));
        var rows = await complaints.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(page.Size + 1).ToListAsync(ct);
        return page.PageOf(rows, c => new InstantCursor(c.SubmittedAt, c.Id));
    }
}
