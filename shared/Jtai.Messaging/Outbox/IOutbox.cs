using System.Diagnostics;
using Jtai.Messaging.Data;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Publish through the service's database: the message is written with the caller's next
/// SaveChanges and published by the relay after the commit. Never publish to the bus directly
/// from a request: with the broker down the request would hang, and a rollback would not unsend.
/// </summary>
public interface IOutbox
{
    void Publish<T>(T message) where T : class;
}

internal sealed class EfOutbox(MessagingDbContext db, TimeProvider clock) : IOutbox
{
    public void Publish<T>(T message) where T : class
    {
        var activity = Activity.Current;
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = MessageTypes.Serialize(message),
            InspectionId = MessageTypes.InspectionIdOf(message),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = clock.GetUtcNow(),
        });
        db.OutboxRows.Staged();
    }
}
