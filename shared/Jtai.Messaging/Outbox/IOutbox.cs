using System.Diagnostics;
using Jtai.Messaging.Data;
using Microsoft.Extensions.Options;

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

internal sealed class EfOutbox(MessagingDbContext db, TimeProvider clock, IOptions<OutboxOptions> options) : IOutbox
{
    public void Publish<T>(T message) where T : class
    {
        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = MessageTypes.Serialize(message),
            InspectionId = MessageTypes.InspectionIdOf(message),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = clock.GetUtcNow(),
            // The commit hands the row to this process's relay: until the lease ends no other worker claims it.
            // Real time, as every lease and backoff: it must pass even when tests move the business clock.
            NextAttemptAt = TimeProvider.System.GetUtcNow() + options.Value.ClaimLease,
        };
        db.OutboxMessages.Add(row);
        db.OutboxRows.Staged(row, message);
    }
}
