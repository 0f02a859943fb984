using Jtai.Orchestrator.Data;
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

    public static async Task SaveProgramme(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("programme-changed", "The programme was changed by another request at the same time: read it again.");
        }
    }
}
