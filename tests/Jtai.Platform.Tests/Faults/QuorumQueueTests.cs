using System.Text.Json;
using Jtai.Contracts.Events;
using MassTransit;
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

    private async Task<JsonElement> Queue(string name) =>
        await Platform.Infrastructure.Management.Queue(Platform.Vhost, name)
        ?? throw new Xunit.Sdk.XunitException($"queue {name} is not declared");
}
