using System.Diagnostics;
using System.Net;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

[Collection(PlatformCollection.Name)]
public sealed class SchedulingTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Scheduling_through_the_gateway_gives_each_inspectorate_its_own_copy()
    {
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock, 8);
        var created = await Platform.ScheduleInspection(fieldworkStart: fieldwork);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal("scheduled", created["status"]!.GetValue<string>());

        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            var copy = await Platform.CopyHeldBy(inspectorate, id);
            Assert.Equal(Steps.Area, copy["localAreaCode"]!.GetValue<string>());
            Assert.Equal("front-door", copy["theme"]!.GetValue<string>());
            Assert.Equal(fieldwork.ToString("yyyy-MM-dd"), copy["fieldworkStart"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task One_request_is_one_trace_through_the_gateway_the_orchestrator_and_every_consumer()
    {
        var lead = await Platform.Tokens.Staff("lead-inspector", "ofsted");
        using var client = Platform.Client(lead);
        var response = await client.PostJson("/api/orchestrator/inspections", new
        {
            localAreaCode = "E08000026", localAreaName = "Coventry", theme = "front-door",
            fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock),
        });
        var id = (await response.Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(inspectorate, id);

        // The gateway's incoming request span is the root of the trace.
        var gatewayPort = Platform.GatewayAddress.Port;
        Activity? root = null;
        await Testing.Platform.WaitUntil(() =>
        {
            root = Platform.Spans.Snapshot().LastOrDefault(s =>
                s.Kind == ActivityKind.Server && s.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn"
                && s.GetTagItem("server.port")?.ToString() == gatewayPort.ToString()
                && s.GetTagItem("url.path") as string == "/api/orchestrator/inspections");
            return Task.FromResult(root is not null);
        }, TimeSpan.FromSeconds(10), "the gateway's request span");

        var traceId = root!.TraceId;
        var orchestratorPort = Platform.Host("orchestrator").HttpAddress.Port;
        await Testing.Platform.WaitUntil(() =>
        {
            var trace = Platform.Spans.InTrace(traceId);
            var consumers = trace.Where(s => s.Kind == ActivityKind.Consumer).Select(s => s.DisplayName).ToList();
            return Task.FromResult(
                trace.Any(s => s.Kind == ActivityKind.Server && s.GetTagItem("server.port")?.ToString() == orchestratorPort.ToString())
                && trace.Any(s => s.Source.Name == "Jtai" && s.DisplayName.StartsWith("outbox publish"))
                && new[] { "ofsted", "cqc", "hmicfrs" }.All(svc => consumers.Any(c => c.StartsWith($"{svc}-inspection-scheduled"))));
        }, TimeSpan.FromSeconds(15), "the orchestrator's span and all three consumers' spans in the gateway's trace " + traceId);
    }
}
