using System.Diagnostics;
using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Inbox;

/// <summary>
/// Base of every consumer: records (message id, consumer) in the inbox and runs the handler in
/// one transaction with its effects and any outgoing outbox rows. A duplicate is acknowledged
/// without effect. A failure rolls everything back and rethrows, so MassTransit retries and then
/// moves the message to the endpoint's _error queue: a failed message is never acknowledged.
/// Each failed attempt is written to the message log afterwards (best effort) for the flow view.
/// </summary>
public abstract class InboxConsumer<TMessage>(MessagingDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The name recorded in the inbox; stable across releases (it is part of the key).</summary>
    protected virtual string ConsumerName => GetType().Name.Split('`')[0];

    /// <summary>The service's database, in the transaction the handler runs in.</summary>
    protected MessagingDbContext Database => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        // Resolved from the consume scope so that subclasses keep their two-argument constructors.
        var services = context.TryGetPayload<IServiceProvider>(out var provider) ? provider : null;
        var metrics = services?.GetService<MessagingMetrics>();
        var attempt = context.GetRetryAttempt() + 1;
        if (attempt > 1) metrics?.ConsumeRetried(ConsumerName);

        try
        {
            await ConsumeOnce(context, messageId, metrics);
        }
        catch (Exception ex)
        {
            metrics?.ConsumeFailed(ConsumerName, MessageTypes.NameOf(typeof(TMessage)));
            var willRetry = attempt <= (services?.GetService<ConsumerRetries>()?.Intervals.Count ?? 0);
            await RecordFailure(context.Message, messageId, attempt, willRetry, ex);
            throw;
        }
    }

    private async Task ConsumeOnce(ConsumeContext<TMessage> context, Guid messageId, MessagingMetrics? metrics)
    {
        // A retry may reuse this context: start from a clean slate.
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);

        var recorded = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbox_messages (message_id, consumer, message_type, inspection_id, trace_id, received_at)
            VALUES ({messageId}, {ConsumerName}, {MessageTypes.NameOf(typeof(TMessage))},
                    {MessageTypes.InspectionIdOf(context.Message)}, {Activity.Current?.TraceId.ToString()}, now())
            ON CONFLICT (message_id, consumer) DO NOTHING
            """, context.CancellationToken);
        if (recorded == 0)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; acknowledged without effect", ConsumerName, messageId);
            metrics?.DuplicateSuppressed(ConsumerName);
            await tx.RollbackAsync(context.CancellationToken);
            return;
        }

        await Handle(context.Message, context);
        await db.SaveChangesAsync(context.CancellationToken);
        await tx.CommitAsync(context.CancellationToken);
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
