using Jtai.Contracts.Events;
using Jtai.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>Nothing lost, nothing twice: inbox, retries and error queues (the broker outage: Faults/BrokerOutageTests).</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReliabilityTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    [Fact]
    public async Task The_same_message_delivered_twice_gives_one_record_in_each_service()
    {
        var messageId = NewId.NextGuid();
        var message = new InspectionScheduled(Guid.NewGuid(), "E06000001", "Hartlepool", "front-door",
            Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());

        await using (var bus = await TestBus.Start(Platform))
        {
            await bus.Publish(message, ctx => ctx.MessageId = messageId);
            await bus.Publish(message, ctx => ctx.MessageId = messageId);
        }

        foreach (var service in Inspectorates)
        {
            await Platform.CopyHeldBy(service, message.InspectionId);
            await Testing.Platform.WaitUntil(async () => await InboxRows(service, messageId) >= 1, TimeSpan.FromSeconds(10), "the inbox mark");
        }
        // Let the second delivery arrive and be acknowledged without effect.
        await Testing.Platform.WaitUntil(async () => await QueueIsEmpty("ofsted-inspection-scheduled") && await QueueIsEmpty("cqc-inspection-scheduled")
            && await QueueIsEmpty("hmicfrs-inspection-scheduled"), TimeSpan.FromSeconds(10), "both deliveries to be consumed");
        foreach (var service in Inspectorates)
        {
            Assert.Equal(1, await InboxRows(service, messageId));
            await using var scope = Platform.Services(service).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Jtai.Inspectorate.Data.InspectorateDbContext>();
            Assert.Equal(1, await db.Inspections.CountAsync(i => i.InspectionId == message.InspectionId));
        }
    }

    [Fact]
    public async Task A_consumer_that_throws_is_retried_then_its_message_lands_in_the_error_queue_unhandled()
    {
        // A message that cannot describe an inspection makes the consumer throw on every attempt.
        var messageId = NewId.NextGuid();
        var poison = new InspectionScheduled(Guid.NewGuid(), "", "Nowhere", "front-door", Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(poison, ctx => ctx.MessageId = messageId);

        foreach (var service in Inspectorates)
        {
            var errorQueue = $"{service}-inspection-scheduled_error";
            Testing.QueuedMessage? dead = null;
            await Testing.Platform.WaitUntil(async () =>
            {
                dead = (await Platform.Infrastructure.Management.Peek(Platform.Vhost, errorQueue, 50))
                    .FirstOrDefault(m => m.Body.Contains(messageId.ToString()));
                return dead is not null;
            }, TimeSpan.FromSeconds(20), $"the poison message in {errorQueue}");

            // Retried as configured (3 redeliveries in the test settings), and the reason is kept.
            Assert.Equal("3", dead!.Header("MT-Fault-RetryCount"));
            Assert.Contains("lacks an inspection id", dead.Header("MT-Fault-Message"));
            // Never acknowledged as handled: no inbox mark, no copy.
            Assert.Equal(0, await InboxRows(service, messageId));
        }
    }

    [Fact]
    public async Task A_message_whose_copy_the_database_refuses_leaves_neither_its_inbox_mark_nor_a_copy_and_lands_in_the_error_queue()
    {
        // The mark and the copy are one statement: the copy refused (an area code longer than its column)
        // takes the mark with it, so the message is retried and failed, never acknowledged as handled.
        var messageId = NewId.NextGuid();
        var refused = new InspectionScheduled(Guid.NewGuid(), new string('E', 21), "Nowhere", "front-door",
            Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(refused, ctx => ctx.MessageId = messageId);

        foreach (var service in Inspectorates)
        {
            var errorQueue = $"{service}-inspection-scheduled_error";
            await Testing.Platform.WaitUntil(async () => (await Platform.Infrastructure.Management.Peek(Platform.Vhost, errorQueue, 50))
                .Any(m => m.Body.Contains(messageId.ToString())), TimeSpan.FromSeconds(20), $"the refused message in {errorQueue}");
            Assert.Equal(0, await InboxRows(service, messageId));
            await using var scope = Platform.Services(service).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Jtai.Inspectorate.Data.InspectorateDbContext>();
            Assert.False(await db.Inspections.AnyAsync(i => i.InspectionId == refused.InspectionId));
        }
    }

    private async Task<int> InboxRows(string service, Guid messageId)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.InboxMessages.CountAsync(m => m.MessageId == messageId);
    }

    private async Task<bool> QueueIsEmpty(string queue) =>
        (await Platform.Infrastructure.Management.Peek(Platform.Vhost, queue, 1)).Count == 0;
}
