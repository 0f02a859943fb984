using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Inspections;

/// <summary>
/// Keeps this inspectorate's copy of a newly scheduled inspection it takes part in; one it does not take
/// part in (an Ofsted-only inspection, for CQC and HMICFRS) leaves nothing here.
/// </summary>
public sealed class InspectionScheduledConsumer(InspectorateDbContext db, TimeProvider clock, ServiceIdentity service, ILogger<InspectionScheduledConsumer> logger)
    : InboxConsumer<InspectionScheduled>(db, logger)
{
    protected override async Task Handle(InspectionScheduled message, ConsumeContext<InspectionScheduled> context)
    {
        // A message that cannot describe an inspection is poison: fail it so it ends in the error queue.
        if (message.InspectionId == Guid.Empty || string.IsNullOrWhiteSpace(message.LocalAreaCode) || string.IsNullOrWhiteSpace(message.Theme))
            throw new InvalidOperationException($"InspectionScheduled {context.MessageId} lacks an inspection id, local area or theme.");

        if (!TakingPart.Includes(message.Inspectorates, service.Name))
        {
            logger.LogInformation("Inspection {InspectionId} is not one {Inspectorate} takes part in", message.InspectionId, service.Name);
            return;
        }
        // One statement: the copy is inserted unless this inspection is already known here (the same
        // inspection announced again under another message id), which the inbox cannot see.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inspections (inspection_id, local_area_code, local_area_name, theme, fieldwork_start, scheduled_at, received_at, stage)
            VALUES ({message.InspectionId}, {message.LocalAreaCode}, {message.LocalAreaName}, {message.Theme}, {message.FieldworkStart},
                    {message.ScheduledAt.ToUniversalTime()}, {clock.GetUtcNow()}, {InspectionCopy.ScheduledStage})
            ON CONFLICT (inspection_id) DO NOTHING
            """, context.CancellationToken);
        if (inserted == 0)
            logger.LogInformation("Inspection {InspectionId} is already known here", message.InspectionId);
    }
}
