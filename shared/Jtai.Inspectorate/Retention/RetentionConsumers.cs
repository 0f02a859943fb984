using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Inspections;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Inspectorate.Retention;

/// <summary>
/// Follows the inspection's lifecycle for retention: the first trigger stage reached (e.g. published)
/// starts the retention period; the configured stage removes names from every record automatically.
/// </summary>
public sealed class RetentionStageConsumer(InspectorateDbContext db, IOptions<RetentionOptions> options, TimeProvider clock,
    ServiceIdentity service, ILogger<RetentionStageConsumer> logger) : InboxConsumer<InspectionTransitioned>(db, logger)
{
    protected override async Task Handle(InspectionTransitioned message, ConsumeContext<InspectionTransitioned> context)
    {
        // An inspection this inspectorate does not take part in holds nothing here to retain.
        if (!TakingPart.Includes(message.Inspectorates, service.Name)) return;
        var policy = options.Value;
        var state = await db.Set<InspectionRetention>().FindAsync([message.InspectionId], context.CancellationToken);
        if (state is null) db.Add(state = new InspectionRetention { InspectionId = message.InspectionId, Stage = message.To });
        // Messages may arrive out of order: only a later transition moves the stage.
        if (message.At >= state.StageAt)
        {
            state.Stage = message.To;
            state.StageAt = message.At;
        }
        if (state.TriggeredAt is null && policy.TriggerStages.Contains(message.To))
        {
            state.TriggeredAt = message.At;
            state.TriggerStage = message.To;
        }
        if (!string.IsNullOrWhiteSpace(policy.RemoveNamesAt) && message.To == policy.RemoveNamesAt)
        {
            var removed = await EvidenceRules.RemoveNames(db, message.InspectionId, null, clock.GetUtcNow(), context.CancellationToken);
            state.NamesRemovedAt = removed.At;
            logger.LogInformation("Names removed from {Records} records of inspection {InspectionId} at {Stage}",
                removed.RecordsChanged, message.InspectionId, message.To);
        }
    }
}

public sealed class LegalHoldPlacedConsumer(InspectorateDbContext db, ILogger<LegalHoldPlacedConsumer> logger)
    : InboxConsumer<LegalHoldPlaced>(db, logger)
{
    protected override async Task Handle(LegalHoldPlaced message, ConsumeContext<LegalHoldPlaced> context)
    {
        if (message.HoldId == Guid.Empty) throw new InvalidOperationException($"LegalHoldPlaced {context.MessageId} has no hold id.");
        var hold = await db.Set<LegalHold>().FindAsync([message.HoldId], context.CancellationToken);
        if (hold is not null) return;
        db.Add(new LegalHold
        {
            HoldId = message.HoldId, InspectionId = message.InspectionId,
            Reason = message.Reason.Length > 500 ? message.Reason[..500] : message.Reason, PlacedAt = message.At,
        });
    }
}

public sealed class LegalHoldReleasedConsumer(InspectorateDbContext db, ILogger<LegalHoldReleasedConsumer> logger)
    : InboxConsumer<LegalHoldReleased>(db, logger)
{
    protected override async Task Handle(LegalHoldReleased message, ConsumeContext<LegalHoldReleased> context)
    {
        var hold = await db.Set<LegalHold>().FindAsync([message.HoldId], context.CancellationToken);
        if (hold is null)
        {
            // Released before (or without) being placed here: record it released, so a late "placed" cannot hold forever.
            db.Add(new LegalHold { HoldId = message.HoldId, InspectionId = message.InspectionId, Reason = "(released before placed)", PlacedAt = message.At, ReleasedAt = message.At });
            return;
        }
        hold.ReleasedAt ??= message.At;
    }
}
