using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jtai.Contracts.Events;
using Jtai.Testing;
using Jtai.Testing.AnnexA;
using MassTransit;
using Xunit;

namespace Jtai.Platform.Tests.Operations;

/// <summary>The dashboard and the five processes as separate OS processes, as infra/run.sh starts them.</summary>
public sealed class ProcessPlatformFixture : IAsyncLifetime
{
    private Infrastructure? _infrastructure;

    public ProcessPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await Infrastructure.Start();
        Platform = await ProcessPlatform.Start(_infrastructure);
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null) await Platform.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProcessPlatformCollection : ICollectionFixture<ProcessPlatformFixture>
{
    public const string Name = "process-platform";
}

/// <summary>Operators find a flow's single trace, and the platform's own metrics, in the real telemetry dashboard.</summary>
[Collection(ProcessPlatformCollection.Name)]
public sealed class TelemetryDashboardTests(ProcessPlatformFixture fixture)
{
    private static readonly string[] FiveProcesses = ["cqc", "gateway", "hmicfrs", "ofsted", "orchestrator"];
    private ProcessPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Scheduling_an_inspection_is_one_trace_in_the_dashboard_with_spans_from_all_five_processes()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var id = await Schedule("E06000010", "Kingston upon Hull", traceId);
        Assert.NotEqual(Guid.Empty, id);

        using var dashboard = Platform.Dashboard();
        HashSet<string> services = [];
        await Testing.Platform.WaitUntil(async () =>
        {
            var response = await dashboard.GetAsync($"/api/telemetry/traces/{traceId}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            services = ServicesIn(await response.Content.ReadFromJsonAsync<JsonElement>());
            return services.Count == FiveProcesses.Length;
        }, TimeSpan.FromSeconds(60), $"trace {traceId} in the dashboard with spans from all five processes");
        Assert.Equal(FiveProcesses, services.Order());

        // The same trace id is what the operators' flow view links to.
        using var ops = Platform.Client(await Platform.Tokens.Operations());
        var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
        Assert.All(flow["messages"]!.AsArray(), m => Assert.Equal(traceId.ToString(), m!["traceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task After_a_short_run_the_platform_metrics_are_in_the_dashboard()
    {
        // A short run: a scheduling, a redelivery, a message that fails past its retries, an Annex A upload.
        var id = await Schedule("E08000025", "Birmingham", ActivityTraceId.CreateRandom());
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(Platform.Infrastructure.AmqpFor(Platform.Vhost)));
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            var messageId = NewId.NextGuid();
            var again = new InspectionScheduled(Guid.NewGuid(), "E06000011", "East Riding of Yorkshire", "front-door",
                DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), DateTimeOffset.UtcNow);
            await bus.Publish(again, c => c.MessageId = messageId);
            await bus.Publish(again, c => c.MessageId = messageId);
            await bus.Publish(new InspectionTransitioned(Guid.NewGuid(), "scheduled", "notified", again.FieldworkStart, DateTimeOffset.UtcNow, "test"),
                c => { c.MessageId = NewId.NextGuid(); TestBus.PastItsParkingWindow(c); });
        }
        finally
        {
            await bus.StopAsync();
        }
        // Partners see an inspection once its area is notified (¶16).
        using (var manager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted")))
            await (await manager.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = "notified", reason = "short run" }))
                .Expect(HttpStatusCode.OK);
        using var la = Platform.Client(await Platform.Tokens.Partner("E08000025", "local-authority"));
        var list = new AnnexAFiles(seed: 7, DateOnly.FromDateTime(DateTime.UtcNow), children: 60).List(1, 40);
        await Testing.Platform.WaitUntil(async () =>
        {
            using var file = new ByteArrayContent(list.ToCsvBytes());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var upload = await la.PostAsync($"/api/ofsted/inspections/{id}/information-exchange/annex-a/lists/1",
                new MultipartFormDataContent { { file, "file", "list1.csv" } });
            return upload.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(60), "Ofsted to take list 1");

        var expected = new Dictionary<(string Resource, string Meter), string[]>
        {
            [("orchestrator", "Jtai.Messaging")] = ["jtai.deadlines.due", "jtai.deadlines.overdue", "jtai.message_log.purge.runs",
                "jtai.outbox.backlog", "jtai.outbox.oldest_unpublished.age"],
            [("orchestrator", "Jtai.Operations")] = ["jtai.error_queue.messages", "jtai.milestones.overdue", "jtai.service.ready"],
            [("ofsted", "Jtai.Messaging")] = ["jtai.consumer.failures", "jtai.consumer.retries", "jtai.inbox.duplicates"],
            [("ofsted", "Jtai.InformationExchange")] = ["jtai.annex_a.rows_ingested"],
            [("ofsted", "Jtai.Retention")] = ["jtai.retention.purge.runs"],
        };

        await using var browser = await Browser.Launch();
        var page = await browser.NewPage(Platform.DashboardAddress);
        foreach (var ((resource, meter), instruments) in expected)
        {
            // The dashboard's metrics page for one resource and meter lists the instruments it has received.
            await Testing.Platform.WaitUntil(async () =>
            {
                await page.GotoAsync($"/metrics/resource/{resource}/meter/{meter}");
                try
                {
                    foreach (var instrument in instruments)
                        await page.GetByText(instrument, new() { Exact = true }).First.WaitForAsync(new() { Timeout = 3000 });
                    return true;
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(90), $"{string.Join(", ", instruments)} of {resource} under {meter} in the dashboard");
        }
    }

    private async Task<Guid> Schedule(string area, string areaName, ActivityTraceId traceId)
    {
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var fieldwork = Steps.NextFieldworkMonday(TimeProvider.System, weeksAhead: 8);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orchestrator/inspections")
        {
            Content = JsonContent.Create(new { localAreaCode = area, localAreaName = areaName, theme = "front-door", fieldworkStart = fieldwork }),
        };
        // The caller starts the trace, so the test knows its id (W3C trace context, sampled).
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var created = await (await lead.SendAsync(request)).Expect(HttpStatusCode.Created);
        return created["id"]!.GetValue<Guid>();
    }

    /// <summary>service.name of every resource that has spans in an OTLP JSON answer.</summary>
    private static HashSet<string> ServicesIn(JsonElement answer) =>
        answer.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("resource").GetProperty("attributes").EnumerateArray())
            .Where(a => a.GetProperty("key").GetString() == "service.name")
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
            .ToHashSet();
}
