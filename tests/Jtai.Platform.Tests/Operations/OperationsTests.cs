using System.Net;
using Jtai.Contracts.Events;
using MassTransit;
using Xunit;

namespace Jtai.Platform.Tests.Operations;

/// <summary>Operators follow one inspection's messages across services and replay dead letters.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OperationsTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_flow_view_shows_the_published_event_and_each_consumption_in_one_trace_gathered_over_grpc()
    {
        var id = (await Platform.ScheduleInspection(area: "E06000003", areaName: "Redcar and Cleveland"))["id"]!.GetValue<Guid>();
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(service, id);

        using var ops = Platform.Client(await Platform.Tokens.Operations());
        var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
        Assert.All(flow["services"]!.AsArray(), s => Assert.Equal("answered", s!["status"]!.GetValue<string>()));

        var messages = flow["messages"]!.AsArray();
        var published = Assert.Single(messages, m => m!["direction"]!.GetValue<string>() == "published");
        Assert.Equal("orchestrator", published!["service"]!.GetValue<string>());
        Assert.Equal("published", published["outcome"]!.GetValue<string>());
        Assert.EndsWith("InspectionScheduled", published["messageType"]!.GetValue<string>());
        var consumed = messages.Where(m => m!["direction"]!.GetValue<string>() == "consumed").ToList();
        Assert.Equal(["cqc", "hmicfrs", "ofsted"], consumed.Select(m => m!["service"]!.GetValue<string>()).Order());
        Assert.All(consumed, m =>
        {
            Assert.Equal(published["messageId"]!.GetValue<Guid>(), m!["messageId"]!.GetValue<Guid>());
            Assert.Equal(published["traceId"]!.GetValue<string>(), m["traceId"]!.GetValue<string>());
        });

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        (await lead.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_shown_unavailable_not_empty()
    {
        var id = (await Platform.ScheduleInspection(area: "E06000004", areaName: "Stockton-on-Tees"))["id"]!.GetValue<Guid>();
        await Platform.CopyHeldBy("hmicfrs", id);
        await Platform.StopService("hmicfrs");
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
            var hmicfrs = flow["services"]!.AsArray().Single(s => s!["service"]!.GetValue<string>() == "hmicfrs");
            Assert.Equal("unavailable", hmicfrs!["status"]!.GetValue<string>());

            // At a glance: the process is not ready, and the orchestrator's watch says so in its log.
            var status = await (await ops.GetAsync("/api/orchestrator/operations/status")).Expect(HttpStatusCode.OK);
            Assert.True(status["anyBreached"]!.GetValue<bool>());
            var notReady = status["thresholds"]!.AsArray().Single(t => t!["rule"]!.GetValue<string>() == "service-not-ready"
                && t["subject"]!.GetValue<string>() == "hmicfrs");
            Assert.True(notReady!["breached"]!.GetValue<bool>());
            Assert.Equal("unreachable", status["services"]!.AsArray().Single(s => s!["service"]!.GetValue<string>() == "hmicfrs")!["status"]!.GetValue<string>());
            await Testing.Platform.WaitUntil(() => Task.FromResult(Platform.Logs.Snapshot().Any(l => l.Process == "orchestrator"
                    && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("service-not-ready for hmicfrs"))),
                TimeSpan.FromSeconds(20), "the orchestrator to log hmicfrs not ready as a warning");
        }
        finally
        {
            await Platform.StartService("hmicfrs");
        }
    }

    [Fact]
    public async Task A_message_that_failed_while_its_database_refused_the_service_is_listed_then_replayed_once_it_is_admitted_again()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Platform.Databases["ofsted"]).Database!;
        var message = new InspectionScheduled(Guid.NewGuid(), "E06000005", "Darlington", "front-door",
            Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());
        using var ops = Platform.Client(await Platform.Tokens.Operations());

        // Refused rather than unreachable: an unreachable database is a passing failure, whose messages are held
        // until it is back and never reach _error; a refusal is not mended by retrying, so the message lands there.
        await Platform.Infrastructure.SetServiceAdmitted("ofsted", database, false);
        try
        {
            await using (var bus = await TestBus.Start(Platform))
                await bus.Publish(message, ctx => ctx.MessageId = NewId.NextGuid());
            await Testing.Platform.WaitUntil(async () =>
            {
                var queues = await (await ops.GetAsync("/api/orchestrator/operations/dead-letters")).Expect(HttpStatusCode.OK);
                return queues.AsArray().Any(q => q!["queue"]!.GetValue<string>() == "ofsted-inspection-scheduled_error" && q["messages"]!.GetValue<long>() > 0);
            }, TimeSpan.FromSeconds(30), "the failed message in ofsted's error queue");
        }
        finally
        {
            await Platform.Infrastructure.SetServiceAdmitted("ofsted", database, true);
        }

        var replay = await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay",
            new { queue = "ofsted-inspection-scheduled_error", max = 100 })).Expect(HttpStatusCode.OK);
        Assert.True(replay["replayed"]!.GetValue<int>() >= 1);
        await Platform.CopyHeldBy("ofsted", message.InspectionId);

        var bad = await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue = "ofsted-inspection-scheduled" });
        await bad.ExpectProblem(HttpStatusCode.BadRequest);
        // An error queue that does not exist (here, on this platform's virtual host) is the caller's mistake: 404, not 500.
        var unknown = await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue = "nobody-listens-here_error", max = 1 });
        Assert.Equal("unknown-queue", (await unknown.ExpectProblem(HttpStatusCode.NotFound))["rule"]!.GetValue<string>());
    }
}
