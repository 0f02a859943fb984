using System.Diagnostics.Metrics;
using System.Net;
using Jtai.Messaging.Monitoring;
using Jtai.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Operations;

/// <summary>A platform whose message log is kept three seconds and purged every second, two rows at a time.</summary>
public sealed class ShortMessageLogFixture : PlatformFixture
{
    protected override PlatformOptions Options => new()
    {
        Settings = (_, settings) =>
        {
            settings["Messaging:Retention:Period"] = "00:00:03";
            settings["Messaging:Retention:Interval"] = "00:00:01";
            settings["Messaging:Retention:BatchSize"] = "2";
        },
    };
}

[CollectionDefinition(Name)]
public sealed class ShortMessageLogCollection : ICollectionFixture<ShortMessageLogFixture>
{
    public const string Name = "short-message-log";
}

[Collection(ShortMessageLogCollection.Name)]
public sealed class MessageLogRetentionTests(ShortMessageLogFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Published_and_consumed_messages_are_purged_after_the_period_in_batches_but_an_unpublished_row_stays()
    {
        using var runs = new MetricCollector<long>(Platform.Services("orchestrator").GetRequiredService<IMeterFactory>(),
            MessagingMetrics.MeterName, "jtai.message_log.purge.runs");
        using var purged = new MetricCollector<long>(Platform.Services("ofsted").GetRequiredService<IMeterFactory>(),
            MessagingMetrics.MeterName, "jtai.message_log.purged");
        var id = (await Platform.ScheduleInspection(area: "E06000008", areaName: "Blackburn with Darwen"))["id"]!.GetValue<Guid>();
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(service, id);

        using var ops = Platform.Client(await Platform.Tokens.Operations());
        var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
        Assert.All(flow["services"]!.AsArray(), s => Assert.Equal("00:00:03", s!["retentionPeriod"]!.GetValue<string>()));

        // Work still to do is never log: an old row the relay has not published yet must stay.
        var stuckId = Guid.NewGuid();
        await using (var db = new NpgsqlConnection(Platform.Databases["orchestrator"]))
        {
            await db.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox_messages (message_id, message_type, body, inspection_id, created_at, attempts, next_attempt_at)
                VALUES (@id, 'Jtai.Contracts.Events.LegalHoldReleased', '{}'::jsonb, @inspection, now() - interval '1 hour', 1, now() + interval '1 day')
                """, db);
            insert.Parameters.AddWithValue("id", stuckId);
            insert.Parameters.AddWithValue("inspection", id);
            await insert.ExecuteNonQueryAsync();
        }

        await Testing.Platform.WaitUntil(async () =>
        {
            flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
            return flow["messages"]!.AsArray().Count == 1;
        }, TimeSpan.FromSeconds(30), "the purge to leave only the unpublished row");
        var left = Assert.Single(flow["messages"]!.AsArray());
        Assert.Equal(stuckId, left!["messageId"]!.GetValue<Guid>());
        Assert.Equal("retrying", left["outcome"]!.GetValue<string>());

        Assert.True(runs.GetMeasurementSnapshot().Count >= 1);
        Assert.True(purged.GetMeasurementSnapshot().Where(m => (string?)m.Tags["db.table"] == "inbox_messages").Sum(m => m.Value) >= 1);
    }
}
