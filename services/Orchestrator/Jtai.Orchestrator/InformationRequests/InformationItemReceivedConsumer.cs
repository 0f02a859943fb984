using Jtai.Contracts.Events;
using Jtai.Contracts.InformationRequests;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.InformationRequests;

/// <summary>Ticks the checklist when Ofsted's exchange reports an item delivered; deliveries may arrive out of order.</summary>
public sealed class InformationItemReceivedConsumer(OrchestratorDbContext db, ILogger<InformationItemReceivedConsumer> logger)
    : InboxConsumer<InformationItemReceived>(db, logger)
{
    protected override async Task Handle(InformationItemReceived message, ConsumeContext<InformationItemReceived> context)
    {
        // An item outside the catalogue is a contract breach: fail it so it lands in the error queue, visible.
        if (AnnexAItems.Find(message.ItemKey) is null || string.IsNullOrWhiteSpace(message.Agency))
            throw new InvalidOperationException($"InformationItemReceived {context.MessageId} names unknown item '{message.ItemKey}' or no agency.");

        var received = await db.Set<InformationReceived>().SingleOrDefaultAsync(r =>
            r.InspectionId == message.InspectionId && r.ItemKey == message.ItemKey && r.Agency == message.Agency, context.CancellationToken);
        if (received is null)
        {
            db.Set<InformationReceived>().Add(new InformationReceived
            {
                InspectionId = message.InspectionId, ItemKey = message.ItemKey, Agency = message.Agency,
                FirstReceivedAt = message.ReceivedAt, LastReceivedAt = message.ReceivedAt, LastReceivedBy = message.ReceivedBy,
                Version = message.Version, Summary = Truncate(message.Summary),
            });
            return;
        }
        if (message.ReceivedAt < received.FirstReceivedAt) received.FirstReceivedAt = message.ReceivedAt;
        if (message.ReceivedAt >= received.LastReceivedAt)
        {
            received.LastReceivedAt = message.ReceivedAt;
            received.LastReceivedBy = message.ReceivedBy;
            received.Summary = Truncate(message.Summary);
        }
        received.Version = Math.Max(received.Version, message.Version);
    }

    private static string Truncate(string s) => s.Length <= 500 ? s : s[..500];
}
