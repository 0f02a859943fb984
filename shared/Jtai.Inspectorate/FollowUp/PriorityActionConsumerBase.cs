using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// Opens this inspectorate's follow-up of a priority action addressed to it (and ignores the
/// others). The inbox makes a redelivery harmless; the unique priority action id makes a second
/// publication of the same action harmless too. Each service derives its own consumer (its own
/// queue) and says what else happens at once, such as CQC notifying the manager.
/// </summary>
public abstract class PriorityActionConsumerBase(InspectorateDbContext db, FollowUps followUps, ILogger logger)
    : InboxConsumer<PriorityActionIdentified>(db, logger)
{
    private readonly ILogger _logger = logger;

    protected abstract ILifecycle Lifecycle { get; }

    /// <summary>What the inspectorate does on opening, in the same transaction.</summary>
    protected abstract Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct);

    protected override async Task Handle(PriorityActionIdentified message, ConsumeContext<PriorityActionIdentified> context)
    {
        // A message that cannot be followed up is poison: fail it so it lands in the error queue, visible.
        if (PriorityActionRouting.Invalid(message) is { } why)
            throw new InvalidOperationException($"PriorityActionIdentified {context.MessageId} {why}.");

        if (!PriorityActionRouting.Owners(message).Contains(followUps.Inspectorate))
        {
            _logger.LogInformation("Priority action {PriorityActionId} is not for {Inspectorate}", message.PriorityActionId, followUps.Inspectorate);
            return;
        }
        if (await db.Set<FollowUpCase>().AnyAsync(f => f.PriorityActionId == message.PriorityActionId, context.CancellationToken))
        {
            _logger.LogInformation("Priority action {PriorityActionId} is already followed up", message.PriorityActionId);
            return;
        }
        var followUp = followUps.Open(message, Lifecycle);
        await Opened(followUp, message, context.CancellationToken);
    }
}

/// <summary>
/// Records that a follow-up deadline's reminder or overdue point passed (this service's own
/// deadline rows published it); one met meanwhile is left as met.
/// </summary>
public sealed class FollowUpDeadlineReachedConsumer(InspectorateDbContext db, FollowUps followUps, TimeProvider clock, ILogger<FollowUpDeadlineReachedConsumer> logger)
    : InboxConsumer<FollowUpDeadlineReached>(db, logger)
{
    protected override async Task Handle(FollowUpDeadlineReached message, ConsumeContext<FollowUpDeadlineReached> context)
    {
        if (message.Inspectorate != followUps.Inspectorate) return;
        var deadline = await db.Set<FollowUpDeadline>().FindAsync([message.FollowUpId, message.Deadline], context.CancellationToken);
        if (deadline is null || deadline.MetAt is not null || deadline.DueOn != message.DueOn) return;

        var now = clock.GetUtcNow();
        if (message.Kind == FollowUps.Overdue) deadline.OverdueAt ??= now;
        else deadline.RemindedAt ??= now;
        var followUp = await db.Set<FollowUpCase>().SingleAsync(f => f.Id == message.FollowUpId, context.CancellationToken);
        db.Set<FollowUpStep>().Add(new FollowUpStep
        {
            FollowUpId = followUp.Id, Step = $"{message.Deadline}-{message.Kind}", From = followUp.State, To = followUp.State,
            Note = $"{message.Deadline} due {message.DueOn:yyyy-MM-dd}", By = FollowUps.System, At = now,
        });
    }
}

/// <summary>
/// Annex B: each follow-up carries the letter's date and its publication date (the ILACS action plan and
/// HMICFRS's cause of concern count from them). Set with ExecuteUpdate so a follow-up being changed at the
/// same time keeps its own change; a publication date once known is never cleared by an earlier message.
/// </summary>
public sealed class LetterOfFindingsDatedConsumer(InspectorateDbContext db, FollowUps followUps, ILogger<LetterOfFindingsDatedConsumer> logger)
    : InboxConsumer<LetterOfFindingsDated>(db, logger)
{
    protected override async Task Handle(LetterOfFindingsDated message, ConsumeContext<LetterOfFindingsDated> context)
    {
        var ct = context.CancellationToken;
        var cases = followUps.Cases.Where(f => f.InspectionId == message.InspectionId && f.Inspectorate == followUps.Inspectorate);
        await cases.ExecuteUpdateAsync(u => u.SetProperty(f => f.LetterDate, message.LetterDate), ct);
        if (message.PublishedDate is { } published)
            await cases.ExecuteUpdateAsync(u => u.SetProperty(f => f.PublishedDate, published), ct);
    }
}
