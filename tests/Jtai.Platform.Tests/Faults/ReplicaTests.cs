using System.Net;
using Jtai.Inspectorate.Data;
using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// Two processes of one service on one machine, as two replicas: they compete for the same queues
/// and the same outbox rows, and every message is published once and applied once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ReplicaTests(FaultsFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private const int Schedulings = 20;

    [Fact]
    public async Task Two_replicas_share_queues_and_outbox_and_each_inspection_is_published_once_and_held_once()
    {
        await Platform.StartReplica("orchestrator");
        await Platform.StartReplica("ofsted");
        try
        {
            // Both Ofsted processes consume the queue.
            await Testing.Platform.WaitUntil(async () => await Consumers("ofsted-inspection-scheduled") == 2,
                TimeSpan.FromSeconds(30), "both ofsted replicas to consume their queue");
            var publishedBefore = await Published("ofsted-inspection-scheduled");

            // Half the schedulings through each orchestrator process: both relays see every row.
            var token = await Platform.Tokens.Staff("lead-inspector", "ofsted");
            using var one = Platform.DirectClient("orchestrator", token);
            using var two = Platform.DirectClient("orchestrator-2", token);
            var ids = new List<Guid>();
            for (var i = 0; i < Schedulings; i++)
            {
                var response = await (i % 2 == 0 ? one : two).PostJson("/api/orchestrator/inspections", new
                {
                    localAreaCode = "E06000011", localAreaName = "East Riding of Yorkshire", theme = "front-door",
                    fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock, weeksAhead: 9),
                });
                ids.Add((await response.Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
            }

            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services("ofsted").CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
                return await db.Inspections.CountAsync(c => ids.Contains(c.InspectionId)) == Schedulings;
            }, TimeSpan.FromSeconds(60), "ofsted to hold every inspection");

            await using (var scope = Platform.Services("orchestrator").CreateAsyncScope())
            {
                var outbox = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().OutboxMessages;
                await Testing.Platform.WaitUntil(async () =>
                    await outbox.CountAsync(m => m.InspectionId != null && ids.Contains(m.InspectionId.Value) && m.PublishedAt == null) == 0,
                    TimeSpan.FromSeconds(30), "every outbox row to be published");
            }
            // Published once each: the broker counted exactly one publish per scheduling into the queue.
            // (Its statistics are sampled every 5 s: wait for them to include everything, then a sample more.)
            await Testing.Platform.WaitUntil(async () => await Published("ofsted-inspection-scheduled") >= publishedBefore + Schedulings,
                TimeSpan.FromSeconds(30), "the broker's count to include the publishes");
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(publishedBefore + Schedulings, await Published("ofsted-inspection-scheduled"));

            await using (var scope = Platform.Services("ofsted-2").CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
                Assert.Equal(Schedulings, await db.Inspections.CountAsync(c => ids.Contains(c.InspectionId)));
                Assert.Equal(Schedulings, await db.InboxMessages.CountAsync(m => m.InspectionId != null && ids.Contains(m.InspectionId.Value)
                    && m.Consumer == "InspectionScheduledConsumer"));
            }
            Assert.DoesNotContain(await Platform.Infrastructure.Management.Peek(Platform.Vhost, "ofsted-inspection-scheduled_error", 100),
                m => ids.Any(id => m.Body.Contains(id.ToString())));
        }
        finally
        {
            await Platform.StopService("orchestrator-2");
            await Platform.StopService("ofsted-2");
        }
    }

    private async Task<int> Consumers(string queue) =>
        (await Platform.Infrastructure.Management.Queue(Platform.Vhost, queue))?.GetProperty("consumers").GetInt32() ?? 0;

    private async Task<long> Published(string queue)
    {
        var described = await Platform.Infrastructure.Management.Queue(Platform.Vhost, queue);
        return described is { } q && q.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var publish)
            ? publish.GetInt64() : 0;
    }
}
