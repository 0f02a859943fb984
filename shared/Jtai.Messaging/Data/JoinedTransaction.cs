using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jtai.Messaging.Data;

public static class TransactionJoining
{
    /// <summary>
    /// Begins a transaction, or joins the one the request already runs in (an Idempotency-Key makes
    /// the whole request one transaction with its stored answer): the endpoint's unit of work then
    /// commits or rolls back with the request's, and its own commit and rollback do nothing.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        database.CurrentTransaction is { } current ? new JoinedTransaction(current) : await database.BeginTransactionAsync(ct);

    private sealed class JoinedTransaction(IDbContextTransaction outer) : IDbContextTransaction
    {
        public Guid TransactionId => outer.TransactionId;
        public void Commit() { }
        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        // A unit that gives up inside a joined transaction must not let the outer commit it.
        public void Rollback() => outer.Rollback();
        public Task RollbackAsync(CancellationToken cancellationToken = default) => outer.RollbackAsync(cancellationToken);
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
