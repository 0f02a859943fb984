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

    /// <summary>
    /// Saves, turning a lost race on the letter's row version into a 409 rather than a silent overwrite. A race lost only to the
    /// letter's deliveries (the delivery consumer recorded that a notice arrived between this step's read and its save) is not
    /// another person's change: the step is saved again on top of it (EF rolls the failed attempt back, to its savepoint inside
    /// a transaction), because nothing a person decides reads what a delivery records.
    /// </summary>
    public static async Task SaveLetter(this OrchestratorDbContext db, CancellationToken ct)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                    return;
                }
                // A few: the final letter's five deliveries may each be recorded while a step waits on the letter's row.
                catch (DbUpdateConcurrencyException conflict) when (attempt < 4)
                {
                    if (!await OnlyDeliveriesRecordedMeanwhile(db, conflict, ct)) throw;
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("letter-changed", "The letter changed meanwhile (another request won): read it again and retry.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("letter-changed", "The same change was recorded by another request: read the letter again.");
        }
    }

    /// <summary>
    /// Whether the letter's row changed since this step read it only in what deliveries record; if so the step's entries
    /// take the stored values (and row version) so that the next save applies the step's own changes over the delivery.
    /// </summary>
    private static async Task<bool> OnlyDeliveriesRecordedMeanwhile(OrchestratorDbContext db, DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        // The advised inspectorates are JSON in the letter's row that a step decides from (¶121): a race there is a person's.
        if (db.ChangeTracker.Entries<WithdrawalAdvice>().Any(e => e.State != EntityState.Unchanged)) return false;
        var refreshes = new List<Action>();
        foreach (var entry in conflict.Entries)
        {
            if (entry.Entity is not InspectionLetter || await entry.GetDatabaseValuesAsync(ct) is not { } stored) return false;
            var changed = entry.Properties
                .Where(p => !p.Metadata.IsConcurrencyToken && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, stored[p.Metadata]))
                .ToList();
            if (changed.Count == 0 || changed.Any(p => p.IsModified || !InspectionLetter.RecordedByDeliveries.Contains(p.Metadata.Name))) return false;
            refreshes.Add(() =>
            {
                foreach (var property in changed)
                {
                    property.OriginalValue = stored[property.Metadata];
                    property.CurrentValue = stored[property.Metadata];
                    property.IsModified = false;
                }
                foreach (var token in entry.Properties.Where(p => p.Metadata.IsConcurrencyToken)) token.OriginalValue = stored[token.Metadata];
            });
        }
        refreshes.ForEach(refresh => refresh());
        return refreshes.Count > 0;
    }

    public static string Title(Inspection inspection) => $"Joint targeted area inspection of {inspection.LocalAreaName}";
}
