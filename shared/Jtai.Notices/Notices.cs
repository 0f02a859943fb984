using System.Text.Json;
using Jtai.Contracts.Events;
using Jtai.Messaging;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Notices.Delivery;

namespace Jtai.Notices;

/// <summary>
/// Queue a notice: the delivery row and its first attempt are staged on the caller's DbContext, so
/// they commit (or not) with the change that caused them; the attempt leaves through the outbox.
/// </summary>
public interface INotices
{
    NoticeDelivery Queue(Notice notice);
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
}

internal static class NoticeDeliveryEvents
{
    public static NoticeDeliveryChanged Changed(this NoticeDelivery d, string service, DateTimeOffset at) =>
        new(d.InspectionId, d.Id, service, d.Notice, d.Regarding, d.RecipientRole, d.RecipientAddress, d.State, d.Attempts, d.LastError, at);
}
