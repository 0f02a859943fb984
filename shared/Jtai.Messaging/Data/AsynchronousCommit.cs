using Npgsql;

namespace Jtai.Messaging.Data;

/// <summary>
/// Runs one statement in its own transaction that commits without waiting for the WAL to reach the
/// disk (PostgreSQL's <c>synchronous_commit = off</c> for that transaction only). For the relay's own
/// bookkeeping, whose loss in a crash costs a repeat and nothing else: a lost claim lets the rows be
/// claimed again, a lost "published" mark has them published again, and the inbox drops the second
/// copy. Everything that says a thing happened (an inspection stored, a message consumed) still
/// commits durably. The setting and the statement go in one batch, one round trip and one implicit
/// transaction, so the setting ends with it and never reaches the pooled connection's next user.
/// </summary>
public static class AsynchronousCommit
{
    private const string ForThisTransaction = "SELECT set_config('synchronous_commit', 'off', true)";

    /// <summary>A batch of the setting and then <paramref name="statement"/>, whose results the batch's reader returns.</summary>
    public static NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlBatchCommand statement) =>
        new(connection) { BatchCommands = { new NpgsqlBatchCommand(ForThisTransaction), statement } };
}
