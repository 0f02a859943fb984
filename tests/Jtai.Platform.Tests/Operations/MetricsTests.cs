using System.Diagnostics.Metrics;
using System.Net;
using Jtai.Contracts.Events;
using Jtai.Messaging.Monitoring;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Operations;

/// <summary>
/// The platform's own metrics count what really happened in each service: each collector listens
/// to one service's meters only (the five processes share this test process).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MetricsTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private MetricCollector<T> Collect<T>(string service, string instrument) where T : struct =>
        new(Platform.Services(service).GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName, instrument);

    [Fact]
    public async Task An_outbox_row_left_unpublished_shows_in_the_backlog_and_the_age_of_the_oldest_row()
    {
        using var backlog = Collect<long>("cqc", "jtai.outbox.backlog");
        using var age = Collect<double>("cqc", "jtai.outbox.oldest_unpublished.age");
        var messageId = Guid.NewGuid();
        await using var db = new NpgsqlConnection(Platform.Databases["cqc"]);
        await db.OpenAsync();
        // A row the relay will not try again for a day, written five minutes ago by the service's clock.
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_id, message_type, body, created_at, attempts, next_attempt_at, last_error)
            VALUES (@id, 'Jtai.Contracts.Events.LegalHoldReleased', '{}'::jsonb, @created, 3, now() + interval '1 day', 'BrokerUnreachableException: test')
            """, db))
        {
            insert.Parameters.AddWithValue("id", messageId);
            insert.Parameters.AddWithValue("created", Platform.Clock.GetUtcNow().AddMinutes(-5));
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            await Testing.Platform.WaitUntil(() =>
            {
                backlog.RecordObservableInstruments();
                age.RecordObservableInstruments();
                return Task.FromResult(backlog.LastMeasurement?.Value >= 1 && age.LastMeasurement?.Value >= 300);
            }, TimeSpan.FromSeconds(20), "cqc's gauges to show the unpublished row");
        }
        finally
        {
            await using var delete = new NpgsqlCommand("DELETE FROM outbox_messages WHERE message_id = @id", db);
            delete.Parameters.AddWithValue("id", messageId);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_redelivered_message_is_counted_as_a_suppressed_duplicate()
    {
        using var duplicates = Collect<long>("ofsted", "jtai.inbox.duplicates");
        var message = new InspectionScheduled(Guid.NewGuid(), "E06000006", "Halton", "front-door",
            Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());
        var messageId = NewId.NextGuid();
        await using (var bus = await TestBus.Start(Platform))
        {
            await bus.Publish(message, ctx => ctx.MessageId = messageId);
            await Platform.CopyHeldBy("ofsted", message.InspectionId);
            await bus.Publish(message, ctx => ctx.MessageId = messageId);
        }
        await Testing.Platform.WaitUntil(() => Task.FromResult(duplicates.GetMeasurementSnapshot()
                .Any(m => (string?)m.Tags["messaging.consumer"] == "InspectionScheduledConsumer" && m.Value == 1)),
            TimeSpan.FromSeconds(20), "ofsted to count the duplicate");
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_counted_retried_and_logged_attempt_by_attempt_until_it_goes_to_error()
    {
        using var failures = Collect<long>("ofsted", "jtai.consumer.failures");
        using var retries = Collect<long>("ofsted", "jtai.consumer.retries");
        // A lifecycle event for an inspection Ofsted has not heard of, still early when its parking window closes:
        // its consumer fails until the retries run out.
        var inspectionId = Guid.NewGuid();
        var transitioned = new InspectionTransitioned(inspectionId, "scheduled", "notified", Steps.NextFieldworkMonday(Platform.Clock),
            Platform.Clock.GetUtcNow(), "test");
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(transitioned, ctx => { ctx.MessageId = NewId.NextGuid(); TestBus.PastItsParkingWindow(ctx); });

        using var ops = Platform.Client(await Platform.Tokens.Operations());
        System.Text.Json.Nodes.JsonNode flow = null!;
        await Testing.Platform.WaitUntil(async () =>
        {
            flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{inspectionId}/flow?limit=200")).Expect(HttpStatusCode.OK);
            return flow["messages"]!.AsArray().Count(m => m!["service"]!.GetValue<string>() == "ofsted"
                && m["consumer"]?.GetValue<string>() == "InspectionTransitionedConsumer") == 4;
        }, TimeSpan.FromSeconds(30), "ofsted's four failed attempts in the flow view");

        var attempts = flow["messages"]!.AsArray()
            .Where(m => m!["service"]!.GetValue<string>() == "ofsted" && m["consumer"]?.GetValue<string>() == "InspectionTransitionedConsumer")
            .OrderBy(m => m!["attempts"]!.GetValue<int>()).ToList();
        Assert.Equal([1, 2, 3, 4], attempts.Select(m => m!["attempts"]!.GetValue<int>()));
        Assert.Equal(["retried", "retried", "retried", "failed"], attempts.Select(m => m!["outcome"]!.GetValue<string>()));
        Assert.All(attempts, m => Assert.Contains("Waiting for inspection", m!["lastError"]!.GetValue<string>()));
        Assert.Equal(4, failures.GetMeasurementSnapshot().Where(m => (string?)m.Tags["messaging.consumer"] == "InspectionTransitionedConsumer").Sum(m => m.Value));
        Assert.Equal(3, retries.GetMeasurementSnapshot().Where(m => (string?)m.Tags["messaging.consumer"] == "InspectionTransitionedConsumer").Sum(m => m.Value));

        // Once the inspection is known, the operator replays: each inspectorate consumes it once.
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(inspectionId, "E06000007", "Warrington", "front-door", transitioned.FieldworkStart,
                Platform.Clock.GetUtcNow()), ctx => ctx.MessageId = NewId.NextGuid());
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            await Platform.CopyHeldBy(service, inspectionId);
            await Testing.Platform.WaitUntil(async () =>
            {
                var queues = await (await ops.GetAsync("/api/orchestrator/operations/dead-letters")).Expect(HttpStatusCode.OK);
                return queues.AsArray().Any(q => q!["queue"]!.GetValue<string>() == $"{service}-inspection-transitioned_error" && q["messages"]!.GetValue<long>() > 0);
            }, TimeSpan.FromSeconds(30), $"{service}'s failed message in its error queue");
            await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay",
                new { queue = $"{service}-inspection-transitioned_error", max = 100 })).Expect(HttpStatusCode.OK);
        }
        await Testing.Platform.WaitUntil(async () =>
        {
            flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{inspectionId}/flow?limit=200")).Expect(HttpStatusCode.OK);
            return flow["messages"]!.AsArray().Count(m => m!["consumer"]?.GetValue<string>() == "InspectionTransitionedConsumer"
                && m["outcome"]!.GetValue<string>() == "consumed") == 3;
        }, TimeSpan.FromSeconds(30), "each inspectorate to consume the replayed message once");
    }
}
