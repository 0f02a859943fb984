using System.Text.Json;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>A platform whose services declare quorum queues (Messaging:Queues:Quorum).</summary>
public sealed class QuorumQueueFixture : PlatformFixture
{
    protected override Testing.PlatformOptions Options => new()
    {
        Settings = (name, settings) =>
        {
            if (Testing.Platform.ServiceNames.Contains(name)) settings["Messaging:Queues:Quorum"] = "true";
        },
    };
}

[CollectionDefinition(Name)]
public sealed class QuorumQueueCollection : ICollectionFixture<QuorumQueueFixture>
{
    public const string Name = "quorum-queues";
}

/// <summary>
/// Quorum queues (replicated across a cluster's nodes) with a delivery limit whose overflow goes to
/// the _error queue; the platform works on them as on classic queues.
/// </summary>
[Collection(QuorumQueueCollection.Name)]
public sealed class QuorumQueueTests(QuorumQueueFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Consumer_queues_and_their_error_queues_are_quorum_queues_with_a_delivery_limit_that_dead_letters_to_error()
    {
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            var queue = await Queue($"{service}-inspection-scheduled");
            Assert.Equal("quorum", queue.GetProperty("type").GetString());
            var arguments = queue.GetProperty("arguments");
            Assert.Equal(20, arguments.GetProperty("x-delivery-limit").GetInt32());
            Assert.Equal($"{service}-inspection-scheduled_error", arguments.GetProperty("x-dead-letter-exchange").GetString());
            Assert.Equal("quorum", (await Queue($"{service}-inspection-scheduled_error")).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Scheduling_reaches_every_inspectorate_and_a_poison_message_still_lands_in_the_error_queue()
    {
        var id = (await Platform.ScheduleInspection())["id"]!.GetValue<Guid>();
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(service, id, TimeSpan.FromSeconds(30));

        var messageId = NewId.NextGuid();
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(Guid.NewGuid(), "", "Nowhere", "front-door", Steps.NextFieldworkMonday(Platform.Clock),
                Platform.Clock.GetUtcNow()), ctx => ctx.MessageId = messageId);
        await Testing.Platform.WaitUntil(async () =>
            (await Platform.Infrastructure.Management.Peek(Platform.Vhost, "cqc-inspection-scheduled_error", 50))
                .Any(m => m.Body.Contains(messageId.ToString())), TimeSpan.FromSeconds(30), "the poison message in cqc's quorum error queue");
    }

    [Fact]
    public async Task An_early_transition_is_parked_and_handed_back_to_its_quorum_queue_once_its_inspection_arrives()
    {
        var id = Guid.NewGuid();
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock);
        var now = Platform.Clock.GetUtcNow();
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionTransitioned(id, "scheduled", "notified", fieldwork, now, "lead"), _ => { });
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" })
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services(service).CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().ParkedMessages.AnyAsync(p => p.InspectionId == id);
            }, TimeSpan.FromSeconds(30), $"{service} to park the early transition");

        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(id, Steps.Area, Steps.AreaName, "front-door", fieldwork, now.AddMinutes(-1)), _ => { });
        // Handed back through the queue's own exchange: re-declaring a quorum queue with plain arguments is refused.
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" })
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services(service).CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Inspections.AnyAsync(i => i.InspectionId == id && i.Stage == "notified");
            }, TimeSpan.FromSeconds(60), $"{service} to apply the parked transition from its quorum queue");
    }

    private async Task<JsonElement> Queue(string name) =>
        await Platform.Infrastructure.Management.Queue(Platform.Vhost, name)
        ?? throw new Xunit.Sdk.XunitException($"queue {name} is not declared");
}
