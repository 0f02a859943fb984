using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Notification;
using Jtai.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// A message that arrives before what it depends on (a transition before the inspection it moves:
/// they travel on different queues) waits in the consumer's database and is applied once its
/// precondition arrives, without exhausting its retries and without reaching an _error queue.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EarlyMessageTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    [Fact]
    public async Task A_transition_that_arrives_before_its_inspection_is_parked_and_applied_when_the_inspection_arrives()
    {
        var id = Guid.NewGuid();
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock);
        var now = Platform.Clock.GetUtcNow();
        var transitionId = NewId.NextGuid();
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionTransitioned(id, "scheduled", "notified", fieldwork, now, "lead"), ctx => ctx.MessageId = transitionId);

        // Each inspectorate keeps it aside, far past the consumer's retry budget (0.6 s in tests), handled by nobody.
        foreach (var service in Inspectorates)
            await Testing.Platform.WaitUntil(async () => await Parked(service, id) == 1, TimeSpan.FromSeconds(30), $"{service} to park the early transition");
        foreach (var service in Inspectorates)
        {
            Assert.Equal(0, await Inbox(service, transitionId));
            Assert.Empty(await InError(service, transitionId));
        }

        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(id, Steps.Area, Steps.AreaName, "front-door", fieldwork, now.AddMinutes(-1)), _ => { });

        foreach (var service in Inspectorates)
        {
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services(service).CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
                return await db.Inspections.AnyAsync(i => i.InspectionId == id && i.Stage == "notified")
                    && await db.Set<InspectionNotification>().AnyAsync(n => n.InspectionId == id);
            }, TimeSpan.FromSeconds(30), $"{service} to apply the parked transition once the inspection arrived");
            Assert.Equal(1, await Inbox(service, transitionId));
            await Testing.Platform.WaitUntil(async () => await Parked(service, id) == 0, TimeSpan.FromSeconds(10), $"{service}'s parked row to go with the effect");
            Assert.Empty(await InError(service, transitionId));
        }
    }

    private async Task<int> Parked(string service, Guid inspectionId)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.ParkedMessages.CountAsync(p => p.InspectionId == inspectionId);
    }

    /// <summary>The notifying consumer's inbox mark (the retention consumer takes the same message and needs no copy).</summary>
    private async Task<int> Inbox(string service, Guid messageId)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.InboxMessages.CountAsync(m => m.MessageId == messageId && m.Consumer == "InspectionTransitionedConsumer");
    }

    private async Task<List<Testing.QueuedMessage>> InError(string service, Guid messageId) =>
        (await Platform.Infrastructure.Management.Peek(Platform.Vhost, $"{service}-inspection-transitioned_error", 100))
            .Where(m => m.Body.Contains(messageId.ToString())).ToList();
}
