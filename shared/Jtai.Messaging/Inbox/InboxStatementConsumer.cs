using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using Jtai.Messaging.Parking;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Inbox;

/// <summary>
/// Base of a consumer whose whole effect is one SQL statement (<see cref="InboxEffect"/>): the inbox mark,
/// the release of parked messages and the effect are one statement that commits on its own, one round trip
/// to the database for each message instead of three (mark, effect, commit). For the messages every
/// inspectorate receives for every inspection, where those round trips were most of a message's cost.
/// Duplicates, failures, retries and the error queue are as for every <see cref="InboxConsumer{TMessage}"/>;
/// a message handed back from parking is handled in a transaction, with its parked row.
/// </summary>
public abstract class InboxStatementConsumer<TMessage>(MessagingDbContext db, ILogger logger) : InboxConsumer<TMessage>(db, logger)
    where TMessage : class
{
    /// <summary>Validates the message and returns its effect, or null when it has none here (only the mark is written).</summary>
    protected abstract InboxEffect? Effect(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>What the effect changed, for the log: how many rows (0 when it found its work done already).</summary>
    protected virtual void Applied(TMessage message, long rowsChanged) { }

    protected sealed override Task Handle(TMessage message, ConsumeContext<TMessage> context) =>
        throw new InvalidOperationException($"{ConsumerName} writes its effect in the inbox's statement.");

    private protected override async Task HandleOnce(ConsumeContext<TMessage> context, Guid messageId, MessageParking? parking, MessagingMetrics? metrics)
    {
        var ct = context.CancellationToken;
        var effect = Effect(context.Message, context);
        var wasParked = parking is not null && MessageParking.WasParked(context);
        Database.ChangeTracker.Clear();
        await Database.Database.OpenConnectionAsync(ct);
        try
        {
            // Only a message handed back from parking has a second row to change (its parked row).
            await using var tx = wasParked ? await Database.Database.BeginTransactionAsync(ct) : null;
            var (recorded, released, changed) = await InboxMark.Record(Database, messageId, ConsumerName, MessageTypes.NameOf(typeof(TMessage)),
                MessageTypes.InspectionIdOf(context.Message), parking?.Now, effect, ct);
            if (wasParked)
            {
                await parking!.Handled(Database, messageId, ConsumerName, ct);
                await tx!.CommitAsync(ct);
            }
            if (!recorded)
            {
                Duplicate(messageId, metrics);
                return;
            }
            if (effect is not null) Applied(context.Message, changed);
            if (released) parking!.Notify();
        }
        finally
        {
            await Database.Database.CloseConnectionAsync();
        }
    }
}
