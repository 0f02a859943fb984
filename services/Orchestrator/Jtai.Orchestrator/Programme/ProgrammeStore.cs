using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Programme;

/// <summary>Loading and saving a programme; a lost race on its row is a 409, never a silent overwrite.</summary>
public static class ProgrammeStore
{
    public static async Task<InspectionProgramme?> Programme(this OrchestratorDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.Set<InspectionProgramme>().Include(p => p.Areas).Include(p => p.Agreements).Include(p => p.Inspectors).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>Adds a proposed programme: one per theme and year (the unique index decides a race).</summary>
    public static async Task AddProgramme(this OrchestratorDbContext db, InspectionProgramme programme, CancellationToken ct)
    {
        db.Add(programme);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("one-programme-per-theme-year", $"There is already a {programme.Theme} programme for {programme.Year}.");
        }
    }

    /// <summary>
    /// Programmes, the latest year first then by theme (one per theme and year), a page at a time (keyset on
    /// year and theme; call after the query's problems are checked).
    /// </summary>
    public static async Task<Page<ProgrammeSummary>> ProgrammesPage(this OrchestratorDbContext db, int? year, PageQuery page, CancellationToken ct)
    {
        var programmes = db.Set<InspectionProgramme>().AsNoTracking().Where(p => year == null || p.Year == year);
        if (page.AfterAs<YearNameCursor>() is { } after)
            programmes = programmes.Where(p => p.Year < after.Year || (p.Year == after.Year && string.Compare(p.Theme, after.Name) > 0));
        var rows = await programmes.OrderByDescending(p => p.Year).ThenBy(p => p.Theme)
            .Select(p => new ProgrammeSummary(p.Id, p.Theme, p.Year, p.Status, p.Areas.Count, p.ProposedAt))
            .Take(page.Size + 1).ToListAsync(ct);
        return page.PageOf(rows, p => new YearNameCursor(p.Year, p.Theme));
    }

    public static async Task SaveProgramme(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("programme-changed", "The programme was changed by another request at the same time: read it again.");
        }
    }
}
