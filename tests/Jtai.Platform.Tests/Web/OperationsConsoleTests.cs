using Jtai.Contracts.Events;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Operations;
using Jtai.ServiceDefaults.Paging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// An operator at the console: sees thresholds and services at a glance, finds a failed message in
/// its error queue, replays it once the fault is fixed, sees the replay on record and the flow.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OperationsConsoleTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_operator_finds_a_dead_letter_replays_it_after_the_fault_is_fixed_and_follows_the_flow()
    {
        const string queue = "hmicfrs-inspection-transitioned_error";
        var page = await fixture.SignedIn("operations", subject: "olu.operator", name: "Olu Operator");
        await page.GetByRole(AriaRole.Link, new() { Name = "Operations", Exact = true }).ClickAsync();
        Assert.Equal("Operations console", await page.Heading());
        var services = await page.Locator("#services").InnerTextAsync();
        foreach (var process in new[] { "gateway", "orchestrator", "ofsted", "cqc", "hmicfrs" }) Assert.Contains(process, services);
        Assert.DoesNotContain("Not ready", services);
        await page.ShouldBeAccessible("operations-console");

        // A lifecycle event reaches the inspectorates before the inspection itself and is still early when its
        // parking window closes: their consumers fail it past every retry.
        var inspectionId = Guid.NewGuid();
        var transitioned = new InspectionTransitioned(inspectionId, "scheduled", "notified", Steps.NextFieldworkMonday(Platform.Clock),
            Platform.Clock.GetUtcNow(), "test");
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(transitioned, c => { c.MessageId = NewId.NextGuid(); TestBus.PastItsParkingWindow(c); });

        await Testing.Platform.WaitUntil(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#error-queues").CountAsync() > 0
                && await page.Locator("#error-queues").GetByRole(AriaRole.Link, new() { Name = queue }).CountAsync() > 0;
        }, TimeSpan.FromSeconds(30), $"{queue} on the console");
        Assert.Contains("Needs attention", await page.InnerTextAsync("main"));
        Assert.Contains($"Messages in an error queue: 1 message(s) in {queue}", await page.Locator("#breached").InnerTextAsync());
        await page.ShouldBeAccessible("operations-console-attention");

        await page.Locator("#error-queues").GetByRole(AriaRole.Link, new() { Name = queue }).ClickAsync();
        Assert.Equal(queue, await page.Heading());
        var row = page.Locator("#dead-letters tbody tr").Filter(new() { HasText = "InspectionTransitioned" });
        Assert.Contains("Waiting for inspection", await row.InnerTextAsync());
        Assert.Contains("3 retries, 0 replays", await row.InnerTextAsync());
        await page.ShouldBeAccessible("operations-dead-letters");

        // The fault is fixed: the inspection reaches HMICFRS. The operator replays the message.
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionScheduled(inspectionId, "E06000012", "North East Lincolnshire", "front-door", transitioned.FieldworkStart,
                Platform.Clock.GetUtcNow()), c => c.MessageId = NewId.NextGuid());
        await Platform.CopyHeldBy("hmicfrs", inspectionId);
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await page.Reached("**/operations/replays?replayed=*");
        Assert.Equal("Replays on record", await page.Heading());
        Assert.Contains("is back on its queue", await page.InnerTextAsync("main"));

        var record = page.Locator("#replays tbody tr").Filter(new() { HasText = queue }).First;
        await Testing.Platform.WaitUntil(async () =>
        {
            await page.ReloadAsync();
            return (await record.InnerTextAsync()).Contains("Consumed at");
        }, TimeSpan.FromSeconds(30), "the replay to show the message consumed");
        var recorded = await record.InnerTextAsync();
        Assert.Contains("Olu Operator", recorded);
        Assert.Contains("olu.operator", recorded);
        Assert.Contains("InspectionTransitioned", recorded);
        Assert.Contains("Waiting for inspection", recorded);
        await page.ShouldBeAccessible("operations-replays");

        // The waterfall: the failed attempts, then the consumption after the replay, each with its trace in the dashboard.
        await record.GetByRole(AriaRole.Link, new() { Name = "Message flow" }).ClickAsync();
        Assert.Equal("Message flow", await page.Heading());
        var flow = page.Locator("#flow tbody tr").Filter(new() { HasText = "hmicfrs" }).Filter(new() { HasText = "InspectionTransitionedConsumer" });
        var steps = await flow.AllInnerTextsAsync();
        Assert.Equal(3, steps.Count(s => s.Contains("Failed, retried")));
        Assert.Single(steps, s => s.Contains("Failed, sent to error queue"));
        Assert.Single(steps, s => s.Contains("Consumed"));
        Assert.True(steps.ToList().FindIndex(s => s.Contains("Consumed")) > steps.ToList().FindIndex(s => s.Contains("sent to error queue")));
        var trace = await flow.First.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        Assert.Matches($"^{WebFixture.DashboardUrl}/traces/detail/[0-9a-f]{{32}}$", trace);
        await page.ShouldBeAccessible("operations-flow");

        await page.GotoAsync("/operations/stuck-work");
        Assert.Equal("Overdue deadlines and stuck outbox messages", await page.Heading());
        await page.ShouldBeAccessible("operations-stuck-work");

        // Leave the other inspectorates' copies of the failed message replayed, so no error queue stays full.
        using var ops = Platform.Client(await Platform.Tokens.Operations());
        foreach (var other in new[] { "ofsted", "cqc" })
        {
            await Platform.CopyHeldBy(other, inspectionId);
            await (await ops.PostJson("/api/orchestrator/operations/dead-letters/replay", new { queue = $"{other}-inspection-transitioned_error", max = 100 }))
                .Expect(System.Net.HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_replays_on_record_are_shown_a_page_at_a_time()
    {
        // More replays than a page holds, the newest on record (far ahead), so they fill the first page and begin the second.
        var latest = new DateTimeOffset(2100, 1, 4, 9, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, PageQuery.DefaultLimit + 3).Select(i => new DeadLetterReplay
        {
            Id = Guid.NewGuid(), ReplayedAt = latest.AddMinutes(-i), ReplayedBy = "paging-test", ReplayedByName = "Paging Test",
            ErrorQueue = "ofsted-paging_error", SourceQueue = "ofsted-paging", MessageId = Guid.NewGuid(),
            MessageType = $"Jtai.Contracts.Events.PagingTest{i:D2}", Outcome = "not-found",
        }).ToList();
        await using (var scope = Platform.Services("orchestrator").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            db.AddRange(records);
            await db.SaveChangesAsync();
        }
        try
        {
            var page = await fixture.SignedIn("operations", subject: "olu.operator", name: "Olu Operator");
            await page.GotoAsync("/operations/replays");
            Assert.Equal(PageQuery.DefaultLimit, await page.Locator("#replays tbody tr").CountAsync());
            var first = await page.Locator("#replays").InnerTextAsync();
            Assert.Contains("PagingTest00", first);
            Assert.DoesNotContain($"PagingTest{PageQuery.DefaultLimit:D2}", first);
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).CountAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
            await page.Reached("**/operations/replays?after=*");
            var second = await page.Locator("#replays").InnerTextAsync();
            Assert.Contains($"PagingTest{PageQuery.DefaultLimit:D2}", second);
            Assert.DoesNotContain("PagingTest00", second);
            await page.ShouldBeAccessible("operations-replays-next-page");

            await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
            Assert.Contains("PagingTest00", await page.Locator("#replays").InnerTextAsync());

            // A cursor changed by hand is the page's own address gone wrong: GOV.UK's page for it, not an error of the service.
            var tampered = await page.GotoAsync("/operations/replays?after=not-a-cursor");
            Assert.Equal(400, tampered!.Status);
        }
        finally
        {
            await using var scope = Platform.Services("orchestrator").CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            var ids = records.Select(r => r.Id).ToList();
            await db.Set<DeadLetterReplay>().Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task The_console_is_for_operations_only_and_names_a_wrong_inspection_id()
    {
        var inspector = await fixture.SignedIn("inspector", "ofsted", subject: "ian.inspector", name: "Ian Inspector");
        Assert.Equal(0, await inspector.GetByRole(AriaRole.Link, new() { Name = "Operations", Exact = true }).CountAsync());
        var refused = await inspector.GotoAsync("/operations");
        Assert.Equal(403, refused!.Status);

        var page = await fixture.SignedIn("operations", subject: "olu.operator", name: "Olu Operator");
        await page.GotoAsync("/operations");
        await page.GetByLabel("Follow an inspection's messages").FillAsync("not-an-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the message flow" }).ClickAsync();
        Assert.Equal("There is a problem", await page.Locator(".govuk-error-summary__title").InnerTextAsync());
        Assert.StartsWith("Error:", await page.TitleAsync());
        await page.ShouldBeAccessible("operations-console-error");

        var id = (await Platform.ScheduleInspection(area: "E06000013", areaName: "North Lincolnshire"))["id"]!.GetValue<Guid>();
        await page.GetByLabel("Follow an inspection's messages").FillAsync(id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the message flow" }).ClickAsync();
        Assert.Equal("Message flow", await page.Heading());
        await Testing.Platform.WaitUntil(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#flow tbody tr").Filter(new() { HasText = "Consumed" }).CountAsync() >= 3;
        }, TimeSpan.FromSeconds(30), "each inspectorate's consumption in the flow");
        Assert.Contains("Published", await page.Locator("#flow tbody tr").First.InnerTextAsync());
    }
}
