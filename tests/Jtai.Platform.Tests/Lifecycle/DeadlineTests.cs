using System.Diagnostics.Metrics;
using System.Net;
using Jtai.Messaging.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>Its own platform: these tests move the clock.</summary>
public sealed class DeadlineFixture : PlatformFixture;

[CollectionDefinition(Name)]
public sealed class DeadlineCollection : ICollectionFixture<DeadlineFixture>
{
    public const string Name = "lifecycle-deadlines";
}

[Collection(DeadlineCollection.Name)]
public sealed class DeadlineTests(DeadlineFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_milestone_falls_due_through_the_broker_and_is_overdue_until_met()
    {
        var id = (await Platform.ScheduleInspection("E08000035", "Solihull"))["id"]!.GetValue<Guid>();
        var notification = (await Platform.Timeline(id)).Milestone("notification");
        Assert.Null(notification["reachedAt"]);
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        Assert.Empty((await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).Expect(HttpStatusCode.OK)).AsArray());

        // The operations metric: the orchestrator counts the deadline rows its poller fires.
        using var fired = new MetricCollector<long>(Platform.Services("orchestrator").GetRequiredService<IMeterFactory>(),
            MessagingMetrics.MeterName, "jtai.deadlines.fired");
        Platform.Clock.AdvanceTo(notification["dueAt"]!.GetValue<DateTimeOffset>().AddMinutes(1));

        // The poller fires the deadline row into the outbox; the relay publishes DeadlineReached on
        // the real broker; the orchestrator's consumer records the milestone reached.
        await Testing.Platform.WaitUntil(async () => (await Platform.Timeline(id)).Milestone("notification")["reachedAt"] is not null,
            TimeSpan.FromSeconds(30), "the notification deadline to come back through the broker");
        var timeline = await Platform.Timeline(id);
        Assert.Null(timeline.Milestone("draft-letter")["reachedAt"]);
        Assert.True(fired.GetMeasurementSnapshot().Sum(m => m.Value) >= 1, "the fired deadline is counted in jtai.deadlines.fired");

        var overdue = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).Expect(HttpStatusCode.OK);
        Assert.Equal(["notification"], overdue.AsArray().Select(o => o!["key"]!.GetValue<string>()));
        using var operations = Platform.Client(await Platform.Tokens.Operations());
        var all = await operations.AllPages("/api/orchestrator/operations/overdue?limit=200");
        Assert.Contains(all, o => o!["inspectionId"]!.GetValue<Guid>() == id && o["key"]!.GetValue<string>() == "notification");
        (await lead.GetAsync("/api/orchestrator/operations/overdue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Moving the stage alone meets nothing: the milestone is met once each inspectorate's notice is delivered.
        await Platform.SetContact("ofsted", "E08000035", "dcs", "Sol Director");
        await Platform.SetContact("cqc", "E08000035", "icb-chief-executive", "Sol Board");
        await Platform.SetContact("hmicfrs", "E08000035", "chief-constable", "Sol Constable");
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(inspectorate, id);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        try
        {
            await Testing.Platform.WaitUntil(async () =>
                (await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).Expect(HttpStatusCode.OK)).AsArray().Count == 0,
                TimeSpan.FromSeconds(30), "the notification to stop being overdue once the notices are delivered");
        }
        catch (TimeoutException e)
        {
            var overdueNow = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).ReadJson();
            var notices = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/notices")).ReadJson();
            throw new TimeoutException($"{e.Message}\noverdue: {overdueNow}\nnotices: {notices}");
        }
        var met = (await Platform.Timeline(id)).Milestone("notification");
        Assert.Equal("late", met["status"]!.GetValue<string>());
    }
}
