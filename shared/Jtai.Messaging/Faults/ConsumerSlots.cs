namespace Jtai.Messaging.Faults;

/// <summary>
/// How many messages the process handles at once, across all its queues: each holds a pooled
/// connection for its transaction, so a service restarted with a backlog takes at most this many
/// (Messaging:ConcurrentConsumers, default half of Database:MaxPoolSize) and leaves the rest of its
/// pool to requests; the server's slots are bounded by the pools, never by the backlog.
/// </summary>
public sealed class ConsumerSlots(int slots)
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public int Size { get; } = slots;

    public async Task<IDisposable> Enter(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
