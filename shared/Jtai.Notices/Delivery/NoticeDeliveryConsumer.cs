using Jtai.Contracts.Events;
using Jtai.Messaging;
using Jtai.Messaging.Data;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Inbox;
using Jtai.Messaging.Outbox;
using Jtai.Notices.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Notices.Delivery;

/// <summary>
/// Makes one attempt at a delivery. The row is locked for the attempt, so two copies of the message
/// cannot both send; a stale or duplicate attempt changes nothing. A failed attempt is recorded, not
/// thrown: the retry is a deadline row (durable, unlike a broker redelivery that would roll back the
/// record of the failure), and after the last attempt the delivery rests as failed for people to see.
/// Mail is sent before the commit: if the commit is lost the attempt runs again, so a notice can
/// arrive twice but never silently not at all (the stable Message-Id / Notify reference shows it).
/// </summary>
public sealed class NoticeDeliveryConsumer(
    MessagingDbContext database,
    ServiceIdentity service,
    INoticeChannel channel,
    IOptions<NoticeOptions> options,
    IDeadlines deadlines,
    IOutbox outbox,
    IEnumerable<INoticeOutcome> outcomes,
    TimeProvider clock,
    ILogger<NoticeDeliveryConsumer> logger) : InboxConsumer<NoticeDeliveryDue>(database, logger)
{
    protected override async Task Handle(NoticeDeliveryDue message, ConsumeContext<NoticeDeliveryDue> context)
    {
        // Every service's queue hears every attempt; only the one holding the row acts.
        if (message.Service != service.Name) return;
        var ct = context.CancellationToken;
        var db = Database;
        var delivery = await db.Set<NoticeDelivery>()
            .FromSql($"SELECT * FROM notice_deliveries WHERE id = {message.DeliveryId} FOR UPDATE")
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Delivery {message.DeliveryId} is not in {service.Name}'s database.");
        if (!delivery.AwaitsAttempt(message.Attempt))
        {
            logger.LogInformation("Delivery {DeliveryId} is {State} after {Attempts} attempts; attempt {Attempt} is stale", delivery.Id, delivery.State, delivery.Attempts, message.Attempt);
            return;
        }

        NoticeDeliveryAttempt attempt;
        try
        {
            var reference = await channel.Send(delivery, ct);
            attempt = delivery.Delivered(clock.GetUtcNow(), channel.Name, reference);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var retryAt = options.Value.RetryAfter(message.Attempt, now);
            attempt = delivery.AttemptFailed(now, channel.Name, $"{ex.GetType().Name}: {ex.Message}", retryAt);
            if (retryAt is { } due)
                await deadlines.Schedule(RetryKey(delivery.Id, message.Attempt + 1), due,
                    new NoticeDeliveryDue(delivery.InspectionId, delivery.Id, service.Name, message.Attempt + 1, due), ct);
            logger.Log(retryAt is null ? LogLevel.Error : LogLevel.Warning, ex,
                "Notice {Notice} delivery {DeliveryId} to {Role} failed on attempt {Attempt}; {Next}",
                delivery.Notice, delivery.Id, delivery.RecipientRole, message.Attempt, retryAt is null ? "no attempt left: failed" : $"retry at {retryAt:O}");
        }
        db.Add(attempt);
        foreach (var outcome in outcomes) await outcome.Changed(delivery, ct);
        outbox.Publish(delivery.Changed(service.Name, attempt.At));
    }

    internal static string RetryKey(Guid deliveryId, int attempt) => $"notice/{deliveryId}/attempt/{attempt}";
}
