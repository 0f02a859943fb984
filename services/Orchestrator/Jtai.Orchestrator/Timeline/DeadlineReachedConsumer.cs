using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// Records that a milestone's deadline was reached. A DeadlineReached computed from an earlier
/// fieldwork start (the inspection was deferred since) is stale and changes nothing.
/// </summary>
public sealed class DeadlineReachedConsumer(OrchestratorDbContext db, TimeProvider clock, ILogger<DeadlineReachedConsumer> logger)
    : InboxConsumer<DeadlineReached>(db, logger)
{
    protected override async Task Handle(DeadlineReached message, ConsumeContext<DeadlineReached> context)
    {
        var current = await db.Inspections.AnyAsync(i => i.Id == message.InspectionId && i.FieldworkStart == message.FieldworkStart, context.CancellationToken);
        var milestone = await db.Set<InspectionMilestone>().SingleOrDefaultAsync(
            m => m.InspectionId == message.InspectionId && m.Key == message.MilestoneKey, context.CancellationToken);
        if (!current || milestone is null || milestone.DueAt != message.DueAt)
        {
            logger.LogInformation("Stale deadline {Milestone} of inspection {InspectionId} ignored", message.MilestoneKey, message.InspectionId);
            return;
        }
        milestone.ReachedAt ??= clock.GetUtcNow();
    }
}
