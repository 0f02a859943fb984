using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Inspections;

/// <summary>
/// Keeps this inspectorate's copy of a newly scheduled inspection it takes part in; one it does not take
/// part in (an Ofsted-only inspection, for CQC and HMICFRS) leaves nothing here. Every inspectorate
/// receives one for every inspection, so the copy is written in the inbox's own statement.
/// </summary>
public sealed class InspectionScheduledConsumer(InspectorateDbContext db, TimeProvider clock, ServiceIdentity service, ILogger<InspectionScheduledConsumer> logger)
    : InboxStatementConsumer<InspectionScheduled>(db, logger)
{
    protected override InboxEffect? Effect(InspectionScheduled message, ConsumeContext<InspectionScheduled> context)
    {
        // A message that cannot describe an inspection is poison: fail it so it ends in the error queue.
        if (message.InspectionId == Guid.Empty || string.IsNullOrWhiteSpace(message.LocalAreaCode) || string.IsNullOrWhiteSpace(message.Theme))
            throw new InvalidOperationException($"InspectionScheduled {context.MessageId} lacks an inspection id, local area or theme.");

        if (!TakingPart.Includes(message.Inspectorates, service.Name))
        {
            Logger.LogInformation("Inspection {InspectionId} is not one {Inspectorate} takes part in", message.InspectionId, service.Name);
            return null;
        }
        // The copy is inserted unless this inspection is already known here (the same inspection announced
        // again under another message id), which the inbox cannot see.
        return new InboxEffect($"""
            INSERT INTO inspections (inspection_id, local_area_code, local_area_name, theme, fieldwork_start, scheduled_at, received_at, stage)
            SELECT {message.InspectionId}, {message.LocalAreaCode}, {message.LocalAreaName}, {message.Theme}, {message.FieldworkStart},
                   {message.ScheduledAt.ToUniversalTime()}, {clock.GetUtcNow()}, {InspectionCopy.ScheduledStage}
            WHERE EXISTS (SELECT FROM recorded)
            ON CONFLICT (inspection_id) DO NOTHING
            RETURNING 1
            """);
    }

    protected override void Applied(InspectionScheduled message, long rowsChanged)
    {
        if (rowsChanged == 0) Logger.LogInformation("Inspection {InspectionId} is already known here", message.InspectionId);
    }
}
