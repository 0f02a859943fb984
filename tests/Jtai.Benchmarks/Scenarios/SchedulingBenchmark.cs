using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// Scheduling sustained at a fixed rate through the gateway (open loop): the POST's latency, and
/// the fan-out from the orchestrator's commit to the three inspectorates' consumers' commits.
/// </summary>
public static class SchedulingBenchmark
{
    public static async Task Run(Stack stack, Report report, double rate, double fanOutGoal, double? postGoal)
    {
        Console.WriteLine($"scheduling at {rate}/s for {stack.Duration.TotalSeconds} s, {stack.Runs} runs (load {Stack.LoadAverage()})");
        using var client = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"));
        await LoadGenerator.OpenLoop(client, Scheduling.Request, 20, TimeSpan.FromSeconds(2)); // warm-up

        List<double> fan50 = [], fan99 = [], post50 = [], post99 = [], goodput = [], failed = [], missing = [], drain = [];
        for (var run = 0; run < stack.Runs; run++)
        {
            var outcomes = await LoadGenerator.OpenLoop(client, Scheduling.Request, rate, stack.Duration, keepBodies: true);
            var ids = Scheduling.CreatedIds(outcomes);
            var (seconds, notDelivered) = await Scheduling.AwaitDelivery(stack, ids, TimeSpan.FromSeconds(180));
            var fanOut = await Scheduling.FanOut(stack, ids);
            var latencies = outcomes.Select(o => o.Milliseconds).ToList();
            fan50.Add(Percentiles.Of(fanOut, 50));
            fan99.Add(Percentiles.Of(fanOut, 99));
            post50.Add(Percentiles.Of(latencies, 50));
            post99.Add(Percentiles.Of(latencies, 99));
            goodput.Add(ids.Length / stack.Duration.TotalSeconds);
            failed.Add(outcomes.Count(o => o.Status != 201));
            missing.Add(notDelivered);
            drain.Add(seconds);
            var statuses = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString())}: {g.Count()}"));
            Console.WriteLine($"  run {run + 1}: {statuses}; delivered to all three {ids.Length - notDelivered}/{ids.Length} within {seconds:F1} s after the load; load {Stack.LoadAverage()}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var area = $"scheduling {rate:N0}/s";
        report.Add(area, "POSTs answered 201 per second (goodput)", "/s", goodput, $"{rate:N0}", Percentiles.Median(goodput) >= rate * 0.99);
        report.Add(area, "POSTs not answered 201", "", failed, "0", Percentiles.Median(failed) == 0);
        report.Add(area, "created but not delivered to all three after 180 s", "", missing, "0", missing.All(m => m == 0));
        report.Add(area, "delivery finished, seconds after the load stopped", "s", drain);
        report.Add(area, "POST p50", "ms", post50);
        report.Add(area, "POST p99", "ms", post99, postGoal is null ? "" : $"≤ {postGoal} ms", postGoal is null ? null : Percentiles.Median(post99) <= postGoal);
        report.Add(area, "fan-out p50", "ms", fan50);
        report.Add(area, "fan-out p99", "ms", fan99, $"≤ {fanOutGoal} ms", Percentiles.Median(fan99) <= fanOutGoal);
    }
}
