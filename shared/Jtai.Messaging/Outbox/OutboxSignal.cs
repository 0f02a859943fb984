using System.Data.Common;
using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Wakes the relay the moment a commit wrote outbox rows, so a message leaves in milliseconds
/// rather than half a polling interval later; polling stays as the fallback.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Signals once outbox rows are durable: after the SaveChanges that wrote them outside a
/// transaction, or after the commit of the transaction they were saved in. A commit that wrote
/// none (most consumers' and requests') leaves the relay asleep: waking it would cost a claim
/// statement that finds nothing.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    private void Saved(DbContext? context)
    {
        if (context is not MessagingDbContext db) return;
        db.OutboxRows.Saved();
        if (db.Database.CurrentTransaction is null && db.OutboxRows.TakeCommitted()) signal.Notify();
    }

    private void Committed(DbContext? context)
    {
        if (context is MessagingDbContext db && db.OutboxRows.TakeCommitted()) signal.Notify();
    }

    // The rows saved in it are gone; whoever retries the unit stages them again.
    private static void RolledBack(DbContext? context)
    {
        if (context is MessagingDbContext db) db.OutboxRows.TakeCommitted();
    }
}

/// <summary>
/// Per DbContext: whether outbox rows were staged (<see cref="IOutbox.Publish{T}"/>), then saved, and so
/// are committed with the next commit (or at once outside a transaction).
/// </summary>
internal sealed class OutboxRowTracker
{
    private bool _staged;
    private bool _saved;

    public void Staged() => _staged = true;

    /// <summary>A save that failed keeps the rows staged (its owner retries it); one that succeeded wrote them.</summary>
    public void Saved()
    {
        if (!_staged) return;
        _staged = false;
        _saved = true;
    }

    public bool TakeCommitted()
    {
        var saved = _saved;
        _saved = false;
        return saved;
    }
}
