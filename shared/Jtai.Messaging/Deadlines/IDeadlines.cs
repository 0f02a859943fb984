using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Messaging.Deadlines;

/// <summary>
/// Schedule a message to be published when a deadline falls due. Staged on the caller's
/// DbContext, so the deadline commits (or not) with the change that set it.
/// </summary>
public interface IDeadlines
{
    /// <summary>Sets the deadline with this key (replacing a pending one's due time and message).</summary>
    Task Schedule<T>(string key, DateTimeOffset dueAt, T message, CancellationToken ct = default) where T : class;

    /// <summary>Cancels a pending deadline; one that has already fired stays as it was.</summary>
    Task Cancel(string key, DateTimeOffset at, CancellationToken ct = default);
}

internal sealed class EfDeadlines(MessagingDbContext db) : IDeadlines
{
    public async Task Schedule<T>(string key, DateTimeOffset dueAt, T message, CancellationToken ct = default) where T : class
    {
        var existing = await db.Deadlines.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (existing is null)
        {
            db.Deadlines.Add(existing = new Deadline
            {
                Key = key,
                MessageType = MessageTypes.NameOf(message.GetType()),
                Body = MessageTypes.Serialize(message),
            });
        }
        // Callers compute due times in London time (BST is +01:00); the column holds UTC instants only.
        existing.DueAt = dueAt.ToUniversalTime();
        existing.MessageType = MessageTypes.NameOf(message.GetType());
        existing.Body = MessageTypes.Serialize(message);
        existing.InspectionId = MessageTypes.InspectionIdOf(message);
        existing.FiredAt = null;
        existing.CancelledAt = null;
    }

    public async Task Cancel(string key, DateTimeOffset at, CancellationToken ct = default)
    {
        var existing = await db.Deadlines.SingleOrDefaultAsync(d => d.Key == key && d.FiredAt == null, ct);
        if (existing is not null) existing.CancelledAt ??= at.ToUniversalTime();
    }
}
