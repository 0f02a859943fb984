using System.Threading.Channels;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// What wakes the relay. A commit that wrote outbox rows hands them over here, so this process's relay
/// publishes them from memory at once: no claim statement, no reading back what it has just written. Rows
/// nothing handed over (written by a process that stopped, backed off after a failure, or more than the
/// queue holds) are claimed from the table: on the first worker's poll, or when a worker that claimed a full
/// batch asks another to share the rest.
/// </summary>
public sealed class OutboxSignal
{
    /// <summary>Committed rows waiting for the relay; past this many, rows wait for their lease to end and a claim.</summary>
    private const int QueueLimit = 10_000;

    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Channel<HandedOffRow> _handedOff = Channel.CreateBounded<HandedOffRow>(
        new BoundedChannelOptions(QueueLimit) { FullMode = BoundedChannelFullMode.Wait });
    private int _claimRequested;

    /// <summary>Rows a commit made durable, with the messages they hold, for this process's relay.</summary>
    internal void HandOff(IReadOnlyList<HandedOffRow> rows)
    {
        foreach (var row in rows)
        {
            // Full: the rest stay in the table under their lease, and a claim publishes them when it ends.
            if (!_handedOff.Writer.TryWrite(row)) break;
        }
        Notify();
    }

    /// <summary>Up to <paramref name="max"/> handed-over rows; wakes another worker when more are waiting.</summary>
    internal List<HandedOffRow> TakeHandedOff(int max)
    {
        var rows = new List<HandedOffRow>();
        while (rows.Count < max && _handedOff.Reader.TryRead(out var row)) rows.Add(row);
        if (rows.Count == max && _handedOff.Reader.Count > 0) Notify();
        return rows;
    }

    /// <summary>Asks a worker to claim rows from the table (a claim found a full batch: more may be waiting).</summary>
    internal void RequestClaim()
    {
        Volatile.Write(ref _claimRequested, 1);
        Notify();
    }

    internal bool TakeClaimRequest() => Interlocked.Exchange(ref _claimRequested, 0) == 1;

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    private void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }
}

/// <summary>A committed outbox row and the message it holds (so the relay need not deserialize its body).</summary>
internal sealed record HandedOffRow(OutboxMessage Row, object Message);
