using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Inbox;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.StatementOfAction;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Publication;

/// <summary>
/// The embargo lifts at the letter's publication instant (its deadline row): the inspection becomes
/// published through the lifecycle, which tells every service (InspectionTransitioned). A row left
/// behind by a withdrawal or a rescheduled publication is stale and changes nothing.
/// </summary>
public sealed class LetterPublicationConsumer(OrchestratorDbContext db, Transitions transitions, IDeadlines deadlines, WorkingDayCalendar calendar,
    IOutbox outbox, TimeProvider clock, ILogger<LetterPublicationConsumer> logger)
    : InboxConsumer<PostInspectionDeadlineReached>(db, logger)
{
    protected override async Task Handle(PostInspectionDeadlineReached message, ConsumeContext<PostInspectionDeadlineReached> context)
    {
        if (message.Deadline != LetterPublication.Deadline) return;
        var ct = context.CancellationToken;
        var letter = await db.Set<InspectionLetter>().AsNoTracking().SingleOrDefaultAsync(l => l.InspectionId == message.InspectionId, ct);
        if (letter is null || letter.WithdrawnAt is not null || letter.PublicationAt is not { } at
            || Math.Abs((at - message.At).TotalMilliseconds) >= 1)
        {
            logger.LogInformation("Stale publication of inspection {InspectionId} ignored", message.InspectionId);
            return;
        }
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == message.InspectionId, ct);
        if (inspection.Status != Stages.FinalUnderEmbargo)
        {
            logger.LogInformation("Inspection {InspectionId} is {Stage}, not under embargo: publication already recorded", message.InspectionId, inspection.Status);
            return;
        }
        // The statement of action counts from the day the letter is really published, as the timeline does.
        // The follow-ups of the priority actions carry the day it was really published (Annex B).
        await transitions.Move(message.InspectionId, Stages.Published, "letter-publication", "The embargo on the final letter lifted", async _ =>
        {
            outbox.Publish(new LetterOfFindingsDated(message.InspectionId, letter.LetterDate!.Value, LondonTime.Today(clock), clock.GetUtcNow()));
            await StatementOfActionDeadline.Reanchor(db, deadlines, calendar, message.InspectionId, LondonTime.Today(clock), ct);
        }, ct);
    }
}

public static class LetterConsumers
{
    public static void AddLetterConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<LetterPublicationConsumer>();
}
