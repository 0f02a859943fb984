using System.Data.Common;
using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Hands outbox rows to the relay once they are durable: after the SaveChanges that wrote them outside a
/// transaction, or after the commit of the transaction they were saved in. Rows of a transaction that
/// rolled back, or ended without a commit, are never handed over: their messages must not leave.
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
        Committed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    private void Saved(DbContext? context)
    {
        if (context is not MessagingDbContext db || db.OutboxRows.Written(db) is not { } written) return;
        if (db.Database.CurrentTransaction is { } transaction) db.OutboxRows.Pending(transaction.TransactionId, written);
        else signal.HandOff(written);
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is MessagingDbContext db && db.OutboxRows.TakePending(eventData.TransactionId) is { } committed)
            signal.HandOff(committed);
    }

    // The rows saved in it are gone; whoever retries the unit stages them again.
    private static void RolledBack(DbContext? context)
    {
        if (context is MessagingDbContext db) db.OutboxRows.TakePending(Guid.Empty);
    }
}
