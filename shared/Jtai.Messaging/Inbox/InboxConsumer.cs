using System.Diagnostics;
using Jtai.Messaging.Data;
using Jtai.Messaging.Faults;
using Jtai.Messaging.Monitoring;
using Jtai.Messaging.Parking;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Inbox;

/// <summary>
/// Base of every consumer: records (message id, consumer) in the inbox and runs the handler in
/// one transaction with its effects and any outgoing outbox rows. A duplicate is acknowledged
/// without effect. A message that came before what it depends on is parked (kept in the database
/// and handed back later), not failed. Any other failure rolls everything back and rethrows, so
/// MassTransit retries (a passing failure for as long as it lasts) and then moves the message to the
/// endpoint's _error queue: a failed message is never acknowledged. Each failed attempt is written
/// to the message log afterwards (best effort) for the flow view.
/// </summary>
public abstract class InboxConsumer<TMessage>(MessagingDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The name recorded in the inbox; stable across releases (it is part of the key).</summary>
    protected virtual string ConsumerName => GetType().Name.Split('`')[0];

    /// <summary>The service's database, in the transaction the handler runs in.</summary>
    protected MessagingDbContext Database => db;

    protected ILogger Logger => logger;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        // Resolved from the consume scope so that subclasses keep their two-argument constructors.
        var services = context.TryGetPayload<IServiceProvider>(out var provider) ? provider : null;
        var metrics = services?.GetService<MessagingMetrics>();
        var parking = services?.GetService<MessageParking>();
        var attempt = context.GetRetryAttempt() + 1;
        if (attempt > 1) metrics?.ConsumeRetried(ConsumerName);
        using var slot = services?.GetService<ConsumerSlots>() is { } slots ? await slots.Enter(context.CancellationToken) : null;

        try
        {
            await HandleOnce(context, messageId, parking, metrics);
        }
        catch (MessageArrivedEarlyException early) when (parking is not null && !MessageParking.IsLastChance(context))
        {
            db.ChangeTracker.Clear();
            await parking.Park(db, context, messageId, ConsumerName, early.WaitingFor);
            logger.LogInformation("{Consumer} parked message {MessageId}: {Reason}", ConsumerName, messageId, early.Message);
        }
        catch (Exception ex)
        {
            metrics?.ConsumeFailed(ConsumerName, MessageTypes.NameOf(typeof(TMessage)));
            // A passing failure is retried for as long as it lasts; a message's own fault only within the budget.
            var willRetry = Transience.IsTransient(ex) || attempt <= (services?.GetService<ConsumerRetries>()?.Intervals.Count ?? 0);
            await RecordFailure(context.Message, messageId, attempt, willRetry, ex);
            throw;
        }
    }

    /// <summary>One attempt: the inbox mark and the handler's effects, committed together.</summary>
    private protected virtual async Task HandleOnce(ConsumeContext<TMessage> context, Guid messageId, MessageParking? parking, MessagingMetrics? metrics)
    {
        var ct = context.CancellationToken;
        // A retry may reuse this context: start from a clean slate.
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var (recorded, released, _) = await InboxMark.Record(db, messageId, ConsumerName, MessageTypes.NameOf(typeof(TMessage)),
            MessageTypes.InspectionIdOf(context.Message), parking?.Now, effect: null, ct);
        var wasParked = parking is not null && MessageParking.WasParked(context);
        if (!recorded)
        {
            Duplicate(messageId, metrics);
            if (!wasParked)
            {
                await tx.RollbackAsync(ct);
                return;
            }
            await parking!.Handled(db, messageId, ConsumerName, ct);
            await tx.CommitAsync(ct);
            return;
        }

        await Handle(context.Message, context);
        await db.SaveChangesAsync(ct);
        if (wasParked) await parking!.Handled(db, messageId, ConsumerName, ct);
        await tx.CommitAsync(ct);
        if (released) parking!.Notify();
    }

    /// <summary>A message already handled here: acknowledged without effect, and counted.</summary>
    private protected void Duplicate(Guid messageId, MessagingMetrics? metrics)
    {
        logger.LogInformation("{Consumer} already handled message {MessageId}; acknowledged without effect", ConsumerName, messageId);
        metrics?.DuplicateSuppressed(ConsumerName);
    }

    private async Task RecordFailure(TMessage message, Guid messageId, int attempt, bool willRetry, Exception failure)
    {
        try
        {
            db.ChangeTracker.Clear();
            var error = $"{failure.GetType().Name}: {failure.Message}";
            if (error.Length > 2000) error = error[..2000];
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO consume_failures (message_id, consumer, message_type, inspection_id, trace_id, attempt, will_retry, error, failed_at)
                VALUES ({messageId}, {ConsumerName}, {MessageTypes.NameOf(typeof(TMessage))}, {MessageTypes.InspectionIdOf(message)},
                        {Activity.Current?.TraceId.ToString()}, {attempt}, {willRetry}, {error}, now())
                """, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Usually the failure is the database itself; the message is still retried and kept in _error.
            logger.LogWarning(ex, "{Consumer} could not record failed attempt {Attempt} of message {MessageId}", ConsumerName, attempt, messageId);
        }
    }

    /// <summary>Load, call the domain, stage changes on the DbContext; the base saves and commits.</summary>
    protected abstract Task Handle(TMessage message, ConsumeContext<TMessage> context);
}
