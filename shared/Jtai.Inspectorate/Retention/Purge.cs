using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Inspectorate.Retention;

/// <summary>
/// Something this service keeps per inspection under its retention policy. The evidence records
/// are one; Ofsted adds the shared evidence record and issues of concern.
/// </summary>
public interface IPurgeTarget
{
    /// <summary>Deletes what it holds for these inspections, inside the caller's transaction; returns counts per table.</summary>
    Task<IReadOnlyDictionary<string, int>> Purge(InspectorateDbContext db, IReadOnlyCollection<Guid> inspectionIds, CancellationToken ct);
}

public sealed class EvidencePurgeTarget : IPurgeTarget
{
    public async Task<IReadOnlyDictionary<string, int>> Purge(InspectorateDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["evidence_revisions"] = await db.Set<EvidenceRevision>().Where(r => ids.Contains(r.InspectionId)).ExecuteDeleteAsync(ct),
            ["evidence_records"] = await db.Set<EvidenceRecord>().Where(r => ids.Contains(r.InspectionId)).ExecuteDeleteAsync(ct),
            ["evidence_completions"] = await db.Set<EvidenceCompletion>().Where(r => ids.Contains(r.InspectionId)).ExecuteDeleteAsync(ct),
        };
}

public sealed class Purger(InspectorateDbContext db, IEnumerable<IPurgeTarget> targets, IOptions<RetentionOptions> options,
    TimeProvider clock, RetentionMetrics metrics, ILogger<Purger> logger)
{
    /// <summary>Runs today's purge unless it has run; returns its log entry, or null when it had already run.</summary>
    public async Task<PurgeLogEntry?> RunToday(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (await db.Set<PurgeLogEntry>().AnyAsync(p => p.Day == today, ct)) return null;

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var months = options.Value.PeriodMonths;
        var candidates = await db.Set<InspectionRetention>()
            .Where(r => r.TriggeredAt != null && r.PurgedAt == null).ToListAsync(ct);
        var held = (await db.Set<LegalHold>().Where(h => h.ReleasedAt == null).Select(h => h.InspectionId).ToListAsync(ct)).ToHashSet();
        var expired = candidates.Where(r => RetentionPolicy.MayPurge(r.TriggeredAt, months, held: false, now)).ToList();
        var purge = expired.Where(r => !held.Contains(r.InspectionId)).ToList();
        var ids = purge.Select(r => r.InspectionId).ToList();

        var entry = new PurgeLogEntry { Day = today, RanAt = now, InspectionsPurged = ids.Count, InspectionsHeld = expired.Count - ids.Count };
        if (ids.Count > 0)
            foreach (var target in targets)
                foreach (var (table, count) in await target.Purge(db, ids, ct))
                    entry.Deleted[table] = entry.Deleted.GetValueOrDefault(table) + count;
        foreach (var r in purge) r.PurgedAt = now;
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another replica purged today first; its transaction did the work.
            await tx.RollbackAsync(CancellationToken.None);
            if (await AlreadyRan(today)) return null;
            throw;
        }
        metrics.Ran(entry);
        logger.LogInformation("Retention purge {Day}: {Purged} inspections purged, {Held} held, deleted {Deleted}",
            today, entry.InspectionsPurged, entry.InspectionsHeld, string.Join(", ", entry.Deleted.Select(d => $"{d.Key}={d.Value}")));
        return entry;
    }

    private async Task<bool> AlreadyRan(DateOnly day)
    {
        db.ChangeTracker.Clear();
        return await db.Set<PurgeLogEntry>().AnyAsync(p => p.Day == day, CancellationToken.None);
    }
}

/// <summary>Wakes every PollInterval and runs the day's purge once per (injected) calendar day.</summary>
public sealed class DailyPurge(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<DailyPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Purger>().RunToday(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A purge that failed rolled back whole; the next wake tries again.
                logger.LogError(ex, "Retention purge failed; it will be retried");
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
