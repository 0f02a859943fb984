using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Letter;

/// <summary>Loading and saving the letter.</summary>
public static class LetterStore
{
    public static async Task<InspectionLetter?> Letter(this OrchestratorDbContext db, Guid inspectionId, CancellationToken ct) =>
        await db.Set<InspectionLetter>().SingleOrDefaultAsync(l => l.InspectionId == inspectionId, ct);

    public static async Task<LetterContent> Content(this OrchestratorDbContext db, Guid inspectionId, int version, CancellationToken ct) =>
        LetterContent.FromJson((await db.Set<LetterVersion>().AsNoTracking()
            .SingleAsync(v => v.InspectionId == inspectionId && v.Number == version, ct)).Content);

    /// <summary>Saves, turning a lost race on the letter's row version into a 409 rather than a silent overwrite.</summary>
    public static async Task SaveLetter(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("letter-changed", "The letter changed meanwhile (another request won): read it again and retry.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("letter-changed", "The same change was recorded by another request: read the letter again.");
        }
    }

    public static string Title(Inspection inspection) => $"Joint targeted area inspection of {inspection.LocalAreaName}";
}
