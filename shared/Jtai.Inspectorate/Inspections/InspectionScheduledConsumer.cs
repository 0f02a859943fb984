using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Inspections;

/// <summary>Keeps this inspectorate's copy of a newly scheduled inspection.</summary>
public sealed class InspectionScheduledConsumer(InspectorateDbContext db, TimeProvider clock, ILogger<InspectionScheduledConsumer> logger)
    : InboxConsumer<InspectionScheduled>(db, logger)
{
    protected override async Task Handle(InspectionScheduled message, ConsumeContext<InspectionScheduled> context)
    {
        // A message that cannot describe an inspection is poison: fail it so it ends in the error queue.
        if (message.InspectionId == Guid.Empty || string.IsNullOrWhiteSpace(message.LocalAreaCode) || string.IsNullOrWhiteSpace(message.Theme))
            throw new InvalidOperationException($"InspectionScheduled {context.MessageId} lacks an inspection id, local area or theme.");

        if (await db.Inspections.FindAsync([message.InspectionId], context.CancellationToken) is not null)
        {
            logger.LogInformation("Inspection {InspectionId} is already known here", message.InspectionId);
            return;
        }

        db.Inspections.Add(new InspectionCopy
        {
            InspectionId = message.InspectionId,
            LocalAreaCode = message.LocalAreaCode,
            LocalAreaName = message.LocalAreaName,
            Theme = message.Theme,
            FieldworkStart = message.FieldworkStart,
            ScheduledAt = message.ScheduledAt,
            ReceivedAt = clock.GetUtcNow(),
        });
    }
}
