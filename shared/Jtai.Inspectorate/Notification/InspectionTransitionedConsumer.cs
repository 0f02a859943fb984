using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Inspections;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using Jtai.Notices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Notification;

/// <summary>
/// Follows the inspection's lifecycle in this inspectorate's copy (a deferral moves fieldwork) and,
/// when the inspection is notified, sends this inspectorate's notice to each of its own contacts
/// (¶16–17) and records whom it notified; a record is "notified" once its notice is delivered. An
/// inspectorate not taking part (the message names the others) neither follows nor notifies.
/// </summary>
public sealed class InspectionTransitionedConsumer(
    InspectorateDbContext db, NotificationOptions recipients, INotices notices, ServiceIdentity service,
    ILogger<InspectionTransitionedConsumer> logger)
    : InboxConsumer<InspectionTransitioned>(db, logger)
{
    private const string Notified = "notified";

    protected override async Task Handle(InspectionTransitioned message, ConsumeContext<InspectionTransitioned> context)
    {
        var ct = context.CancellationToken;
        if (!TakingPart.Includes(message.Inspectorates, service.Name)) return;
        // InspectionScheduled travels on another queue and may still be on its way (after a broker
        // restart one queue can come back many seconds before another): park until it is here.
        var copy = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == message.InspectionId, ct)
            ?? throw new MessageArrivedEarlyException($"inspection {message.InspectionId} (InspectionScheduled)");
        // Transitions may arrive out of order (several consumers at once): only a later one moves the
        // copy, decided atomically in the UPDATE so two at once cannot both win.
        await db.Inspections
            .Where(i => i.InspectionId == message.InspectionId && (i.StageChangedAt == null || i.StageChangedAt <= message.At))
            .ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Stage, message.To)
                .SetProperty(i => i.StageChangedAt, message.At)
                .SetProperty(i => i.FieldworkStart, message.FieldworkStart), ct);
        if (message.To != Notified) return;

        var wanted = recipients.Recipients.Concat(recipients.AskedToNotify).ToList();
        var contacts = await db.Set<AreaContact>().AsNoTracking()
            .Where(c => c.LocalAreaCode == copy.LocalAreaCode && wanted.Contains(c.Role)).ToDictionaryAsync(c => c.Role, ct);
        var via = $"via-{recipients.Recipients[0]}";
        var deliveries = new Dictionary<string, Guid>();
        foreach (var role in recipients.Recipients)
        {
            if (!contacts.TryGetValue(role, out var contact)) continue;
            var asked = recipients.Recipients[0] == role ? recipients.AskedToNotify : [];
            var notice = NotificationNotice.For(copy, service.Name, TakingPart.Of(message.Inspectorates), contact, message.FieldworkStart,
                asked.Where(contacts.ContainsKey).Select(r => contacts[r]).ToList(), asked.Where(r => !contacts.ContainsKey(r)).ToList());
            deliveries[role] = notices.Queue(notice).Id;
        }
        foreach (var role in wanted)
        {
            contacts.TryGetValue(role, out var contact);
            db.Add(new InspectionNotification
            {
                InspectionId = message.InspectionId, Role = role, Name = contact?.Name, Email = contact?.Email,
                Channel = recipients.Recipients.Contains(role) ? "direct" : via, ContactMissing = contact is null,
                RecordedAt = message.At, DeliveryId = deliveries.TryGetValue(role, out var id) ? id : null, FieldworkStart = message.FieldworkStart,
            });
            if (contact is null)
                logger.LogWarning("No {Role} on record for area {Area}: inspection {InspectionId} notification recorded as missing", role, copy.LocalAreaCode, message.InspectionId);
        }
    }
}
