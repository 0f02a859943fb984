using Microsoft.EntityFrameworkCore;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Per DbContext: the outbox rows staged on it (<see cref="IOutbox.Publish{T}"/>), then those a save wrote
/// inside a transaction, with the transaction's id, until it commits. Contexts are pooled, so whatever a
/// previous use left here (a transaction disposed without a commit) is told apart by that id and dropped.
/// </summary>
internal sealed class OutboxRowTracker
{
    private readonly List<HandedOffRow> _staged = [];
    private readonly List<(Guid Transaction, HandedOffRow Row)> _pending = [];

    public void Staged(OutboxMessage row, object message) => _staged.Add(new HandedOffRow(row, message));

    /// <summary>
    /// The staged rows the save just wrote (tracked, unchanged); a failed save leaves them staged (its owner
    /// retries it), and rows the context stopped tracking (cleared, or a previous use's) were never written.
    /// </summary>
    public List<HandedOffRow>? Written(DbContext db)
    {
        if (_staged.Count == 0) return null;
        List<HandedOffRow>? written = null;
        _staged.RemoveAll(staged =>
        {
            var state = db.Entry(staged.Row).State;
            if (state == EntityState.Unchanged) (written ??= []).Add(staged);
            return state is EntityState.Unchanged or EntityState.Detached;
        });
        return written;
    }

    public void Pending(Guid transaction, List<HandedOffRow> rows) => _pending.AddRange(rows.Select(row => (transaction, row)));

    /// <summary>The rows saved in the transaction that ended; every pending row is forgotten.</summary>
    public List<HandedOffRow>? TakePending(Guid transaction)
    {
        if (_pending.Count == 0) return null;
        var committed = _pending.Where(p => p.Transaction == transaction).Select(p => p.Row).ToList();
        _pending.Clear();
        return committed.Count > 0 ? committed : null;
    }
}
