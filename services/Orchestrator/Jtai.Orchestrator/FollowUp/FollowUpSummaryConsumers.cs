using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using MassTransit;

namespace Jtai.Orchestrator.FollowUp;

/// <summary>Starts (or completes) the summary row of a follow-up an inspectorate opened.</summary>
public sealed class FollowUpOpenedConsumer(OrchestratorDbContext db, ILogger<FollowUpOpenedConsumer> logger)
    : InboxConsumer<FollowUpOpened>(db, logger)
{
    protected override async Task Handle(FollowUpOpened message, ConsumeContext<FollowUpOpened> context)
    {
        var row = await FollowUpSummaries.Row(db, message.FollowUpId, message.InspectionId, message.Inspectorate, message.Process, context.CancellationToken);
        row.PriorityActionId = message.PriorityActionId;
        row.Coordinated = message.Coordinated;
        row.OpenedAt = message.At;
        FollowUpSummaries.Show(row, 0, message.State, "opened", message.At);
    }
}

/// <summary>Keeps the latest state: a step before the one shown (queues may cross) changes nothing.</summary>
public sealed class FollowUpAdvancedConsumer(OrchestratorDbContext db, ILogger<FollowUpAdvancedConsumer> logger)
    : InboxConsumer<FollowUpAdvanced>(db, logger)
{
    protected override async Task Handle(FollowUpAdvanced message, ConsumeContext<FollowUpAdvanced> context)
    {
        var row = await FollowUpSummaries.Row(db, message.FollowUpId, message.InspectionId, message.Inspectorate, message.Process, context.CancellationToken);
        FollowUpSummaries.Show(row, message.Sequence, message.To, message.Step, message.At);
    }
}

internal static class FollowUpSummaries
{
    /// <summary>The follow-up's row, created by whichever of its events arrives first.</summary>
    public static async Task<FollowUpSummary> Row(OrchestratorDbContext db, Guid followUpId, Guid inspectionId, string inspectorate, string? process, CancellationToken ct)
    {
        var row = await db.Set<FollowUpSummary>().FindAsync([followUpId], ct);
        if (row is null)
        {
            db.Set<FollowUpSummary>().Add(row = new FollowUpSummary
            {
                FollowUpId = followUpId, InspectionId = inspectionId, Inspectorate = inspectorate, Process = process ?? "", State = "",
            });
        }
        if (process is not null) row.Process = process;
        return row;
    }

    public static void Show(FollowUpSummary row, int sequence, string state, string step, DateTimeOffset at)
    {
        if (sequence <= row.LastSequence) return;
        row.LastSequence = sequence;
        row.State = state;
        row.LastStep = step;
        row.UpdatedAt = at;
    }
}

public sealed class FollowUpDeadlineReachedConsumer(OrchestratorDbContext db, ILogger<FollowUpDeadlineReachedConsumer> logger)
    : InboxConsumer<FollowUpDeadlineReached>(db, logger)
{
    protected override async Task Handle(FollowUpDeadlineReached message, ConsumeContext<FollowUpDeadlineReached> context)
    {
        // A reminder or overdue point of a follow-up not yet summarised: its Opened event will bring the rest.
        var row = await FollowUpSummaries.Row(db, message.FollowUpId, message.InspectionId, message.Inspectorate, null, context.CancellationToken);
        if (message.Kind == "overdue") row.Overdue = [.. row.Overdue.Append(message.Deadline).Distinct()];
        else row.Reminded = [.. row.Reminded.Append(message.Deadline).Distinct()];
    }
}
