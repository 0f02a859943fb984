using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// The gateway's own cost on an authenticated GET: the same bare Kestrel endpoint reached directly,
/// through a bare YARP, and through the gateway (token validation, authorization, rate limit,
/// correlation, telemetry). Saturation throughput (closed loop) and the tail at a fixed 1,000 req/s.
/// </summary>
public static class GatewayBenchmark
{
    private const string Path = "/api/orchestrator/inspections/6f1c2a4e-5a2b-4bd5-9a55-0c1d2e3f4a5b";
    private const int Callers = 64;
    private const double FixedRate = 1000;

    public static async Task Run(Stack stack, Report report)
    {
        Console.WriteLine($"gateway: closed loop {Callers} callers and open loop {FixedRate}/s, {stack.ShortDuration.TotalSeconds} s each, {stack.Runs} runs (load {Stack.LoadAverage()})");
        var token = await stack.Tokens.Staff("lead-inspector", "ofsted");
        // The same request to all three (the token too, which the gateway checks and all of them read and forward).
        using var direct = LoadGenerator.Client(stack.Kestrel, token);
        using var yarp = LoadGenerator.Client(stack.Yarp, token);
        using var gateway = LoadGenerator.Client(stack.ProxyGateway, token);
        // The process answering each: CPU per request is steadier than throughput on a shared 2-core box.
        var targets = new (string Name, HttpClient Client, string Process)[] { ("direct", direct, "kestrel"), ("bare YARP", yarp, "yarp"), ("gateway", gateway, "proxy-gateway") };
        HttpRequestMessage Get(int _) => new(HttpMethod.Get, Path);

        var settled = new List<string>();
        foreach (var (name, client, process) in targets)
            settled.Add($"{name} {(await Settle(stack, name, client, Get, process)).TotalSeconds:N0} s");
        report.Note($"gateway: full load until each target's CPU per request settled (slices of {Slice.TotalSeconds:N0} s, two in a row within " +
            $"{Settled:P0}, at most {MaxWarmUp.TotalSeconds:N0} s): {string.Join(", ", settled)}.");

        var throughput = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var p50 = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var p99 = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var cpu = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var failures = 0;
        for (var run = 0; run < stack.Runs; run++)
        {
            foreach (var (name, client, process) in targets)
            {
                var before = await stack.Cpu.Snapshot();
                var (perSecond, outcomes, sent) = await LoadGenerator.ClosedLoop(client, Get, Callers, stack.ShortDuration, TimeSpan.FromSeconds(1));
                // Milliseconds per request, shown in microseconds.
                cpu[name].Add(CpuMeter.PerOperation(before, await stack.Cpu.Snapshot(), sent)[process] * 1000);
                throughput[name].Add(perSecond);
                failures += outcomes.Count(o => o.Status != 200);
            }
            foreach (var (name, client, _) in targets)
            {
                var outcomes = await LoadGenerator.OpenLoop(client, Get, FixedRate, stack.ShortDuration);
                var latencies = outcomes.Select(o => o.Milliseconds).ToList();
                p50[name].Add(Percentiles.Of(latencies, 50));
                p99[name].Add(Percentiles.Of(latencies, 99));
                failures += outcomes.Count(o => o.Status != 200);
            }
        }

        report.Add("gateway", "bare YARP saturation throughput", "req/s", throughput["bare YARP"], baseline: "direct", baselineRuns: throughput["direct"]);
        var ratio = Percentiles.Median(throughput["gateway"]) / Percentiles.Median(throughput["bare YARP"]);
        report.Add("gateway", "gateway saturation throughput", "req/s", throughput["gateway"], "≥ 0.9× bare YARP", ratio >= 0.9,
            "bare YARP", throughput["bare YARP"]);
        report.Add("gateway", "bare YARP CPU per request at saturation", "µs", cpu["bare YARP"], baseline: "direct", baselineRuns: cpu["direct"]);
        report.Add("gateway", "gateway CPU per request at saturation", "µs", cpu["gateway"], baseline: "bare YARP", baselineRuns: cpu["bare YARP"]);
        report.Add("gateway", $"direct p99 at {FixedRate:N0} req/s", "ms", p99["direct"], "", null);
        report.Add("gateway", $"bare YARP p99 at {FixedRate:N0} req/s", "ms", p99["bare YARP"], "", null, "direct", p99["direct"], ratioIsDifference: true);
        var extra = Percentiles.Median(p99["gateway"]) - Percentiles.Median(p99["direct"]);
        report.Add("gateway", $"gateway p99 at {FixedRate:N0} req/s", "ms", p99["gateway"], "≤ direct + 1 ms", extra <= 1.0,
            "direct", p99["direct"], ratioIsDifference: true);
        report.Add("gateway", $"gateway p50 at {FixedRate:N0} req/s", "ms", p50["gateway"], "", null, "direct", p50["direct"], ratioIsDifference: true);
        if (failures > 0) report.Note($"gateway: {failures} requests did not answer 200 during the measurements.");
    }

    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);
    private const double Settled = 0.05;

    /// <summary>
    /// Full load on a target until its CPU per request stops falling: tiered compilation (each hot method compiled
    /// again, instrumented, then optimised) runs on the same two cores as the load, and the gateway, with far more code
    /// on its path than bare YARP, was measured still compiling after a fixed 10 s warm-up and for tens of seconds after it.
    /// </summary>
    private static async Task<TimeSpan> Settle(Stack stack, string name, HttpClient client, Func<int, HttpRequestMessage> request, string process)
    {
        var elapsed = TimeSpan.Zero;
        double? previous = null;
        while (true)
        {
            var before = await stack.Cpu.Snapshot();
            var slice = await LoadGenerator.ClosedLoop(client, request, Callers, Slice, TimeSpan.Zero);
            var perRequest = CpuMeter.PerOperation(before, await stack.Cpu.Snapshot(), slice.Sent)[process];
            elapsed += Slice;
            if (slice.Outcomes.FirstOrDefault(o => o.Status != 200) is { } refused)
                throw new InvalidOperationException($"{name} answered {refused.Status}: {refused.Body}");
            if (previous is { } last && Math.Abs(perRequest - last) <= Settled * last || elapsed >= MaxWarmUp) return elapsed;
            previous = perRequest;
        }
    }
}
