using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Messaging.Deadlines;

/// <summary>A deadline to set: its unique key, when it falls due, and the message it then publishes.</summary>
public sealed record DeadlineToSet(string Key, DateTimeOffset DueAt, object Message);

/// <summary>
/// Schedule a message to be published when a deadline falls due. Staged on the caller's
/// DbContext, so the deadline commits (or not) with the change that set it.
/// </summary>
public interface IDeadlines
{
    /// <summary>Sets the deadline with this key (replacing a pending one's due time and message).</summary>
    Task Schedule<T>(string key, DateTimeOffset dueAt, T message, CancellationToken ct = default) where T : class;

    /// <summary>Sets several deadlines with one look-up of those already stored (an inspection's whole timeline).</summary>
    Task Schedule(IReadOnlyCollection<DeadlineToSet> deadlines, CancellationToken ct = default);

    /// <summary>
    /// Sets deadlines whose keys cannot be stored yet (those of something created in this same unit
    /// of work, e.g. a newly scheduled inspection's timeline): no look-up, they are written with the
    /// caller's other rows in SaveChanges' one batch. A key that does exist fails the commit.
    /// </summary>
    void ScheduleNew(IReadOnlyCollection<DeadlineToSet> deadlines);

    /// <summary>Cancels a pending deadline; one that has already fired stays as it was.</summary>
    Task Cancel(string key, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Cancels the pending deadlines among these keys with one look-up; those already fired stay as they were.</summary>
    Task Cancel(IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken ct = default);
}

internal sealed class EfDeadlines(MessagingDbContext db) : IDeadlines
{
    public Task Schedule<T>(string key, DateTimeOffset dueAt, T message, CancellationToken ct = default) where T : class =>
        Schedule([new DeadlineToSet(key, dueAt, message)], ct);

    public async Task Schedule(IReadOnlyCollection<DeadlineToSet> deadlines, CancellationToken ct = default)
    {
        if (deadlines.Count == 0) return;
        var keys = deadlines.Select(d => d.Key).ToList();
        var stored = await db.Deadlines.Where(d => keys.Contains(d.Key)).ToDictionaryAsync(d => d.Key, ct);
        foreach (var (key, dueAt, message) in deadlines)
        {
            if (!stored.TryGetValue(key, out var existing))
            {
                db.Deadlines.Add(existing = new Deadline
                {
                    Key = key,
                    MessageType = MessageTypes.NameOf(message.GetType()),
                    Body = MessageTypes.Serialize(message),
                });
                stored[key] = existing;
            }
            // Callers compute due times in London time (BST is +01:00); the column holds UTC instants only.
            existing.DueAt = dueAt.ToUniversalTime();
            existing.MessageType = MessageTypes.NameOf(message.GetType());
            existing.Body = MessageTypes.Serialize(message);
            existing.InspectionId = MessageTypes.InspectionIdOf(message);
            existing.FiredAt = null;
            existing.CancelledAt = null;
        }
    }

    public void ScheduleNew(IReadOnlyCollection<DeadlineToSet> deadlines)
    {
        foreach (var (key, dueAt, message) in deadlines)
        {
            db.Deadlines.Add(new Deadline
            {
                Key = key,
                DueAt = dueAt.ToUniversalTime(),
                MessageType = MessageTypes.NameOf(message.GetType()),
                Body = MessageTypes.Serialize(message),
                InspectionId = MessageTypes.InspectionIdOf(message),
            });
        }
    }

    public Task Cancel(string key, DateTimeOffset at, CancellationToken ct = default) => Cancel([key], at, ct);

    public async Task Cancel(IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken ct = default)
    {
        if (keys.Count == 0) return;
        var pending = await db.Deadlines.Where(d => keys.Contains(d.Key) && d.FiredAt == null).ToListAsync(ct);
        foreach (var deadline in pending) deadline.CancelledAt ??= at.ToUniversalTime();
    }
}
