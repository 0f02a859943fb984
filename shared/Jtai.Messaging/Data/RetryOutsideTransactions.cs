using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Jtai.Messaging.Data;

/// <summary>
/// EF's retry on transient failures (a PostgreSQL restart, a broken pooled connection) for every
/// statement and SaveChanges outside an explicit transaction. Inside one the whole unit must be
/// retried, not a statement of it, so there the strategy steps aside (EF's own would refuse to run):
/// the consumer's retry, the relay's and poller's loops, or the caller (503 with Retry-After) repeat
/// the unit.
/// </summary>
internal sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction) ExceptionsEncountered.Clear();
        else base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InTransaction && base.ShouldRetryOn(exception);
}
