using System.Net;
using System.Text.Json.Nodes;
using Jtai.Contracts.Events;
using MassTransit;
using Xunit;

namespace Jtai.Platform.Tests.Operations;

/// <summary>Operators see why a message failed, replay it once the fault is fixed, and every replay is on record.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DeadLetterTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_dead_letter_shows_why_it_failed_keeps_its_first_failure_across_replays_and_each_replay_is_on_record()
    {
        const string queue = "ofsted-inspection-transitioned_error";
        using var ops = Platform.Client(await Platform.Tokens.Operations("jo.bloggs"));
        // A lifecycle event for an inspection the inspectorates have not heard of, still early when its parking
        // window closes: their consumers fail it past every retry.
        var inspectionId = Guid.NewGuid();
        var transitioned = new InspectionTransitioned(inspectionId, "scheduled", "notified", Steps.NextFieldworkMonday(Platform.Clock),
            Platform.Clock.GetUtcNow(), "test");
        var messageId = NewId.NextGuid();
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(transitioned, ctx => { ctx.MessageId = messageId; TestBus.PastItsParkingWindow(ctx); });

        var first = await DeadLetter(ops, queue, messageId);
        Assert.Equal("ofsted", first["service"]!.GetValue<string>());
        Assert.Equal("InspectionTransitioned", first["messageType"]!.GetValue<string>());
        Assert.Equal(inspectionId, first["inspectionId"]!.GetValue<Guid>());
        Assert.Contains("Waiting for inspection", first["reason"]!.GetValue<string>());
        Assert.Equal("Jtai.Messaging.Inbox.MessageArrivedEarlyException", first["exceptionType"]!.GetValue<string>());
        Assert.Equal(3, first["retries"]!.GetValue<int>());
        var firstFailedAt = first["firstFailedAt"]!.GetValue<DateTimeOffset>();

        // The broker's management API counts queued messages every few seconds.
        await Testing.Platform.WaitUntil(async () =>
        {
            var status = await (await ops.GetAsync("/api/orchestrator/operations/status")).Expect(HttpStatusCode.OK);
            return status["anyBreached"]!.GetValue<bool>() && status["thresholds"]!.AsArray().Any(t => t!["rule"]!.GetValue<string>() == "error-queue-messages"
                && t["subject"]!.GetValue<string>() == queue && t["breached"]!.GetValue<bool>());
        }, TimeSpan.FromSeconds(30), "the console status to show the error queue breached");
        await Testing.Platform.WaitUntil(() => Task.FromResult(Platform.Logs.Snapshot().Any(l => l.Process == "orchestrator"
                && l.Message.Contains($"error-queue-messages for {queue}"))),
            TimeSpan.FromSeconds(20), "the orchestrator to log the error queue as a warning");

        // Replayed before the fault is fixed, it fails again: its first failure is kept, its last one moves on.
        await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue, messageId })).Expect(HttpStatusCode.OK);
        var again = await DeadLetter(ops, queue, messageId, replays: 1);
        Assert.Equal(firstFailedAt, again["firstFailedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(again["lastFailedAt"]!.GetValue<DateTimeOffset>() > firstFailedAt);

        // The fault is fixed (the inspection arrives); the operator replays it once more and it is consumed once.
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(inspectionId, "E06000009", "Blackpool", "front-door", transitioned.FieldworkStart,
                Platform.Clock.GetUtcNow()), ctx => ctx.MessageId = NewId.NextGuid());
        await Platform.CopyHeldBy("ofsted", inspectionId);
        var replay = await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue, messageId })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, replay["replayed"]!.GetValue<int>());

        List<JsonNode> records = null!;
        await Testing.Platform.WaitUntil(async () =>
        {
            records = await ops.AllPages($"/api/orchestrator/operations/dead-letters/replays?inspectionId={inspectionId}");
            return records.Count(r => r!["errorQueue"]!.GetValue<string>() == queue) == 2
                && records[0]!["afterReplay"]!["status"]!.GetValue<string>() == "consumed";
        }, TimeSpan.FromSeconds(30), "the last replay to be recorded as consumed");
        Assert.All(records, r =>
        {
            Assert.Equal(messageId, r!["messageId"]!.GetValue<Guid>());
            Assert.Equal("replayed", r["outcome"]!.GetValue<string>());
            Assert.Equal("jo.bloggs", r["replayedBy"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(r["replayedByName"]!.GetValue<string>()));
            Assert.Contains("Waiting for inspection", r["faultReason"]!.GetValue<string>());
            Assert.Equal(firstFailedAt, r["firstFailedAt"]!.GetValue<DateTimeOffset>());
        });
        Assert.Equal("failed-again", records[1]!["afterReplay"]!["status"]!.GetValue<string>());

        var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{inspectionId}/flow?limit=200")).Expect(HttpStatusCode.OK);
        Assert.Single(flow["messages"]!.AsArray(), m => m!["service"]!.GetValue<string>() == "ofsted"
            && m["consumer"]?.GetValue<string>() == "InspectionTransitionedConsumer" && m["outcome"]!.GetValue<string>() == "consumed");

        // A message that is not there: a 404 naming it, and the attempt is on record too.
        var missing = Guid.NewGuid();
        var notFound = await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue, messageId = missing }))
            .ExpectProblem(HttpStatusCode.NotFound);
        Assert.Contains(missing.ToString(), notFound["detail"]!.GetValue<string>());
        var all = await ops.AllPages("/api/orchestrator/operations/dead-letters/replays?limit=200");
        Assert.Contains(all, r => r!["messageId"]?.GetValue<Guid>() == missing && r["outcome"]!.GetValue<string>() == "not-found");

        foreach (var other in new[] { "cqc", "hmicfrs" })
        {
            await Platform.CopyHeldBy(other, inspectionId);
            await DeadLetter(ops, $"{other}-inspection-transitioned_error", messageId);
            await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay",
                new { queue = $"{other}-inspection-transitioned_error", messageId })).Expect(HttpStatusCode.OK);
        }
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        (await lead.GetAsync("/api/orchestrator/operations/dead-letters/replays")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_stuck_outbox_row_is_listed_across_services_and_breaches_its_threshold_in_the_service_that_holds_it()
    {
        var messageId = Guid.NewGuid();
        var inspectionId = Guid.NewGuid();
        await using var db = new Npgsql.NpgsqlConnection(Platform.Databases["hmicfrs"]);
        await db.OpenAsync();
        await using (var insert = new Npgsql.NpgsqlCommand("""
            INSERT INTO outbox_messages (message_id, message_type, body, inspection_id, created_at, attempts, next_attempt_at, last_error)
            VALUES (@id, 'Jtai.Contracts.Events.LegalHoldReleased', '{}'::jsonb, @inspection, @created, 7, now() + interval '1 day', 'BrokerUnreachableException: test')
            """, db))
        {
            insert.Parameters.AddWithValue("id", messageId);
            insert.Parameters.AddWithValue("inspection", inspectionId);
            insert.Parameters.AddWithValue("created", Platform.Clock.GetUtcNow().AddMinutes(-3));
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            var stuck = await (await ops.GetAsync("/api/orchestrator/operations/stuck-work?limit=200")).Expect(HttpStatusCode.OK);
            var row = Assert.Single(stuck["stuckOutbox"]!["items"]!.AsArray(), r => r!["messageId"]!.GetValue<Guid>() == messageId);
            Assert.Equal("hmicfrs", row!["service"]!.GetValue<string>());
            Assert.Equal(inspectionId, row["inspectionId"]!.GetValue<Guid>());
            Assert.Equal(7, row["attempts"]!.GetValue<int>());
            Assert.Empty(stuck["unavailable"]!.AsArray());

            var status = await (await ops.GetAsync("/api/orchestrator/operations/status")).Expect(HttpStatusCode.OK);
            var outbox = status["thresholds"]!.AsArray().Single(t => t!["rule"]!.GetValue<string>() == "outbox-oldest-unpublished"
                && t["subject"]!.GetValue<string>() == "hmicfrs");
            Assert.True(outbox!["breached"]!.GetValue<bool>());
            Assert.Equal(5, status["services"]!.AsArray().Count);
            Assert.All(status["services"]!.AsArray(), s => Assert.True(s!["ready"]!.GetValue<bool>()));
            await Testing.Platform.WaitUntil(() => Task.FromResult(Platform.Logs.Snapshot().Any(l => l.Process == "hmicfrs"
                    && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("outbox-oldest-unpublished for hmicfrs"))),
                TimeSpan.FromSeconds(20), "hmicfrs to log its stuck outbox as a warning");

            using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
            (await lead.GetAsync("/api/orchestrator/operations/stuck-work")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await lead.GetAsync("/api/orchestrator/operations/status")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            await using var delete = new Npgsql.NpgsqlCommand("DELETE FROM outbox_messages WHERE message_id = @id", db);
            delete.Parameters.AddWithValue("id", messageId);
            await delete.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Waits for the message in the error queue (after a replay, with that many replays) and returns it.</summary>
    private static async Task<JsonNode> DeadLetter(HttpClient ops, string queue, Guid messageId, int replays = 0)
    {
        JsonNode? found = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            var response = await ops.GetAsync($"/api/orchestrator/operations/dead-letters/{queue}/messages");
            if (response.StatusCode == HttpStatusCode.NotFound) return false;   // the broker makes the queue with its first message
            var messages = await response.Expect(HttpStatusCode.OK);
            found = messages.AsArray().FirstOrDefault(m => m!["messageId"]?.GetValue<Guid>() == messageId && m["replays"]!.GetValue<int>() == replays);
            return found is not null;
        }, TimeSpan.FromSeconds(30), $"message {messageId} in {queue}");
        return found!;
    }
}
