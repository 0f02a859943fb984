using System.Text.Json;
using Jtai.Contracts.Events;
using Jtai.Messaging;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Notices.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Notices;

/// <summary>
/// Queue a notice: the delivery row and its first attempt are staged on the caller's DbContext, so
/// they commit (or not) with the change that caused them; the attempt leaves through the outbox.
/// </summary>
public interface INotices
{
    NoticeDelivery Queue(Notice notice);

    /// <summary>
    /// Someone fixed what made a delivery fail (an address, the mail server) and asks for one more attempt now:
    /// the row is locked, moved back to retried and its attempt staged through the outbox; the caller saves.
    /// Null when the service holds no such delivery; a delivery that is not failed is a domain error.
    /// </summary>
    Task<NoticeDelivery?> Retry(Guid deliveryId, CancellationToken ct);
}

internal sealed class Notices(MessagingDbContext db, IOutbox outbox, ServiceIdentity service, TimeProvider clock) : INotices
{
    public NoticeDelivery Queue(Notice notice)
    {
        var now = clock.GetUtcNow();
        var delivery = new NoticeDelivery
        {
            Id = Guid.NewGuid(), InspectionId = notice.InspectionId, Notice = notice.Kind, Regarding = notice.Regarding,
            RecipientRole = notice.To.Role, RecipientName = notice.To.Name, RecipientAddress = notice.To.Address.Trim(),
            Subject = notice.Subject, Body = notice.Body,
            Personalisation = JsonSerializer.Serialize(notice.Personalisation ?? new Dictionary<string, string>()),
            QueuedAt = now,
        };
        db.Add(delivery);
        outbox.Publish(new NoticeDeliveryDue(delivery.InspectionId, delivery.Id, service.Name, 1, now));
        outbox.Publish(delivery.Changed(service.Name, now));
        return delivery;
    }

    public async Task<NoticeDelivery?> Retry(Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<NoticeDelivery>()
            .FromSql($"SELECT * FROM notice_deliveries WHERE id = {deliveryId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (delivery is null) return null;
        var now = clock.GetUtcNow();
        delivery.RetryRequested(now);
        outbox.Publish(new NoticeDeliveryDue(delivery.InspectionId, delivery.Id, service.Name, delivery.Attempts + 1, now));
        outbox.Publish(delivery.Changed(service.Name, now));
        return delivery;
    }
}

internal static class NoticeDeliveryEvents
{
    public static NoticeDeliveryChanged Changed(this NoticeDelivery d, string service, DateTimeOffset at) =>
        new(d.InspectionId, d.Id, service, d.Notice, d.Regarding, d.RecipientRole, d.RecipientAddress, d.State, d.Attempts, d.LastError, at);
}
