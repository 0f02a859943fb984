using Jtai.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Parking;

/// <summary>
/// Hands due parked messages back to their consumer's queue. A claim pushes the row's due time out
/// by the next backoff in one autocommit statement (SKIP LOCKED: two replicas never claim the same
/// row, and no lock is held across the broker call); the row itself stays until the consumer has
/// handled the message, so a hand-back lost on the way is simply made again when due.
/// </summary>
internal sealed class ParkedMessageRedriver(
    IServiceScopeFactory scopes, IBus bus, MessageParking parking, ILogger<ParkedMessageRedriver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handedBack = 0;
            try
            {
                handedBack = await HandBackDue(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Parked messages could not be handed back; retrying");
            }
            if (handedBack < parking.Options.BatchSize)
            {
                try { await parking.WaitAsync(parking.Options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    internal async Task<int> HandBackDue(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var options = parking.Options;
        var now = parking.Now;
        var rows = await db.Set<ParkedMessage>().FromSql($"""
                UPDATE parked_messages p
                SET due_at = {now} + LEAST({options.InitialBackoff} * power(2, LEAST(p.handed_back + 1, 16)), {options.MaxBackoff}),
                    handed_back = p.handed_back + 1
                FROM (SELECT id FROM parked_messages WHERE due_at <= {now} ORDER BY due_at
                      LIMIT {options.BatchSize} FOR UPDATE SKIP LOCKED) due
                WHERE p.id = due.id
                RETURNING p.*
                """).AsNoTracking().ToListAsync(ct);

        foreach (var row in rows)
        {
            var lastChance = now - row.ParkedAt > options.Window;
            try
            {
                // The queue's own exchange (MassTransit binds one of the same name to every receive queue): sending
                // to "queue:" would declare the queue again with plain arguments, which RabbitMQ refuses for a
                // quorum queue declared with its dead-letter settings (precondition_failed), and nothing would come back.
                var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{row.Queue}"));
                var message = MessageTypes.Deserialize(row.MessageType, row.Body);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await endpoint.Send(message, message.GetType(), context =>
                {
                    context.MessageId = row.MessageId;
                    context.Headers.Set(MessageParking.ParkedSinceHeader, row.ParkedAt.ToString("O"));
                    if (lastChance) context.Headers.Set(MessageParking.LastChanceHeader, "true");
                }, timeout.Token);
                // Past the window the message goes back for the last time: handled, or its consumer
                // faults it to _error; either way the row has done its work.
                if (lastChance) await parking.Handled(db, row.MessageId, row.Consumer, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Parked message {MessageId} for {Consumer} could not be handed back; it stays parked", row.MessageId, row.Consumer);
            }
        }
        if (rows.Count > 0)
            logger.LogInformation("{Count} parked message(s) handed back", rows.Count);
        return rows.Count;
    }
}
